package org.reciprocity.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the ledger tells other features about members' giving, for many members at once: matching
 * weighs it, and the helper index describes each giver by the kinds of help they gave.
 */
@Component
public class GivingHistory {

    private final ExchangeRows exchanges;

    GivingHistory(ExchangeRows exchanges) {
        this.exchanges = exchanges;
    }

    /** Favors each member gave since the date, pending and private ones included (as the over-giving rule counts). */
    public Map<Long, Integer> givenSince(Collection<Long> members, LocalDate since) {
        return exchanges.givenSince(members, since);
    }

    /** For each other member: {favors they gave {@code member}, favors {@code member} gave them}, pending or confirmed. */
    public Map<Long, int[]> favorsWith(long member, Collection<Long> others) {
        return exchanges.favorsWith(member, others);
    }

    /**
     * The kinds of each giver's latest confirmed member-to-member favors, newest first, at most
     * {@code perGiver} each: of everyone (a rebuild of the match index). Kinds only: a favor's
     * description belongs to its two parties.
     */
    public Map<Long, List<String>> confirmedKinds(int perGiver) {
        return exchanges.confirmedKinds(perGiver);
    }

    /** The same for these givers only: a refresh of the members a batch of changes touched. */
    public Map<Long, List<String>> confirmedKindsOf(Collection<Long> givers, int perGiver) {
        return exchanges.confirmedKinds(givers, perGiver);
    }
}
