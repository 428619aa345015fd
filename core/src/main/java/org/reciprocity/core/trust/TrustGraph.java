package org.reciprocity.core.trust;

import java.util.Arrays;

/**
 * The graph trust flows over (T1): a confirmed favor from j to i is i's local trust in j, so trust flows
 * from the people helped to their helpers. Per pair, the favors' decayed weights are summed and
 * log-scaled with a cap ({@link TrustSettings#pairCap}); the claimant's disputed claims are subtracted, so
 * a dispute lowers the claimant's standing with that counterpart and never raises it. Each member's local
 * trust is shared out in proportion, with the newcomer prior's part going to the seed set.
 *
 * <p>Members are numbered 0 to n-1 by the caller. Stored as compressed columns: for each member, who
 * trusts them and with what share; members are laid out by how often the iteration reads them (the most
 * trusting first), so that the scores read most often share cache lines.
 */
public final class TrustGraph {

    private final int members;
    private final TrustSettings settings;
    /** Layout position → member, and member → layout position. */
    private final int[] memberAt;
    private final int[] positionOf;
    /** For the member at each position, the range of {@link #truster} that trusts them (n + 1 entries). */
    private final int[] start;
    /** The positions of the trusting members, ascending within a column. */
    private final int[] truster;
    /** The share of the truster's trust that goes to the column's member. */
    private final float[] share;
    /** The share of the column's member's trust that goes back to the truster: 0 when none does. */
    private final float[] back;

    private TrustGraph(int members, TrustSettings settings, int[] memberAt, int[] positionOf, int[] start, int[] truster,
                       float[] share, float[] back) {
        this.members = members;
        this.settings = settings;
        this.memberAt = memberAt;
        this.positionOf = positionOf;
        this.start = start;
        this.truster = truster;
        this.share = share;
        this.back = back;
    }

    public static Builder builder(int members) {
        return new Builder(members);
    }

    public int members() {
        return members;
    }

    /** The pairs of members of whom one trusts the other (after disputes, a pair may count for nothing). */
    public int pairs() {
        return truster.length;
    }

    public TrustSettings settings() {
        return settings;
    }

    /** What trust flows into a member from one who trusts them. */
    @FunctionalInterface
    public interface TrusterVisitor {
        /**
         * @param truster the member who trusts
         * @param share the share of the truster's trust that goes to the member
         * @param back the share of the member's trust that goes back to the truster
         */
        void visit(int truster, double share, double back);
    }

    /** Visits everyone who trusts {@code member}. */
    public void forEachTruster(int member, TrusterVisitor visitor) {
        int column = positionOf[member];
        for (int e = start[column]; e < start[column + 1]; e++) {
            visitor.visit(memberAt[truster[e]], share[e], back[e]);
        }
    }

    /**
     * Computes everyone's trust: the seed set's members share the teleport and whatever trust members do not
     * pass on; with no seeds every member is one (plain PageRank's uniform teleport).
     */
    public TrustScores trust(int[] seeds, Progress progress) {
        int n = members;
        boolean[] seeded = new boolean[n];
        int seedCount = 0;
        for (int seed : seeds) {
            if (!seeded[positionOf[seed]]) {
                seeded[positionOf[seed]] = true;
                seedCount++;
            }
        }
        if (seedCount == 0) {
            Arrays.fill(seeded, true);
            seedCount = n;
        }
        double[] t = new double[n];
        double[] next = new double[n];
        for (int p = 0; p < n; p++) {
            t[p] = seeded[p] ? 1.0 / seedCount : 0;
        }
        double keep = 1 - settings.teleport();
        boolean echoFree = settings.echoFree();
        int iteration = 0;
        double change = Double.POSITIVE_INFINITY;
        while (iteration < settings.maxIterations() && !(change < settings.tolerance())) {
            double passed = 0;
            for (int p = 0; p < n; p++) {
                double sum = 0;
                double echo = keep * t[p];
                for (int e = start[p], end = start[p + 1]; e < end; e++) {
                    double from = t[truster[e]];
                    if (echoFree) {
                        // what the truster holds less what this member passed them the step before
                        from -= echo * back[e];
                        if (from <= 0) {
                            continue;
                        }
                    }
                    sum += share[e] * from;
                }
                next[p] = keep * sum;
                passed += next[p];
            }
            double toEachSeed = (1 - passed) / seedCount;
            change = 0;
            for (int p = 0; p < n; p++) {
                if (seeded[p]) {
                    next[p] += toEachSeed;
                }
                change += Math.abs(next[p] - t[p]);
            }
            double[] swap = t;
            t = next;
            next = swap;
            iteration++;
            progress.iterated(iteration, change);
        }
        double[] byMember = new double[n];
        for (int p = 0; p < n; p++) {
            byMember[memberAt[p]] = t[p];
        }
        return new TrustScores(byMember, iteration, change, change < settings.tolerance());
    }

    /** Told after each iteration how far the scores still moved (the L1 sum of the changes). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (iteration, change) -> { };

        void iterated(int iteration, double change);
    }

    /** Collects favors and disputed claims, then builds the graph. Not thread-safe. */
    public static final class Builder {

        private final int members;
        /** Who trusts (the favor's receiver) and whom (its giver); a negative weight is a disputed claim. */
        private int[] trusting = new int[16];
        private int[] trusted = new int[16];
        private float[] weight = new float[16];
        private int size;

        private Builder(int members) {
            if (members < 0) {
                throw new IllegalArgumentException("members must not be negative");
            }
            this.members = members;
        }

        /** A confirmed favor, its weight already decayed. */
        public Builder favor(int giver, int receiver, double decayedWeight) {
            return add(receiver, giver, (float) decayedWeight, decayedWeight);
        }

