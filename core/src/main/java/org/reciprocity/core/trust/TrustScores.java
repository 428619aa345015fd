package org.reciprocity.core.trust;

import java.util.Arrays;

/**
 * Everyone's trust, summing to 1, and how the computation ended: how many iterations it took and how far
 * the last one still moved the scores (the L1 sum of its changes).
 */
public final class TrustScores {

    private final double[] scores;
    private final int iterations;
    private final double lastChange;
    private final boolean converged;
    private double[] percentiles;

    TrustScores(double[] scores, int iterations, double lastChange, boolean converged) {
        this.scores = scores;
        this.iterations = iterations;
        this.lastChange = lastChange;
        this.converged = converged;
    }

    public int members() {
        return scores.length;
    }

    public double score(int member) {
        return scores[member];
    }

    /** A copy of every member's score, by member. */
    public double[] scores() {
        return scores.clone();
    }

    /** The score relative to the average member's: 1 is average, 2 twice as trusted. */
    public double relative(int member) {
        return scores[member] * scores.length;
    }

    /**
     * The share of members, from 0 to 100, whose trust is below this member's: members with equal trust
     * share one percentile, so the many who have none are all at 0.
     */
    public synchronized double percentile(int member) {
        if (percentiles == null) {
            percentiles = percentilesOf(scores);
        }
        return percentiles[member];
    }

    public int iterations() {
        return iterations;
    }

    public double lastChange() {
        return lastChange;
    }

    public boolean converged() {
        return converged;
    }

    /**
     * For each value, the share of values, from 0 to 100, below it (equal values share one percentile): the
     * percentile of trust, and of the other signals ranked the same way.
     */
    public static double[] percentilesOf(double[] scores) {
        int n = scores.length;
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] result = new double[n];
        for (int m = 0; m < n; m++) {
            int below = lowerBound(sorted, scores[m]);
            result[m] = 100.0 * below / n;
        }
        return result;
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
