package org.reciprocity.core.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The community dashboard's figures (X2), over the confirmed member-to-member favors of a window of days:
 *
 * <ul>
 *   <li>reciprocity r = L↔ / L, L the directed links (i gave j at least once), L↔ those whose reverse is a link
 *       too; the Garlaschelli–Loffredo ρ = (r − ā) / (1 − ā), ā = L / (N(N − 1)) the density, so that ρ > 0
 *       says favors are returned more than chance would and ρ = 0 as often;</li>
 *   <li>weighted reciprocity Σ min(w_ij, w_ji) / Σ w_ij over ordered pairs, w the summed effort (1-5) of favors;</li>
 *   <li>time-respecting three-cycles: favor triples A → B → C → A, each on a later day than the one before;</li>
 *   <li>the members' give/take ratios in buckets, the top givers, the relationships at risk (one side gave at
 *       least {@link #AT_RISK_FAVORS} favors and got none back), and growth by month.</li>
 * </ul>
 *
 * Members are numbered 0 to N − 1 by the caller. Favors are held in primitive arrays: a million members' year
 * of favors fits in a few hundred megabytes.
 */
public final class CommunityInsight {

    public static final int AT_RISK_FAVORS = 3;
    public static final int TOP = 10;
    /** Give/take buckets, by given ÷ received: the labels the dashboard writes. */
    public static final List<String> BUCKETS = List.of("only received", "under 1:2", "1:2 to 4:5", "about even",
            "5:4 to 2:1", "over 2:1", "only gave");

    public record Insight(int members, int activeMembers, long favors, long links, long reciprocatedLinks, double r,
                          double density, double rho, double weighted, long cycles3, long[] giveTake, List<Giver> topGivers,
                          List<AtRisk> atRisk, List<Month> growth, LocalDate from, LocalDate to) {}

    /** A member's favors given in the window: how many and their summed effort. */
    public record Giver(int member, int favors, long weight) {}

    /** One side of a pair gave {@code favors} favors ({@code weight} summed effort) and got nothing back. */
    public record AtRisk(int giver, int receiver, int favors, long weight, LocalDate last) {}

    /** A month: members who joined, confirmed favors, and members who gave or received one. */
    public record Month(YearMonth month, int joined, int favors, int active) {}

    /** The longest window: a favor's day in it takes 12 bits of its sort key. */
    public static final int MAX_WINDOW_DAYS = 4095;
    private static final int SHIFT = 15;
    private static final long DAY_MASK = 0xFFF;

    private CommunityInsight() {
    }

    public static Builder builder(int members) {
        return new Builder(members);
    }

    public static final class Builder {
        private final int members;
        private int[] giver = new int[1024];
        private int[] receiver = new int[1024];
        private byte[] weight = new byte[1024];
        private int[] day = new int[1024];
        private int size;
        private final List<LocalDate> joined = new ArrayList<>();

        private Builder(int members) {
            if (members < 0) {
                throw new IllegalArgumentException("A community has no fewer than zero members.");
            }
            this.members = members;
        }

        /** A confirmed favor; those outside the window are left out when the figures are computed. */
        public Builder favor(int from, int to, int effort, LocalDate on) {
            if (from == to || from < 0 || to < 0 || from >= members || to >= members) {
                throw new IllegalArgumentException("Favors are between two different members numbered 0 to " + (members - 1) + ".");
            }
            if (size == giver.length) {
                int grown = size * 2;
                giver = Arrays.copyOf(giver, grown);
                receiver = Arrays.copyOf(receiver, grown);
                weight = Arrays.copyOf(weight, grown);
                day = Arrays.copyOf(day, grown);
            }
            giver[size] = from;
            receiver[size] = to;
            weight[size] = (byte) effort;
            day[size] = (int) on.toEpochDay();
            size++;
            return this;
        }

        /** The day a member joined: counted in the growth by month. */
        public Builder joined(LocalDate on) {
            joined.add(on);
            return this;
        }

        public Insight compute(LocalDate from, LocalDate to) {
            return CommunityInsight.compute(this, from, to);
        }
    }

    private static Insight compute(Builder b, LocalDate fromDay, LocalDate toDay) {
        int from = (int) fromDay.toEpochDay();
        int to = (int) toDay.toEpochDay();
        if (to < from || to - from > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("The window is 0 to " + MAX_WINDOW_DAYS + " days, from its first day to its last.");
        }
        long n = b.members;
        if (n > 1L << 24) {
            throw new IllegalArgumentException("At most 16,777,216 members: a pair of them takes 48 bits of a sort key.");
        }
        // the favors of the window, as sorted (giver, receiver, day, weight) keys: pairs are runs, reverses found by search
        int count = 0;
        long[] keys = new long[b.size];
        for (int i = 0; i < b.size; i++) {
            if (b.day[i] >= from && b.day[i] <= to) {
                keys[count++] = ((b.giver[i] * n + b.receiver[i]) << SHIFT) | ((long) (b.day[i] - from) << 3) | b.weight[i];
            }
        }
        keys = Arrays.copyOf(keys, count);
        Arrays.sort(keys);
        long[] pairs = new long[count];
        long[] pairWeight = new long[count];
        int[] pairFavors = new int[count];
        int[] pairLast = new int[count];
        int p = -1;
        long[] given = new long[b.members];
        long[] received = new long[b.members];
        int[] givenFavors = new int[b.members];
        for (long key : keys) {
            long pair = key >>> SHIFT;
            int w = (int) (key & 7);
            int d = (int) ((key >>> 3) & DAY_MASK);
            if (p < 0 || pairs[p] != pair) {
                pairs[++p] = pair;
            }
            pairWeight[p] += w;
            pairFavors[p]++;
            pairLast[p] = Math.max(pairLast[p], d);
            int g = (int) (pair / n);
            int r = (int) (pair % n);
            given[g] += w;
            received[r] += w;
            givenFavors[g]++;
        }
        int links = p + 1;
        pairs = Arrays.copyOf(pairs, links);
        long reciprocated = 0;
        long minSum = 0;
        long weightSum = 0;
        List<AtRisk> atRisk = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            long g = pairs[i] / n;
            long r = pairs[i] % n;
            int reverse = Arrays.binarySearch(pairs, r * n + g);
            weightSum += pairWeight[i];
            if (reverse >= 0) {
                reciprocated++;
                minSum += Math.min(pairWeight[i], pairWeight[reverse]);
            } else if (pairFavors[i] >= AT_RISK_FAVORS) {
                atRisk.add(new AtRisk((int) g, (int) r, pairFavors[i], pairWeight[i], LocalDate.ofEpochDay(from + pairLast[i])));
            }
        }
        atRisk.sort(Comparator.comparingInt(AtRisk::favors).reversed().thenComparing(Comparator.comparingLong(AtRisk::weight).reversed())
                .thenComparing(AtRisk::last, Comparator.reverseOrder())
                .thenComparingInt(AtRisk::giver).thenComparingInt(AtRisk::receiver));
        double r = links == 0 ? 0 : (double) reciprocated / links;
        double density = n < 2 ? 0 : links / ((double) n * (n - 1));
        double rho = density >= 1 ? 0 : (r - density) / (1 - density);
        double weighted = weightSum == 0 ? 0 : (double) minSum / weightSum;

        long[] buckets = new long[BUCKETS.size()];
        int active = 0;
        List<Giver> givers = new ArrayList<>();
        for (int m = 0; m < b.members; m++) {
            if (given[m] == 0 && received[m] == 0) {
                continue;
            }
            active++;
            buckets[bucket(given[m], received[m])]++;
            if (given[m] > 0) {
                givers.add(new Giver(m, givenFavors[m], given[m]));
            }
        }
        givers.sort(Comparator.comparingLong(Giver::weight).reversed().thenComparingInt(Giver::member));

        return new Insight(b.members, active, count, links, reciprocated, r, density, rho, weighted,
                cycles3(keys, n, b.members), buckets, List.copyOf(givers.subList(0, Math.min(TOP, givers.size()))),
                List.copyOf(atRisk.subList(0, Math.min(TOP, atRisk.size()))), growth(b, keys, n, fromDay, toDay), fromDay, toDay);
    }

    static int bucket(long given, long received) {
        if (given == 0) {
            return 0;
        }
        if (received == 0) {
            return 6;
        }
        double ratio = (double) given / received;
        return ratio < 0.5 ? 1 : ratio < 0.8 ? 2 : ratio <= 1.25 ? 3 : ratio <= 2 ? 4 : 5;
    }

    /**
     * Triples A → B → C → A on strictly increasing days. For each middle favor B → C on day t: the favors into B
     * before t, counted by giver, times the favors out of C after t to those givers.
     */
    private static long cycles3(long[] keys, long n, int members) {
        int count = keys.length;
        // favors by giver (keys are sorted by giver) and, re-sorted, by receiver
        int[] outStart = new int[members + 1];
        for (long key : keys) {
            outStart[(int) ((key >>> SHIFT) / n) + 1]++;
        }
        for (int m = 0; m < members; m++) {
            outStart[m + 1] += outStart[m];
        }
        int[] inStart = new int[members + 1];
        for (long key : keys) {
            inStart[(int) ((key >>> SHIFT) % n) + 1]++;
        }
        for (int m = 0; m < members; m++) {
            inStart[m + 1] += inStart[m];
        }
        int[] inGiver = new int[count];
        int[] inDay = new int[count];
        int[] fill = Arrays.copyOf(inStart, members);
        for (long key : keys) {
            int r = (int) ((key >>> SHIFT) % n);
            int at = fill[r]++;
            inGiver[at] = (int) ((key >>> SHIFT) / n);
            inDay[at] = (int) ((key >>> 3) & DAY_MASK);
        }
        int[] before = new int[members]; // favors into B from each giver before the middle favor's day, reset after use
        long cycles = 0;
        for (int b = 0; b < members; b++) {
            for (int e = outStart[b]; e < outStart[b + 1]; e++) {
                long key = keys[e];
                int c = (int) ((key >>> SHIFT) % n);
                int t = (int) ((key >>> 3) & DAY_MASK);
                boolean any = false;
                for (int i = inStart[b]; i < inStart[b + 1]; i++) {
                    if (inDay[i] < t) {
                        before[inGiver[i]]++;
                        any = true;
                    }
                }
                if (any) {
                    for (int o = outStart[c]; o < outStart[c + 1]; o++) {
                        long back = keys[o];
                        int a = (int) ((back >>> SHIFT) % n);
                        if (((back >>> 3) & DAY_MASK) > t) {
                            cycles += before[a];
                        }
                    }
                    for (int i = inStart[b]; i < inStart[b + 1]; i++) {
                        before[inGiver[i]] = 0;
                    }
                }
            }
        }
        return cycles;
    }

    private static List<Month> growth(Builder b, long[] keys, long n, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(to).minusMonths(11);
        int months = 12;
        int[] joined = new int[months];
        int[] favors = new int[months];
        List<java.util.BitSet> active = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            active.add(new java.util.BitSet());
        }
        for (LocalDate on : b.joined) {
            int i = index(first, on, months);
            if (i >= 0) {
                joined[i]++;
            }
        }
        long fromDay = from.toEpochDay();
        for (long key : keys) {
            LocalDate on = LocalDate.ofEpochDay(fromDay + ((key >>> 3) & DAY_MASK));
            int i = index(first, on, months);
            if (i >= 0) {
                favors[i]++;
                long pair = key >>> SHIFT;
                active.get(i).set((int) (pair / n));
                active.get(i).set((int) (pair % n));
            }
        }
        List<Month> growth = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            growth.add(new Month(first.plusMonths(i), joined[i], favors[i], active.get(i).cardinality()));
        }
        return growth;
    }

    private static int index(YearMonth first, LocalDate on, int months) {
        long i = first.until(YearMonth.from(on), java.time.temporal.ChronoUnit.MONTHS);
        return i >= 0 && i < months ? (int) i : -1;
    }
}
