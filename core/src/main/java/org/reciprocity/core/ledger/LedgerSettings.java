package org.reciprocity.core.ledger;

/**
 * How the ledger is summarised: the half-life of a favor's weight, and the thresholds of the health
 * rules. {@link #defaults()} documents the chosen values.
 *
 * @param halfLifeDays after this many days a favor weighs half as much (default 365)
 * @param trendWindowDays recent activity is compared with the rate before this window (default 90)
 * @param oneSidedPatienceDays ONE_SIDED once a favor given has waited this many days for a return (default 300,
 *        ten months: longer than people who take their time, three to nine months, need to give back)
 * @param oneSidedManyFavors ONE_SIDED sooner when this many favors given are waiting (default 3) ...
 * @param oneSidedManyPatienceDays ... the oldest for this many days (default 180), and nothing has come back
 *        from them in the last {@code oneSidedPatienceDays}. See {@link RelationshipStanding}.
 * @param overGivingWindowDays OVER_GIVING counts favors given in this many recent days (default 30)
 * @param overGivingUndeclaredMinGiven without a declared capacity, OVER_GIVING needs this much decayed
 *        weight given (default 20)
 * @param overGivingUndeclaredRatio without a declared capacity, OVER_GIVING needs given at least this
 *        many times received (default 4)
 * @param overTakingMinReceivedFavors OVER_TAKING needs at least this many favors received (default 5)
 * @param overTakingMinReceived OVER_TAKING needs this much decayed weight received (default 10)
 * @param overTakingMaxGiveShare OVER_TAKING needs given/received at most this (default 0.2)
 * @param unthankedAfterDays a confirmed favor is UNTHANKED this many days after it started to count (default 3)
 * @param dormantMinExchanges DORMANT needs a relationship of at least this many exchanges (default 4)
 * @param dormantRhythmFactor DORMANT when the silence exceeds this many times the usual gap (default 3)
 * @param dormantMinDays and is at least this long (default 90)
 */
public record LedgerSettings(double halfLifeDays, int trendWindowDays,
                             int oneSidedPatienceDays, int oneSidedManyFavors, int oneSidedManyPatienceDays,
                             int overGivingWindowDays, double overGivingUndeclaredMinGiven, double overGivingUndeclaredRatio,
                             int overTakingMinReceivedFavors, double overTakingMinReceived, double overTakingMaxGiveShare,
                             int unthankedAfterDays,
                             int dormantMinExchanges, double dormantRhythmFactor, int dormantMinDays) {

    public LedgerSettings {
        if (halfLifeDays <= 0) {
            throw new IllegalArgumentException("the half-life must be positive");
        }
        if (oneSidedManyFavors < 1 || oneSidedManyPatienceDays > oneSidedPatienceDays) {
            throw new IllegalArgumentException("ONE_SIDED needs at least one favor, and the patience with many favors "
                    + "cannot be longer than the patience");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(365, 90, 300, 3, 180, 30, 20.0, 4.0, 5, 10.0, 0.2, 3, 4, 3.0, 90);
    }

    public LedgerSettings withHalfLifeDays(double days) {
        return new LedgerSettings(days, trendWindowDays, oneSidedPatienceDays, oneSidedManyFavors,
                oneSidedManyPatienceDays, overGivingWindowDays, overGivingUndeclaredMinGiven,
                overGivingUndeclaredRatio, overTakingMinReceivedFavors, overTakingMinReceived, overTakingMaxGiveShare,
                unthankedAfterDays, dormantMinExchanges, dormantRhythmFactor, dormantMinDays);
    }
}
