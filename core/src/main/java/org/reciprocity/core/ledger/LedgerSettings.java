package org.reciprocity.core.ledger;

/**
 * How the ledger is summarised: the half-life of a favor's weight, and the thresholds of the health
 * rules. {@link #defaults()} documents the chosen values.
 *
 * @param halfLifeDays after this many days a favor weighs half as much (default 365)
 * @param trendWindowDays recent activity is compared with the rate before this window (default 90)
 * @param oneSidedMinGivenFavors ONE_SIDED needs at least this many favors given (default 3)
 * @param oneSidedTolerance ONE_SIDED needs an imbalance above this many decayed weight units (default 8):
 *        the tolerance of a cumulative-reciprocity strategy, which keeps cooperating while the
 *        running imbalance stays below a bound
 * @param oneSidedMaxReturnShare ONE_SIDED needs received/given at most this (default 0.25)
 * @param oneSidedMinAgeDays ONE_SIDED ignores relationships younger than this (default 90)
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
                             int oneSidedMinGivenFavors, double oneSidedTolerance, double oneSidedMaxReturnShare,
                             int oneSidedMinAgeDays,
                             int overGivingWindowDays, double overGivingUndeclaredMinGiven, double overGivingUndeclaredRatio,
                             int overTakingMinReceivedFavors, double overTakingMinReceived, double overTakingMaxGiveShare,
                             int unthankedAfterDays,
                             int dormantMinExchanges, double dormantRhythmFactor, int dormantMinDays) {

    public LedgerSettings {
        if (halfLifeDays <= 0) {
            throw new IllegalArgumentException("the half-life must be positive");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(365, 90, 3, 8.0, 0.25, 90, 30, 20.0, 4.0, 5, 10.0, 0.2, 3, 4, 3.0, 90);
    }

    public LedgerSettings withHalfLifeDays(double days) {
        return new LedgerSettings(days, trendWindowDays, oneSidedMinGivenFavors, oneSidedTolerance,
                oneSidedMaxReturnShare, oneSidedMinAgeDays, overGivingWindowDays, overGivingUndeclaredMinGiven,
                overGivingUndeclaredRatio, overTakingMinReceivedFavors, overTakingMinReceived, overTakingMaxGiveShare,
                unthankedAfterDays, dormantMinExchanges, dormantRhythmFactor, dormantMinDays);
    }
}
