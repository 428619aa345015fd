package org.reciprocity.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ONE_SIDED calibrated in a seeded community, under the old rule (kept here as the baseline) and the new
 * one ({@link RelationshipStanding}), in the same run.
 *
 * <p>The world: 300 members over two years (730 days): 30 defectors, who receive and never give (neither
 * back nor when asked), 90 slow reciprocators, who give back each favor 90 to 270 days after receiving it
 * (uniformly), and 180 balanced members, who give back within 3 to 28 days. 1,200 ties between random
 * pairs, each starting on a random day (a fifth exist from the first day); along a tie each side asks
 * the other at its own rate (log-normal around 1.5 asks a year, at most 24), and the one asked gives a
 * favor unless a defector. Weights 1 to 5, skewed small (40, 30, 15, 10, 5 percent); a quarter of the
 * returns name the favor they return. All favors confirmed.
 *
 * <p>What is counted: on each of five evaluation dates (days 365, 456, 547, 638 and 730), every
 * member's ledger as it stood that day, and in it every relationship with a counterpart the member had
 * given at least one favor by then, once per date. A relationship of a kind (defector, slow, balanced) is
 * the relationship of a helper with a counterpart of that kind; it is flagged when ONE_SIDED names the
 * counterpart that day. Two shares per kind: among the relationships in which a favor given is at least
 * the patience ({@link LedgerSettings#oneSidedPatienceDays()}, 300 days) old, so that it had time to come
 * back even from the slowest reciprocator — the target for defectors, at least 90 percent — and among all
 * of them, however young — the stricter count for slow reciprocators, at most 5 percent, as well as the
 * first count.
 */
class OneSidedSimulationTest {

    static final long SEED = 20260601L;
    static final LocalDate START = LocalDate.of(2024, 6, 1);
    static final int DAYS = 730;
    static final int[] EVALUATED_ON = {365, 456, 547, 638, 730};

    enum Kind { DEFECTOR, SLOW, BALANCED }

    record World(Kind[] kinds, List<List<Entry>> ledgers) {}

    static World world(long seed) {
        return world(seed, 1);
    }

    /** {@code busier}: asks per tie multiplied by this. */
    static World world(long seed, double busier) {
        Random random = new Random(seed);
        int n = 300;
        Kind[] kinds = new Kind[n];
        for (int m = 0; m < n; m++) {
            kinds[m] = m < 30 ? Kind.DEFECTOR : m < 120 ? Kind.SLOW : Kind.BALANCED;
        }
        List<List<Entry>> ledgers = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            ledgers.add(new ArrayList<>());
        }
        Set<Long> pairs = new HashSet<>();
        long[] nextId = {1};
        while (pairs.size() < n * 4) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a == b || !pairs.add((long) Math.min(a, b) << 32 | Math.max(a, b))) {
                continue;
            }
            int start = Math.max(0, -200 + random.nextInt(900));
            tie(random, a, b, start, busier, kinds, ledgers, nextId);
            tie(random, b, a, start, busier, kinds, ledgers, nextId);
        }
        return new World(kinds, ledgers);
    }

    /** The asks of {@code asker} to {@code helper} along one tie, each with its favor and its return. */
    private static void tie(Random random, int asker, int helper, int start, double busier, Kind[] kinds,
                            List<List<Entry>> ledgers, long[] nextId) {
        double perYear = busier * Math.min(24, Math.exp(Math.log(1.5) + 0.9 * random.nextGaussian()));
        double day = start + exponential(random, 365 / perYear);
        while (day < DAYS) {
            int on = (int) day;
            day += exponential(random, 365 / perYear);
            if (kinds[helper] == Kind.DEFECTOR) {
                continue; // defectors never give
            }
            long favor = nextId[0]++;
            int weight = weight(random);
            exchange(ledgers, favor, helper, asker, weight, on, null);
            int delay = switch (kinds[asker]) {
                case BALANCED -> 3 + random.nextInt(26);
                case SLOW -> 90 + random.nextInt(181);
                case DEFECTOR -> Integer.MAX_VALUE;
            };
            if (delay != Integer.MAX_VALUE && on + delay < DAYS) {
                exchange(ledgers, nextId[0]++, asker, helper, weight(random), on + delay,
                        random.nextInt(4) == 0 ? favor : null);
            }
        }
    }

    private static void exchange(List<List<Entry>> ledgers, long id, int giver, int receiver, int weight, int day,
                               Long returnsId) {
        LocalDate on = START.plusDays(day);
        ledgers.get(giver).add(new Entry(id, "m" + receiver, Direction.GAVE, weight, on, EntryStatus.CONFIRMED, on,
                true, returnsId));
        ledgers.get(receiver).add(new Entry(id, "m" + giver, Direction.RECEIVED, weight, on, EntryStatus.CONFIRMED, on,
                true, null));
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** 1 to 5, skewed small: 40, 30, 15, 10 and 5 percent. */
    private static int weight(Random random) {
        int roll = random.nextInt(100);
        return roll < 40 ? 1 : roll < 70 ? 2 : roll < 85 ? 3 : roll < 95 ? 4 : 5;
    }

    /**
     * The ONE_SIDED rule before issue 11, kept here as the baseline: at least 3 favors given, an imbalance
     * above 8 decayed weight units, at most a quarter returned, a relationship at least 90 days old. Before
     * the new rule replaced it, this copy gave the same flags as HealthRules.oneSided on every ledger and date
     * of this world (106 flags); its own test cases below keep it honest.
     */
    static Set<String> oldOneSided(LedgerSummary summary, LocalDate today) {
        Set<String> flagged = new HashSet<>();
        for (RelationshipBalance b : summary.relationships()) {
            long ageDays = ChronoUnit.DAYS.between(b.firstExchangeOn(), today);
            if (b.givenCount() >= 3 && b.balance() > 8.0 && b.received() <= 0.25 * b.given() && ageDays >= 90) {
                flagged.add(b.counterpart());
            }
        }
        return flagged;
    }

    @Test
    void theBaselineIsTheOldRuleOnItsOwnTestCases() {
        // the cases HealthRulesTest held before issue 11, with the old rule's answers
        assertThat(old(new Ledgers().gave("bob", 3, 200).gave("bob", 4, 150).gave("bob", 3, 60).gave("bob", 2, 20)))
                .containsExactly("bob");
        assertThat(old(new Ledgers().gave("bob", 5, 60).gave("bob", 5, 40).gave("bob", 5, 20))).isEmpty();
        assertThat(old(new Ledgers().gave("bob", 3, 300).gave("bob", 3, 200).gave("bob", 3, 100).received("bob", 3, 10)))
                .isEmpty();
        assertThat(old(new Ledgers().gave("bob", 1, 300).gave("bob", 1, 200).gave("bob", 1, 100))).isEmpty();
        assertThat(old(new Ledgers().gave("business", 4, 200).gave("business", 4, 140).gave("business", 4, 80)))
                .containsExactly("business");
    }

    private static Set<String> old(Ledgers ledger) {
        return oldOneSided(Balances.summarize(ledger.entries(), Ledgers.TODAY, LedgerSettings.defaults()), Ledgers.TODAY);
    }

    /** What a rule flagged, per kind of counterpart and per kind of relationship counted. */
    static final class Tally {
        final int[][] relationships = new int[Kind.values().length][2];
        final int[][] flagged = new int[Kind.values().length][2];

        void count(Kind kind, boolean hadTime, boolean isFlagged) {
            for (int c = 0; c <= (hadTime ? 1 : 0); c++) {
                relationships[kind.ordinal()][c]++;
                flagged[kind.ordinal()][c] += isFlagged ? 1 : 0;
            }
        }

        /** {@code hadTime}: only the relationships with a favor older than the patience; otherwise all. */
        double rate(Kind kind, boolean hadTime) {
            int c = hadTime ? 1 : 0;
            return (double) flagged[kind.ordinal()][c] / relationships[kind.ordinal()][c];
        }

        int relationships(Kind kind, boolean hadTime) {
            return relationships[kind.ordinal()][hadTime ? 1 : 0];
        }
    }

    @FunctionalInterface
    interface Rule {
        Set<String> flagged(List<Entry> entries, LedgerSummary summary, LocalDate today);
    }

    /** The rule in production, with its settings (the standings live in a summary made with them). */
    static Rule newRule(LedgerSettings settings) {
        return (entries, defaultSummary, today) -> {
            LedgerSummary summary = settings.equals(LedgerSettings.defaults()) ? defaultSummary
                    : Balances.summarize(entries, today, settings);
            Set<String> flagged = new HashSet<>();
            HealthRules.oneSided(new HealthRules.Input(entries, summary, null, today, settings))
                    .forEach(f -> flagged.add(f.counterpart()));
            return flagged;
        };
    }

    static final Rule OLD_RULE = (entries, summary, today) -> oldOneSided(summary, today);

    /**
     * Every helper's ledger on every evaluation date, as the helper would see it that day. A relationship
     * counts once per date when the helper had given the counterpart at least one favor by then; it
     * {@code hadTime} when one of those favors is at least {@code patienceDays} old.
     */
    static List<Tally> evaluate(World world, int patienceDays, List<Rule> rules) {
        List<Tally> tallies = rules.stream().map(r -> new Tally()).toList();
        for (int d : EVALUATED_ON) {
            LocalDate today = START.plusDays(d);
            LocalDate hadTimeBy = today.minusDays(patienceDays);
            for (List<Entry> ledger : world.ledgers()) {
                List<Entry> entries = ledger.stream().filter(e -> !e.occurredOn().isAfter(today)).toList();
                Map<String, LocalDate> firstGift = new HashMap<>();
                for (Entry e : entries) {
                    if (e.isGiven()) {
                        firstGift.merge(e.counterpart(), e.occurredOn(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                if (firstGift.isEmpty()) {
                    continue;
                }
                LedgerSummary summary = Balances.summarize(entries, today, LedgerSettings.defaults());
                for (int r = 0; r < rules.size(); r++) {
                    Set<String> flagged = rules.get(r).flagged(entries, summary, today);
                    Tally tally = tallies.get(r);
                    firstGift.forEach((counterpart, first) -> tally.count(world.kinds()[Integer.parseInt(counterpart.substring(1))],
                            !first.isAfter(hadTimeBy), flagged.contains(counterpart)));
                }
            }
        }
        return tallies;
    }

    @Test
    void oneSidedFlagsDefectorsAndSparesSlowReciprocators() {
        LedgerSettings settings = LedgerSettings.defaults();
        int patience = settings.oneSidedPatienceDays();
        List<Tally> t = evaluate(world(SEED), patience, List.of(OLD_RULE, newRule(settings)));
        Tally old = t.get(0);
        Tally now = t.get(1);
        System.out.printf(Locale.ROOT, "%nONE_SIDED in a seeded community (seed %d): 300 members (30 defectors, 90 slow "
                + "reciprocators, 180 balanced), 2 years, evaluated on days %s;%nnew rule: a favor waiting %d days, or %d "
                + "waiting for %d days with nothing back in %d days%n", SEED, java.util.Arrays.toString(EVALUATED_ON),
                patience, settings.oneSidedManyFavors(), settings.oneSidedManyPatienceDays(), patience);
        System.out.printf(Locale.ROOT, "%-62s %13s %9s %9s%n", "(helper, counterpart) relationships flagged", "relationships",
                "old rule", "new rule");
        for (Kind kind : Kind.values()) {
            for (boolean hadTime : new boolean[] {true, false}) {
                System.out.printf(Locale.ROOT, "%-62s %13d %8.1f%% %8.1f%%%n", label(kind) + (hadTime
                                ? ", a favor given at least " + patience + " days ago" : ", any favor given"),
                        now.relationships(kind, hadTime), 100 * old.rate(kind, hadTime), 100 * now.rate(kind, hadTime));
            }
        }
        System.out.println(describe(world(SEED)));
        assertMeetsTheTargets(now);

        System.out.printf(Locale.ROOT, "%nOther worlds (defectors: a favor at least %d days old; slow: any favor given)%n"
                + "%-40s %21s %21s%n", patience, "world", "defectors old / new", "slow old / new");
        for (long seed : new long[] {1, 2, 3}) {
            robustness("seed " + seed, world(seed), patience, settings, true);
        }
        robustness("seed " + SEED + ", three times as many asks", world(SEED, 3), patience, settings, false);
    }

    private static void robustness(String name, World world, int patience, LedgerSettings settings, boolean asserted) {
        List<Tally> t = evaluate(world, patience, List.of(OLD_RULE, newRule(settings)));
        System.out.printf(Locale.ROOT, "%-40s %9.1f%% / %6.1f%% %9.1f%% / %6.1f%%%n", name,
                100 * t.get(0).rate(Kind.DEFECTOR, true), 100 * t.get(1).rate(Kind.DEFECTOR, true),
                100 * t.get(0).rate(Kind.SLOW, false), 100 * t.get(1).rate(Kind.SLOW, false));
        if (asserted) {
            assertMeetsTheTargets(t.get(1));
        }
    }

    private static void assertMeetsTheTargets(Tally t) {
        assertThat(t.rate(Kind.DEFECTOR, true)).isGreaterThanOrEqualTo(0.90);
        assertThat(t.rate(Kind.SLOW, true)).isLessThanOrEqualTo(0.05);
        assertThat(t.rate(Kind.SLOW, false)).isLessThanOrEqualTo(0.05);
        assertThat(t.rate(Kind.BALANCED, false)).isLessThanOrEqualTo(0.01);
    }

    /** The shape of the world on its last day: how many favors, and how many per relationship. */
    static String describe(World world) {
        List<Integer> perRelationship = new ArrayList<>();
        int entries = 0;
        for (List<Entry> ledger : world.ledgers()) {
            Map<String, Integer> given = new HashMap<>();
            for (Entry e : ledger) {
                if (e.isGiven()) {
                    given.merge(e.counterpart(), 1, Integer::sum);
                    entries++;
                }
            }
            perRelationship.addAll(given.values());
        }
        java.util.Collections.sort(perRelationship);
        int n = perRelationship.size();
        long threeOrMore = perRelationship.stream().filter(c -> c >= 3).count();
        return String.format(Locale.ROOT, "the world: %d favors and returns; %d (helper, counterpart) relationships with "
                        + "a favor given, entries given per relationship (favors and returns): median %d, 90th percentile %d, most %d; "
                        + "3 or more in %d%%", entries, n, perRelationship.get(n / 2), perRelationship.get(n * 9 / 10),
                perRelationship.get(n - 1), Math.round(100.0 * threeOrMore / n));
    }

    /** The calibration: the same world under neighbouring settings, the chosen defaults marked. */
    @Test
    void theDefaultsSitWhereDefectorsAreCaughtEarlyAndSlowReciprocatorsAreSpared() {
        LedgerSettings d = LedgerSettings.defaults();
        int[][] variants = {{300, 3, 180}, {270, 3, 180}, {365, 3, 180}, {300, 2, 180}, {300, 4, 180}, {300, 3, 120},
                {300, 3, 150}, {300, 3, 240}, {300, 3, 300}};
        List<Rule> rules = new ArrayList<>();
        for (int[] v : variants) {
            rules.add(newRule(new LedgerSettings(d.halfLifeDays(), d.trendWindowDays(), v[0], v[1], v[2],
                    d.overGivingWindowDays(), d.overGivingUndeclaredMinGiven(), d.overGivingUndeclaredRatio(),
                    d.overTakingMinReceivedFavors(), d.overTakingMinReceived(), d.overTakingMaxGiveShare(),
                    d.unthankedAfterDays(), d.dormantMinExchanges(), d.dormantRhythmFactor(), d.dormantMinDays())));
        }
        List<Tally> tallies = evaluate(world(SEED), d.oneSidedPatienceDays(), rules);
        System.out.printf(Locale.ROOT, "%nCalibration of the new rule (same world; \"aged\": a favor given at least %d days "
                + "ago, \"any\": any favor given)%n%-44s %14s %14s %10s %10s%n", d.oneSidedPatienceDays(),
                "patience / many favors / oldest of many", "defectors aged", "defectors any", "slow aged", "slow any");
        for (int i = 0; i < variants.length; i++) {
            int[] v = variants[i];
            Tally t = tallies.get(i);
            System.out.printf(Locale.ROOT, "%-44s %13.1f%% %13.1f%% %9.1f%% %9.1f%%%n",
                    v[0] + " days / " + v[1] + " favors / " + v[2] + " days" + (i == 0 ? " (defaults)" : ""),
                    100 * t.rate(Kind.DEFECTOR, true), 100 * t.rate(Kind.DEFECTOR, false),
                    100 * t.rate(Kind.SLOW, true), 100 * t.rate(Kind.SLOW, false));
        }
        assertThat(variants[0]).containsExactly(d.oneSidedPatienceDays(), d.oneSidedManyFavors(), d.oneSidedManyPatienceDays());
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case DEFECTOR -> "defectors";
            case SLOW -> "slow reciprocators";
            case BALANCED -> "balanced members";
        };
    }
}