        /** A claim by {@code claimant} that the counterpart disputed: it lowers the counterpart's trust in the claimant. */
        public Builder disputed(int claimant, int counterpart, double decayedWeight) {
            return add(counterpart, claimant, (float) -decayedWeight, decayedWeight);
        }

        private Builder add(int from, int to, float signedWeight, double weightGiven) {
            if (from < 0 || from >= members || to < 0 || to >= members) {
                throw new IllegalArgumentException("members are numbered 0 to " + (members - 1) + ": " + from + ", " + to);
            }
            if (from == to) {
                throw new IllegalArgumentException("a member cannot owe a favor to themselves: " + from);
            }
            if (!(weightGiven > 0) || Double.isInfinite(weightGiven)) {
                throw new IllegalArgumentException("a favor's weight must be positive, not " + weightGiven);
            }
            if (size == trusting.length) {
                int capacity = Math.max(16, size + (size >> 1));
                trusting = Arrays.copyOf(trusting, capacity);
                trusted = Arrays.copyOf(trusted, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            trusting[size] = from;
            trusted[size] = to;
            weight[size] = signedWeight;
            size++;
            return this;
        }

        public TrustGraph build(TrustSettings settings) {
            int n = members;
            // 1. group by the trusting member (one row each), counting first
            int[] rowStart = new int[n + 1];
            for (int e = 0; e < size; e++) {
                rowStart[trusting[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] rowTrusted = new int[size];
            float[] rowWeight = new float[size];
            int[] cursor = Arrays.copyOf(rowStart, n);
            int longest = 0;
            for (int e = 0; e < size; e++) {
                int at = cursor[trusting[e]]++;
                rowTrusted[at] = trusted[e];
                rowWeight[at] = weight[e];
            }
            for (int i = 0; i < n; i++) {
                longest = Math.max(longest, rowStart[i + 1] - rowStart[i]);
            }
            // 2. in each row, one entry per trusted member (sorted), its share of the row
            int[] pairStart = new int[n + 1];
            int[] pairTrusted = new int[size];
            float[] pairShare = new float[size];
            long[] keys = new long[longest];
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                int from = rowStart[i];
                int length = rowStart[i + 1] - from;
                for (int k = 0; k < length; k++) {
                    keys[k] = ((long) rowTrusted[from + k] << 32) | k;
                }
                Arrays.sort(keys, 0, length);
                int rowFirst = pairs;
                double rowSum = 0;
                for (int k = 0; k < length; ) {
                    int j = (int) (keys[k] >>> 32);
                    double confirmed = 0;
                    double disputed = 0;
                    for (; k < length && (int) (keys[k] >>> 32) == j; k++) {
                        float w = rowWeight[from + (int) keys[k]];
                        if (w > 0) {
                            confirmed += w;
                        } else {
                            disputed -= w;
                        }
                    }
                    double local = localTrust(confirmed, disputed, settings);
                    if (local > 0) {
                        pairTrusted[pairs] = j;
                        pairShare[pairs] = (float) local;
                        rowSum += local;
                        pairs++;
                    }
                }
                double denominator = rowSum + settings.newcomerPrior();
                for (int e = rowFirst; e < pairs; e++) {
                    pairShare[e] = (float) (pairShare[e] / denominator);
                }
                pairStart[i + 1] = pairs;
            }
            // 3. lay members out by how often the iteration reads their score: the most trusting first
            int[] memberAt = byRowLengthDescending(pairStart, n);
            int[] positionOf = new int[n];
            for (int p = 0; p < n; p++) {
                positionOf[memberAt[p]] = p;
            }
            // 4. transpose into columns, in layout order; the trusters of a column come out ascending
            int[] start = new int[n + 1];
            for (int e = 0; e < pairs; e++) {
                start[positionOf[pairTrusted[e]] + 1]++;
            }
            for (int p = 0; p < n; p++) {
                start[p + 1] += start[p];
            }
            int[] column = Arrays.copyOf(start, n);
            int[] truster = new int[pairs];
            float[] share = new float[pairs];
            float[] back = new float[pairs];
            for (int p = 0; p < n; p++) {
                int i = memberAt[p];
                for (int e = pairStart[i]; e < pairStart[i + 1]; e++) {
                    int j = pairTrusted[e];
                    int at = column[positionOf[j]]++;
                    truster[at] = p;
                    share[at] = pairShare[e];
                    // j's row is sorted by trusted member: does j trust i back?
                    int reverse = Arrays.binarySearch(pairTrusted, pairStart[j], pairStart[j + 1], i);
                    back[at] = reverse >= 0 ? pairShare[reverse] : 0f;
                }
            }
            return new TrustGraph(n, settings, memberAt, positionOf, start, truster, share, back);
        }

        private static double localTrust(double confirmed, double disputed, TrustSettings settings) {
            if (settings.logScaled()) {
                return Math.max(0, Math.min(settings.pairCap(), Math.log1p(confirmed)) - Math.log1p(disputed));
            }
            return Math.max(0, confirmed - disputed);
        }

        /** Members by the length of their row, longest first, ties by number (a counting sort). */
        private static int[] byRowLengthDescending(int[] rowStart, int n) {
            int longest = 0;
            for (int i = 0; i < n; i++) {
                longest = Math.max(longest, rowStart[i + 1] - rowStart[i]);
            }
            int[] firstOfLength = new int[longest + 2];
            for (int i = 0; i < n; i++) {
                firstOfLength[longest - (rowStart[i + 1] - rowStart[i]) + 1]++;
            }
            for (int l = 0; l <= longest; l++) {
                firstOfLength[l + 1] += firstOfLength[l];
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[firstOfLength[longest - (rowStart[i + 1] - rowStart[i])]++] = i;
            }
            return order;
        }
    }
}
