package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a member's ledger (L4, L7). A favor's weight halves every {@code halfLifeDays}: last
 * year's introduction still counts, but less than this month's. One sort of the whole ledger (on a
 * primitive key) and one pass per relationship; entries on the same day keep their list order.
 */
public final class Balances {

    private Balances() {
    }

    /**
     * The summary of the counted entries; pending entries count only in each relationship's standing (where
     * a return awaiting confirmation already closes a favor), and a relationship of pending entries alone
     * is not listed.
     */
    public static LedgerSummary summarize(List<Entry> entries, LocalDate today, LedgerSettings settings) {
        Map<String, List<Entry>> byCounterpart = new LinkedHashMap<>();
        boolean anyPending = false;
        for (Entry e : chronological(entries)) {
            byCounterpart.computeIfAbsent(e.counterpart(), k -> new ArrayList<>()).add(e);
            anyPending |= !e.status().counts();
        }
        Decay decay = new Decay(today, settings.halfLifeDays());
        boolean givesMore = RelationshipStanding.givesMoreOverall(entries);
        List<RelationshipBalance> relationships = new ArrayList<>(byCounterpart.size());
        double totalGiven = 0;
        double totalReceived = 0;
        for (Map.Entry<String, List<Entry>> group : byCounterpart.entrySet()) {
            List<Entry> counted = anyPending ? group.getValue().stream().filter(e -> e.status().counts()).toList()
                    : group.getValue();
            if (counted.isEmpty()) {
                continue;
            }
            RelationshipBalance balance = relationship(group.getKey(), counted, today, settings, decay,
                    RelationshipStanding.of(group.getValue(), today, settings, givesMore));
            relationships.add(balance);
            totalGiven += balance.given();
            totalReceived += balance.received();
        }
        relationships.sort(Comparator.comparing(RelationshipBalance::lastExchangeOn).reversed()
                .thenComparing(RelationshipBalance::counterpart));
        return new LedgerSummary(List.copyOf(relationships), round(totalGiven), round(totalReceived));
    }

    /** The entries sorted by day, then by their position in the list. */
    static List<Entry> chronological(List<Entry> entries) {
        int n = entries.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            // the day in the high bits, the position in the low 24: one primitive sort does both orders
            keys[i] = (entries.get(i).occurredOn().toEpochDay() << 24) | i;
        }
        Arrays.sort(keys);
        List<Entry> sorted = new ArrayList<>(n);
        for (long key : keys) {
            sorted.add(entries.get((int) (key & 0xFFFFFF)));
        }
        return sorted;
    }

    private static RelationshipBalance relationship(String counterpart, List<Entry> sorted, LocalDate today,
                                                    LedgerSettings settings, Decay decay, RelationshipStanding standing) {
        double given = 0;
        double received = 0;
        int givenCount = 0;
        int receivedCount = 0;
        double recent = 0;
        double earlier = 0;
        long windowStart = today.toEpochDay() - settings.trendWindowDays();
        long[] days = new long[sorted.size()];
        int distinct = 0;
        for (Entry e : sorted) {
            long day = e.occurredOn().toEpochDay();
            double weight = e.weight() * decay.factor(day);
            if (e.isGiven()) {
                given += weight;
                givenCount++;
            } else {
                received += weight;
                receivedCount++;
            }
            if (day > windowStart) {
                recent += e.weight();
            } else {
                earlier += e.weight();
            }
            if (distinct == 0 || days[distinct - 1] != day) {
                days[distinct++] = day;
            }
        }
        LocalDate first = sorted.get(0).occurredOn();
        LocalDate last = sorted.get(sorted.size() - 1).occurredOn();
        return new RelationshipBalance(counterpart, round(given), round(received), round(given - received),
                givenCount, receivedCount, first, last,
                trend(recent, earlier, first.toEpochDay(), windowStart, settings), openLoops(sorted),
                usualGap(days, distinct), standing);
    }

    /** {@code weight × 0.5^(age / halfLife)}; a favor dated today (or later) keeps its full weight. */
    public static double decayed(int weight, LocalDate occurredOn, LocalDate today, double halfLifeDays) {
        return weight * new Decay(today, halfLifeDays).factor(occurredOn.toEpochDay());
    }

    /** Decay factors by age in days, each computed once per summary (ledgers repeat the same dates). */
    private static final class Decay {
        private final long today;
        private final double halfLifeDays;
        private final Map<Long, Double> byAge = new HashMap<>();

        Decay(LocalDate today, double halfLifeDays) {
            this.today = today.toEpochDay();
            this.halfLifeDays = halfLifeDays;
        }

        double factor(long day) {
            long age = Math.max(0, today - day);
            return byAge.computeIfAbsent(age, a -> Math.pow(0.5, a / halfLifeDays));
        }
    }

    /** The median gap between consecutive distinct days; 0 when there are fewer than two. */
    private static long usualGap(long[] days, int distinct) {
        if (distinct < 2) {
            return 0;
        }
        long[] gaps = new long[distinct - 1];
        for (int i = 1; i < distinct; i++) {
            gaps[i - 1] = days[i] - days[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /**
     * Recent activity per window against the earlier rate per window. Rising above 1.5 times the
     * earlier rate, falling below half of it.
     */
    private static Trend trend(double recent, double earlier, long firstDay, long windowStart, LedgerSettings settings) {
        if (earlier == 0) {
            return Trend.NEW;
        }
        double earlierWindows = Math.max(1.0, (double) (windowStart - firstDay) / settings.trendWindowDays());
        double earlierRate = earlier / earlierWindows;
        if (recent > earlierRate * 1.5) {
            return Trend.RISING;
        }
        if (recent < earlierRate * 0.5) {
            return Trend.FALLING;
        }
        return Trend.STEADY;
    }

    /**
     * Favors not yet returned (L7). A favor that names the one it returns closes that one; a favor
     * that names none closes the oldest open favor of the other direction, because most people
     * reciprocate without saying which favor they are returning; otherwise it opens a loop itself.
     */
    static List<Entry> openLoops(List<Entry> chronological) {
        Deque<Entry> openGiven = new ArrayDeque<>();
        Deque<Entry> openReceived = new ArrayDeque<>();
        for (Entry e : chronological) {
            Deque<Entry> other = e.isGiven() ? openReceived : openGiven;
            boolean closedNamed = e.returnsId() != null && other.removeIf(o -> o.id() == e.returnsId());
            if (!closedNamed && other.pollFirst() == null) {
                (e.isGiven() ? openGiven : openReceived).addLast(e);
            }
        }
        if (openGiven.isEmpty() && openReceived.isEmpty()) {
            return List.of();
        }
        List<Entry> loops = new ArrayList<>(openReceived);
        loops.addAll(openGiven);
        return chronological(loops);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
