package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a member's ledger (L4, L7) in one pass per relationship. A favor's weight halves every
 * {@code halfLifeDays}: last year's introduction still counts, but less than this month's.
 */
public final class Balances {

    private static final Comparator<Entry> CHRONOLOGICAL =
            Comparator.comparing(Entry::occurredOn).thenComparingLong(Entry::id);

    private Balances() {
    }

    /** The summary of the counted entries; pending entries are ignored here. */
    public static LedgerSummary summarize(List<Entry> entries, LocalDate today, LedgerSettings settings) {
        Map<String, List<Entry>> byCounterpart = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.status().counts()) {
                byCounterpart.computeIfAbsent(e.counterpart(), k -> new ArrayList<>()).add(e);
            }
        }
        List<RelationshipBalance> relationships = new ArrayList<>(byCounterpart.size());
        double totalGiven = 0;
        double totalReceived = 0;
        for (Map.Entry<String, List<Entry>> group : byCounterpart.entrySet()) {
            RelationshipBalance balance = relationship(group.getKey(), group.getValue(), today, settings);
            relationships.add(balance);
            totalGiven += balance.given();
            totalReceived += balance.received();
        }
        relationships.sort(Comparator.comparing(RelationshipBalance::lastExchangeOn).reversed()
                .thenComparing(RelationshipBalance::counterpart));
        return new LedgerSummary(List.copyOf(relationships), round(totalGiven), round(totalReceived));
    }

    /** The balance of one relationship from its counted entries (in any order). */
    public static RelationshipBalance relationship(String counterpart, List<Entry> entries, LocalDate today,
                                                   LedgerSettings settings) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(CHRONOLOGICAL);
        double given = 0;
        double received = 0;
        int givenCount = 0;
        int receivedCount = 0;
        double recent = 0;
        double earlier = 0;
        LocalDate windowStart = today.minusDays(settings.trendWindowDays());
        for (Entry e : sorted) {
            double weight = decayed(e.weight(), e.occurredOn(), today, settings.halfLifeDays());
            if (e.isGiven()) {
                given += weight;
                givenCount++;
            } else {
                received += weight;
                receivedCount++;
            }
            if (e.occurredOn().isAfter(windowStart)) {
                recent += e.weight();
            } else {
                earlier += e.weight();
            }
        }
        LocalDate first = sorted.get(0).occurredOn();
        LocalDate last = sorted.get(sorted.size() - 1).occurredOn();
        return new RelationshipBalance(counterpart, round(given), round(received), round(given - received),
                givenCount, receivedCount, first, last, trend(recent, earlier, first, windowStart, settings),
                openLoops(sorted));
    }

    /** {@code weight × 0.5^(age / halfLife)}; a favor dated today (or later) keeps its full weight. */
    public static double decayed(int weight, LocalDate occurredOn, LocalDate today, double halfLifeDays) {
        long age = Math.max(0, ChronoUnit.DAYS.between(occurredOn, today));
        return weight * Math.pow(0.5, age / halfLifeDays);
    }

    /**
     * Recent activity per window against the earlier rate per window. Rising above 1.5 times the
     * earlier rate, falling below half of it.
     */
    private static Trend trend(double recent, double earlier, LocalDate first, LocalDate windowStart,
                               LedgerSettings settings) {
        if (earlier == 0) {
            return Trend.NEW;
        }
        double earlierWindows = Math.max(1.0,
                (double) ChronoUnit.DAYS.between(first, windowStart) / settings.trendWindowDays());
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
        Map<Direction, Deque<Entry>> open = new HashMap<>();
        open.put(Direction.GAVE, new ArrayDeque<>());
        open.put(Direction.RECEIVED, new ArrayDeque<>());
        for (Entry e : chronological) {
            Deque<Entry> other = open.get(e.direction().opposite());
            boolean closedNamed = e.returnsId() != null && other.removeIf(o -> o.id() == e.returnsId());
            if (!closedNamed && other.pollFirst() == null) {
                open.get(e.direction()).addLast(e);
            }
        }
        List<Entry> loops = new ArrayList<>(open.get(Direction.RECEIVED));
        loops.addAll(open.get(Direction.GAVE));
        loops.sort(CHRONOLOGICAL);
        return List.copyOf(loops);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
