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
 * trusts them and with what share; members are laid out breadth-first over whom they trust, so that the
 * scores one column reads mostly share cache lines.
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
        return new Builder(members, 16);
    }

    /** A builder with room for {@code expectedFavors} favors and disputed claims, so that it need not grow. */
    public static Builder builder(int members, int expectedFavors) {
        return new Builder(members, Math.max(16, expectedFavors));
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

    /** One truster's part of a member's trust. */
    @FunctionalInterface
    public interface ContributionVisitor {
        void visit(int truster, double amount);
    }

    /**
     * Visits what each truster passes to {@code member} under {@code scores}, as the iteration passes it: the
     * parts sum to the member's score less what the member holds as a seed, so they say where trust comes from.
     */
    public void forEachContribution(int member, TrustScores scores, ContributionVisitor visitor) {
        double keep = 1 - settings.teleport();
        double echo = settings.echoFree() ? keep * scores.score(member) : 0;
        forEachTruster(member, (truster, share, back) -> {
            double amount = keep * share * Math.max(0, scores.score(truster) - echo * back);
            if (amount > 0) {
                visitor.visit(truster, amount);
            }
        });
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
            double passed = echoFree ? stepEchoFree(t, next, keep) : step(t, next, keep);
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

    /** One step of plain propagation into {@code next}; returns the trust passed on. Small, so that it compiles well. */
    private double step(double[] t, double[] next, double keep) {
        double passed = 0;
        for (int p = 0, n = members; p < n; p++) {
            double sum = 0;
            for (int e = start[p], end = start[p + 1]; e < end; e++) {
                sum += share[e] * t[truster[e]];
            }
            next[p] = keep * sum;
            passed += next[p];
        }
        return passed;
    }

    /** The same, each truster passing on what they hold less what this member passed them the step before. */
    private double stepEchoFree(double[] t, double[] next, double keep) {
        double passed = 0;
        for (int p = 0, n = members; p < n; p++) {
            double sum = 0;
            double echo = keep * t[p];
            for (int e = start[p], end = start[p + 1]; e < end; e++) {
                sum += share[e] * Math.max(0, t[truster[e]] - echo * back[e]);
            }
            next[p] = keep * sum;
            passed += next[p];
        }
        return passed;
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
        private int[] trusting;
        private int[] trusted;
        private float[] weight;
        private int size;

        private Builder(int members, int capacity) {
            if (members < 0) {
                throw new IllegalArgumentException("members must not be negative");
            }
            this.members = members;
            this.trusting = new int[capacity];
            this.trusted = new int[capacity];
            this.weight = new float[capacity];
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
            for (int e = 0; e < size; e++) {
                int at = cursor[trusting[e]]++;
                rowTrusted[at] = trusted[e];
                rowWeight[at] = weight[e];
            }
            // 2. in each row, one entry per trusted member (in order of first appearance), its share of the row
            int[] pairStart = new int[n + 1];
            int[] pairTrusted = new int[size];
            float[] confirmed = new float[size];
            float[] disputed = new float[size];
            float[] pairShare = confirmed; // written behind the reads of the compaction below
            int[] rowSeenIn = new int[n];
            Arrays.fill(rowSeenIn, -1);
            int[] pairOf = new int[n];
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                int rowFirst = pairs;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = rowTrusted[k];
                    if (rowSeenIn[j] != i) {
                        rowSeenIn[j] = i;
                        pairOf[j] = pairs;
                        pairTrusted[pairs] = j;
                        confirmed[pairs] = 0;
                        disputed[pairs] = 0;
                        pairs++;
                    }
                    float w = rowWeight[k];
                    if (w > 0) {
                        confirmed[pairOf[j]] += w;
                    } else {
                        disputed[pairOf[j]] -= w;
                    }
                }
                int kept = rowFirst;
                double rowSum = 0;
                for (int e = rowFirst; e < pairs; e++) {
                    double local = localTrust(confirmed[e], disputed[e], settings);
                    if (local > 0) {
                        pairTrusted[kept] = pairTrusted[e];
                        pairShare[kept] = (float) local;
                        rowSum += local;
                        kept++;
                    }
                }
                pairs = kept;
                double denominator = rowSum + settings.newcomerPrior();
                for (int e = rowFirst; e < pairs; e++) {
                    pairShare[e] = (float) (pairShare[e] / denominator);
                }
                pairStart[i + 1] = pairs;
            }
            // 3. lay members out so that those who trust the same people sit together
            int[] memberAt = breadthFirst(pairStart, pairTrusted, n);
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
            for (int p = 0; p < n; p++) {
                int i = memberAt[p];
                for (int e = pairStart[i]; e < pairStart[i + 1]; e++) {
                    int at = column[positionOf[pairTrusted[e]]]++;
                    truster[at] = p;
                    share[at] = pairShare[e];
                }
            }
            float[] back = backShares(n, start, truster, share);
            return new TrustGraph(n, settings, memberAt, positionOf, start, truster, share, back);
        }

        /**
         * For each column entry (u trusts p), the share of p's trust that goes back to u: the rows are
         * transposed again in layout order, so that each member's row (whom they trust) and column (who
         * trusts them) are both ascending and one merge of the two finds every mutual pair.
         */
        private static float[] backShares(int n, int[] start, int[] truster, float[] share) {
            int pairs = truster.length;
            int[] rowStart = new int[n + 1];
            for (int e = 0; e < pairs; e++) {
                rowStart[truster[e] + 1]++;
            }
            for (int p = 0; p < n; p++) {
                rowStart[p + 1] += rowStart[p];
            }
            int[] cursor = Arrays.copyOf(rowStart, n);
            int[] rowTrusted = new int[pairs];
            float[] rowShare = new float[pairs];
            for (int p = 0; p < n; p++) {
                for (int e = start[p]; e < start[p + 1]; e++) {
                    int at = cursor[truster[e]]++;
                    rowTrusted[at] = p;
                    rowShare[at] = share[e];
                }
            }
            float[] back = new float[pairs];
            for (int p = 0; p < n; p++) {
                int r = rowStart[p];
                int rowEnd = rowStart[p + 1];
                for (int e = start[p]; e < start[p + 1] && r < rowEnd; e++) {
                    while (r < rowEnd && rowTrusted[r] < truster[e]) {
                        r++;
                    }
                    if (r < rowEnd && rowTrusted[r] == truster[e]) {
                        back[e] = rowShare[r];
                    }
                }
            }
            return back;
        }

        private static double localTrust(double confirmed, double disputed, TrustSettings settings) {
            if (settings.logScaled()) {
                // log(1 + w) rather than log1p: weights are not tiny, and Math.log is an intrinsic, log1p is not
                return Math.max(0, Math.min(settings.pairCap(), Math.log(1 + confirmed)) - Math.log(1 + disputed));
            }
            return Math.max(0, confirmed - disputed);
        }

        /**
         * Members in breadth-first order over whom they trust, each search starting from the most trusting
         * member not yet reached: a circle of people who help each other comes out side by side, so the
         * scores a column reads share cache lines (at a million members, scores in random order miss the
         * caches on nearly every read).
         */
        private static int[] breadthFirst(int[] pairStart, int[] pairTrusted, int n) {
            int[] order = new int[n];
            boolean[] reached = new boolean[n];
            int next = 0;
            int end = 0;
            for (int root : byRowLengthDescending(pairStart, n)) {
                if (reached[root]) {
                    continue;
                }
                reached[root] = true;
                order[end++] = root;
                while (next < end) {
                    int i = order[next++];
                    for (int e = pairStart[i]; e < pairStart[i + 1]; e++) {
                        int j = pairTrusted[e];
                        if (!reached[j]) {
                            reached[j] = true;
                            order[end++] = j;
                        }
                    }
                }
            }
            return order;
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
