package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.util.List;

/** A member's ledger summary and its health flags, computed together from the same entries. */
public record LedgerHealth(LedgerSummary summary, List<HealthFlag> flags) {

    public static LedgerHealth of(List<Entry> entries, Integer capacityPerMonth, LocalDate today, LedgerSettings settings) {
        LedgerSummary summary = Balances.summarize(entries, today, settings);
        return new LedgerHealth(summary,
                HealthRules.evaluate(new HealthRules.Input(entries, summary, capacityPerMonth, today, settings)));
    }
}
