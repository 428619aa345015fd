package org.reciprocity.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.LedgerSettings;

/**
 * The baseline the benchmarks compare against: the straightforward way to compute the same balances,
 * one full scan of the ledger per relationship and a search of the whole list to close each loop.
 * It gives the same sums as {@code Balances}; only its cost differs (quadratic in the worst case).
 */
final class NaiveLedger {

    record Result(String counterpart, double given, double received, int openLoops) {}

    private NaiveLedger() {
    }

    static List<Result> summarize(List<Entry> entries, LocalDate today, LedgerSettings settings) {
        List<String> counterparts = new ArrayList<>();
        for (Entry e : entries) {
            if (e.status().counts() && !counterparts.contains(e.counterpart())) {
                counterparts.add(e.counterpart());
            }
        }
        List<Result> results = new ArrayList<>();
        for (String counterpart : counterparts) {
            double given = 0;
            double received = 0;
            List<Entry> open = new ArrayList<>();
            for (Entry e : entries) {
                if (!e.status().counts() || !e.counterpart().equals(counterpart)) {
                    continue;
                }
                long age = Math.max(0, ChronoUnit.DAYS.between(e.occurredOn(), today));
                double weight = e.weight() * Math.pow(0.5, age / settings.halfLifeDays());
                if (e.direction() == Direction.GAVE) {
                    given += weight;
                } else {
                    received += weight;
                }
                Entry match = null;
                for (Entry o : open) {
                    if (o.direction() != e.direction()) {
                        match = o;
                        break;
                    }
                }
                if (match != null) {
                    open.remove(match);
                } else {
                    open.add(e);
                }
            }
            results.add(new Result(counterpart, given, received, open.size()));
        }
        return results;
    }
}
