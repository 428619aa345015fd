package org.reciprocity.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.insight.CircledBack.Chain;
import org.reciprocity.core.insight.CircledBack.Favor;

/** The pruned search finds exactly what a plain enumeration of every favor sequence finds. */
class CircledBackTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aTwoFavorChainAndTheRulesOfTime() {
        Favor aToB = favor(1, 1, 2, 3, 30);
        Favor bToA = favor(2, 2, 1, 4, 10);
        Favor bToAEarlier = favor(3, 2, 1, 5, 40); // before the favor it would answer: not a chain
        Favor bToASameDay = favor(4, 2, 1, 5, 30); // the same day: not later
        List<Chain> chains = CircledBack.all(1, List.of(aToB, bToA, bToAEarlier, bToASameDay), TODAY.minusDays(365), TODAY);
        assertThat(chains).containsExactly(new Chain(List.of(aToB, bToA)));
        assertThat(chains.get(0).weight()).isEqualTo(3);
        assertThat(chains.get(0).people()).containsExactly(1L, 2L, 1L);
    }

    @Test
    void aChainLeavesTheWindowWhenOneOfItsFavorsDoes() {
        List<Favor> favors = List.of(favor(1, 1, 2, 3, 400), favor(2, 2, 3, 3, 200), favor(3, 3, 1, 3, 100));
        assertThat(CircledBack.all(1, favors, TODAY.minusDays(365), TODAY)).isEmpty();
        assertThat(CircledBack.all(1, favors, TODAY.minusDays(500), TODAY)).hasSize(1);
    }

    @Test
    void noOneButTheMemberTwiceAndAtMostFourFavors() {
        // 1 → 2 → 3 → 2 → 1 passes 2 twice; 1 → 2 → 3 → 4 → 5 → 1 has five favors
        List<Favor> favors = List.of(favor(1, 1, 2, 2, 50), favor(2, 2, 3, 2, 40), favor(3, 3, 2, 2, 30), favor(4, 2, 1, 2, 20),
                favor(5, 3, 4, 2, 25), favor(6, 4, 5, 2, 15), favor(7, 5, 1, 2, 5));
        List<Chain> chains = CircledBack.all(1, favors, TODAY.minusDays(365), TODAY);
        assertThat(chains).extracting(Chain::people).containsExactly(List.of(1L, 2L, 1L));
    }

    @Test
    void theSearchEqualsABruteForceEnumerationOnAFiveThousandMemberGraph() {
        Random random = new Random(20261204);
        int members = 5_000;
        List<Favor> favors = new ArrayList<>();
        for (long id = 1; id <= 50_000; id++) {
            // skewed: a fifth of the favors come from the first hundred members; most stay among neighbours
            long giver = random.nextInt(5) == 0 ? random.nextInt(100) : random.nextInt(members);
            long receiver = random.nextInt(10) < 7 ? Math.floorMod(giver + random.nextInt(21) - 10, members) : random.nextInt(members);
            if (giver != receiver) {
                favors.add(favor(id, giver, receiver, 1 + random.nextInt(5), random.nextInt(730)));
            }
        }
        LocalDate from = TODAY.minusDays(365);
        int withChains = 0;
        int checked = 0;
        long chainsSeen = 0;
        long fastNanos = 0;
        long bruteNanos = 0;
        for (long member = 0; member < members; member += 11) {
            long started = System.nanoTime();
            List<Chain> fast = CircledBack.all(member, favors, from, TODAY);
            fastNanos += System.nanoTime() - started;
            started = System.nanoTime();
            List<Chain> brute = bruteForce(member, favors, from, TODAY);
            bruteNanos += System.nanoTime() - started;
            checked++;
            assertThat(fast).as("member %d", member).isEqualTo(brute);
            assertThat(CircledBack.best(member, favors, from, TODAY, 5)).isEqualTo(bestOf(brute, 5));
            withChains += fast.isEmpty() ? 0 : 1;
            chainsSeen += fast.size();
        }
        System.out.printf("circled back: %d chains for %d of %d members checked, equal to the brute force"
                + " (search %d ms, brute force %d ms)%n", chainsSeen, withChains, checked, fastNanos / 1_000_000,
                bruteNanos / 1_000_000);
        assertThat(withChains).as("the graph has chains to compare").isGreaterThan(100);
    }

    /** Every sequence of 2-4 favors from the member, checked only once it is complete. */
    private static List<Chain> bruteForce(long member, List<Favor> favors, LocalDate from, LocalDate to) {
        Map<Long, List<Favor>> out = new HashMap<>();
        favors.forEach(f -> out.computeIfAbsent(f.giver(), k -> new ArrayList<>()).add(f));
        List<Chain> found = new ArrayList<>();
        extend(member, new ArrayList<>(), out, from, to, found);
        found.sort(CircledBack.BEST_FIRST);
        return found;
    }

    private static void extend(long member, List<Favor> path, Map<Long, List<Favor>> out, LocalDate from, LocalDate to,
                               List<Chain> found) {
        if (path.size() == CircledBack.MAX_FAVORS) {
            return;
        }
        long at = path.isEmpty() ? member : path.get(path.size() - 1).receiver();
        for (Favor f : out.getOrDefault(at, List.of())) {
            path.add(f);
            if (valid(member, path, from, to)) {
                found.add(new Chain(path));
            }
            if (f.receiver() != member) {
                extend(member, path, out, from, to, found);
            }
            path.remove(path.size() - 1);
        }
    }

    private static boolean valid(long member, List<Favor> path, LocalDate from, LocalDate to) {
        if (path.size() < 2 || path.get(path.size() - 1).receiver() != member) {
            return false;
        }
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Favor f = path.get(i);
            if (f.on().isBefore(from) || f.on().isAfter(to) || i > 0 && !f.on().isAfter(path.get(i - 1).on())) {
                return false;
            }
            if (i < path.size() - 1) {
                if (f.receiver() == member || seen.contains(f.receiver())) {
                    return false;
                }
                seen.add(f.receiver());
            }
        }
        return true;
    }

    private static List<Chain> bestOf(List<Chain> sorted, int limit) {
        Map<List<Long>, Chain> byPeople = new LinkedHashMap<>();
        for (Chain c : sorted) {
            byPeople.putIfAbsent(c.people(), c);
        }
        return byPeople.values().stream().limit(limit).toList();
    }

    private static Favor favor(long id, long giver, long receiver, int weight, int daysAgo) {
        return new Favor(id, giver, receiver, weight, TODAY.minusDays(daysAgo));
    }
}
