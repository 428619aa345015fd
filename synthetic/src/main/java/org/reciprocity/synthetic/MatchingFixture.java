package org.reciprocity.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import org.reciprocity.core.matching.HelperMatcher;
import org.reciprocity.core.matching.HelperProfile;
import org.reciprocity.core.matching.HelperSignals;
import org.reciprocity.core.trust.TrustGraph;
import org.reciprocity.core.trust.TrustScores;
import org.reciprocity.core.trust.TrustSettings;

/**
 * A synthetic community in which the right helpers for each ask are known by construction, to
 * measure matching quality (core tests) and speed (bench). Each member has a primary expertise topic,
 * sometimes a second one, a profile written from that topic's vocabulary and a bio that now and then
 * mentions another topic in passing. Some experts paused giving or used up their capacity, some let
 * pledges lapse; members sit in circles of about 40 with most connections inside their circle.
 *
 * <p>One member in eight is a pretender: a profile like an expert's, no real expertise. What gives them away is
 * their ledger, as in the product: real helpers give favors that those they helped confirm, pretenders claim
 * favors that get disputed. Everyone's trust is computed from that ledger with the real engine (a few vetted
 * members as seeds); the matcher reads the trust, never who is a pretender.
 *
 * <p>For an ask on topic T by member A, a member's grade is 0 if they cannot help now (the asker
 * themself, paused, at capacity), lack expertise in T or are a pretender; else 2 for primary expertise, 1 for
 * secondary, plus 1 when they are close to A (connected, or at least two connections in common).
 */
public final class MatchingFixture {

    public record Topic(String name, List<String> skills, String headline, List<String> offers, List<String> given) {}

    public record LabelledAsk(long askerId, int topic, String text) {}

    private static final int CIRCLE = 40;

    private final List<Topic> topics;
    private final List<HelperProfile> profiles = new ArrayList<>();
    private final int[] primary;
    private final int[] secondary;
    private final boolean[] paused;
    private final Integer[] capacity;
    private final int[] given30;
    private final int[] kept;
    private final int[] lapsed;
    private final int[][] neighbours;
    private final boolean[] pretender;
    private final double[] trust;
    private final Map<Long, Integer> helped = new HashMap<>();
    private final List<LabelledAsk> asks = new ArrayList<>();

    private MatchingFixture(int size, long seed, boolean withAsks) {
        this.topics = topics();
        Random random = new Random(seed);
        primary = new int[size];
        secondary = new int[size];
        paused = new boolean[size];
        capacity = new Integer[size];
        given30 = new int[size];
        kept = new int[size];
        lapsed = new int[size];
        for (int m = 0; m < size; m++) {
            primary[m] = random.nextInt(topics.size());
            secondary[m] = random.nextInt(10) < 3 ? other(random, primary[m]) : -1;
            paused[m] = random.nextInt(10) == 0;
            if (random.nextInt(10) < 4) {
                capacity[m] = 2 + random.nextInt(5);
                given30[m] = random.nextInt(10) < 4 ? capacity[m] + random.nextInt(3) : random.nextInt(capacity[m]);
            }
            if (random.nextInt(100) < 15) {
                kept[m] = random.nextInt(5);
                lapsed[m] = random.nextInt(4);
            }
            profiles.add(profile(m, random));
        }
        neighbours = network(size, random);
        for (int m = 0; m < size; m++) {
            for (int k = 0; k < 2; k++) {
                int other = random.nextInt(size);
                if (other != m) {
                    helped.merge(pair(m, other), 1 + random.nextInt(3), Integer::sum);
                }
            }
        }
        // the ledger and trust come from a random stream of their own, so the profiles and asks stay as they were
        Random ledger = new Random(seed ^ 0x7275737454L);
        pretender = new boolean[size];
        for (int m = 0; m < size; m++) {
            pretender[m] = ledger.nextInt(8) == 0;
        }
        trust = trustFromLedger(size, ledger);
        if (withAsks) {
            List<String[]> lines = read("labelled-asks.tsv");
            for (String[] line : lines) {
                asks.add(new LabelledAsk(random.nextInt(size), topicIndex(line[0]), line[1]));
            }
        }
    }

