package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The balance of one relationship (L4): weighted, time-decayed sums of what was given and received,
 * and the favors still waiting to be returned either way (L7).
 *
 * @param balance given minus received: positive when the member has given more
 * @param openLoops favors not yet returned: RECEIVED ones the member owes, GAVE ones owed to the member
 * @param usualGapDays the median number of days between the days with a favor; 0 with fewer than two such days
 * @param standing who owes whom on the summary's day: what ONE_SIDED, GIVE_BACK and the agenda read
 */
public record RelationshipBalance(String counterpart, double given, double received, double balance,
                                  int givenCount, int receivedCount, LocalDate firstExchangeOn,
                                  LocalDate lastExchangeOn, Trend trend, List<Entry> openLoops, long usualGapDays,
                                  RelationshipStanding standing) {

    public int exchangeCount() {
        return givenCount + receivedCount;
    }

    public long owedByMember() {
        return openLoops.stream().filter(e -> e.direction() == Direction.RECEIVED).count();
    }

    public long owedToMember() {
        return openLoops.stream().filter(e -> e.direction() == Direction.GAVE).count();
    }
}
