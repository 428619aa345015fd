package org.reciprocity.ledger;

import org.reciprocity.core.ledger.LedgerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** reciprocity.ledger.*: the half-life and health thresholds; defaults and meanings in application.yml and LedgerSettings. */
@ConfigurationProperties("reciprocity.ledger")
record LedgerProperties(double halfLifeDays, int trendWindowDays, int oneSidedPatienceDays, int oneSidedManyFavors,
                        int oneSidedManyPatienceDays, int overGivingWindowDays,
                        double overGivingUndeclaredMinGiven, double overGivingUndeclaredRatio,
                        int overTakingMinReceivedFavors, double overTakingMinReceived, double overTakingMaxGiveShare,
                        int unthankedAfterDays, int dormantMinExchanges, double dormantRhythmFactor, int dormantMinDays) {

    LedgerSettings settings() {
        return new LedgerSettings(halfLifeDays, trendWindowDays, oneSidedPatienceDays, oneSidedManyFavors,
                oneSidedManyPatienceDays, overGivingWindowDays, overGivingUndeclaredMinGiven,
                overGivingUndeclaredRatio, overTakingMinReceivedFavors, overTakingMinReceived, overTakingMaxGiveShare,
                unthankedAfterDays, dormantMinExchanges, dormantRhythmFactor, dormantMinDays);
    }
}