    /**
     * Real helpers give 0-6 favors, mostly in their circle, which the receivers confirm; pretenders claim 1-4 that
     * are disputed and now and then get one confirmed. Forty real helpers are vetted. Trust as the server computes
     * it, relative to the average member's.
     */
    private double[] trustFromLedger(int size, Random random) {
        TrustGraph.Builder builder = TrustGraph.builder(size);
        for (int m = 0; m < size; m++) {
            int circle = m / CIRCLE * CIRCLE;
            int width = Math.min(CIRCLE, size - circle);
            int confirmed = pretender[m] ? (random.nextInt(4) == 0 ? 1 : 0) : random.nextInt(7);
            for (int i = 0; i < confirmed; i++) {
                int to = random.nextInt(10) < 7 ? circle + random.nextInt(width) : random.nextInt(size);
                if (to != m) {
                    builder.favor(m, to, 1 + random.nextInt(5));
                }
            }
            if (pretender[m]) {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    int to = random.nextInt(size);
                    if (to != m) {
                        builder.disputed(m, to, 3);
                    }
                }
            }
        }
        int[] seeds = random.ints(0, size).filter(m -> !pretender[m]).distinct().limit(40).toArray();
        TrustScores scores = builder.build(TrustSettings.defaults()).trust(seeds, TrustGraph.Progress.NONE);
        double[] relative = new double[size];
        for (int m = 0; m < size; m++) {
            relative[m] = scores.relative(m);
        }
        return relative;
    }

    /** A community of {@code size} members with the labelled asks of {@code labelled-asks.tsv}. */
    public static MatchingFixture generate(int size, long seed) {
        return new MatchingFixture(size, seed, true);
    }

    public List<HelperProfile> profiles() {
        return profiles;
    }

    public List<LabelledAsk> asks() {
        return asks;
    }

    public List<Topic> topicList() {
        return topics;
    }

    /** The signals of a helper as seen from an asker, as the server would read them from the database. */
    public HelperSignals signals(long askerId, long helperId) {
        int a = (int) askerId;
        int h = (int) helperId;
        return new HelperSignals(helperId, connected(a, h), mutual(a, h), capacity[h], given30[h], paused[h], true,
                helped.getOrDefault(pair(h, a), 0), helped.getOrDefault(pair(a, h), 0), kept[h], lapsed[h], trust[h]);
    }

    public HelperMatcher.SignalSource signalsFrom(long askerId) {
        return signalsFrom(askerId, true);
    }

    /** The same, with trust left out when {@code withTrust} is false: the matcher as it was before trust. */
    public HelperMatcher.SignalSource signalsFrom(long askerId, boolean withTrust) {
        return ids -> {
            Map<Long, HelperSignals> map = new HashMap<>();
            for (long id : ids) {
                HelperSignals s = signals(askerId, id);
                map.put(id, withTrust ? s : s.withTrust(null));
            }
            return map;
        };
    }

    /** Whether the member's expertise is only on their profile (for reports on the fixture, never for ranking). */
    public boolean isPretender(long memberId) {
        return pretender[(int) memberId];
    }

    /** How right this member is for the ask: 0 (wrong or cannot help now) to 3 (expert, close, available). */
    public int grade(LabelledAsk ask, long memberId) {
        int m = (int) memberId;
        if (memberId == ask.askerId() || !signals(ask.askerId(), memberId).canHelpNow()) {
            return 0;
        }
        int expertise = pretender[m] ? 0 : primary[m] == ask.topic() ? 2 : secondary[m] == ask.topic() ? 1 : 0;
        if (expertise == 0) {
            return 0;
        }
        int a = (int) ask.askerId();
        return expertise + (connected(a, m) || mutual(a, m) >= 2 ? 1 : 0);
    }

    /** Every member's grade for the ask, for the ideal ranking of nDCG. */
    public int[] grades(LabelledAsk ask) {
        return IntStream.range(0, profiles.size()).map(m -> grade(ask, m)).toArray();
    }

    private HelperProfile profile(int m, Random random) {
        Topic main = topics.get(primary[m]);
        List<String> skills = new ArrayList<>(pick(main.skills(), 2 + random.nextInt(2), random));
        if (secondary[m] >= 0) {
            skills.add(pick(topics.get(secondary[m]).skills(), 1, random).get(0));
        }
        String bio = "I work in " + main.name().replace('-', ' ') + " and like meeting people from other fields.";
        if (random.nextInt(4) == 0) {
            bio += " Lately curious about " + pick(topics.get(other(random, primary[m])).skills(), 1, random).get(0) + ".";
        }
        List<String> offers = random.nextInt(4) == 0 ? pick(main.offers(), 1, random) : List.of();
        List<String> given = pick(main.given(), random.nextInt(3), random);
        return new HelperProfile(m, skills, main.headline(), bio, offers, given);
    }

    private int[][] network(int size, Random random) {
        List<List<Integer>> adjacency = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            adjacency.add(new ArrayList<>());
        }
        for (int m = 0; m < size; m++) {
            int circle = m / CIRCLE * CIRCLE;
            int width = Math.min(CIRCLE, size - circle);
            for (int k = 0; k < 4; k++) {
                link(adjacency, m, circle + random.nextInt(width));
            }
            link(adjacency, m, random.nextInt(size));
        }
        int[][] sorted = new int[size][];
        for (int m = 0; m < size; m++) {
            sorted[m] = adjacency.get(m).stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        }
        return sorted;
    }

    private static void link(List<List<Integer>> adjacency, int a, int b) {
        if (a != b) {
            adjacency.get(a).add(b);
            adjacency.get(b).add(a);
        }
    }

    private boolean connected(int a, int b) {
        return Arrays.binarySearch(neighbours[a], b) >= 0;
    }

    private int mutual(int a, int b) {
        int[] x = neighbours[a];
        int[] y = neighbours[b];
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static long pair(int from, int to) {
        return (long) from << 32 | to;
    }

    private int other(Random random, int topic) {
        int other = random.nextInt(topics.size() - 1);
        return other >= topic ? other + 1 : other;
    }

    private static List<String> pick(List<String> values, int n, Random random) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private int topicIndex(String name) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown topic " + name);
    }

    /** The 30 topics of {@code topics.tsv}. */
    public static List<Topic> topics() {
        return read("topics.tsv").stream().map(f -> new Topic(f[0], List.of(f[1].split(";")), f[2],
                List.of(f[3].split(";")), List.of(f[4].split(";")))).toList();
    }

    private static List<String[]> read(String resource) {
        try (var in = Objects.requireNonNull(MatchingFixture.class.getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
