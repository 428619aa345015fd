package org.reciprocity.core.trust;

import java.util.Arrays;

/**
 * The reputation signals besides trust (T2), each a formula a member can check by hand: reliability from
 * pledges kept and lapsed, gratitude from the favors received that were thanked.
 */
public final class Signals {

    private Signals() {
    }

    /**
     * The mean of Beta(kept + 1, lapsed + 1): (kept + 1) / (kept + lapsed + 2). A member with no pledges is at
     * 0.5, and each kept or lapsed pledge moves it less than the one before, so one lapse early on is not a verdict.
     */
    public static double reliability(int kept, int lapsed) {
        if (kept < 0 || lapsed < 0) {
            throw new IllegalArgumentException("Pledge counts cannot be negative.");
        }
        return (kept + 1.0) / (kept + lapsed + 2.0);
    }

    /** The share of confirmed favors received that were thanked, or null when none were received. */
    public static Double gratitude(int thanked, int received) {
        if (thanked < 0 || thanked > received) {
            throw new IllegalArgumentException("Thanked favors must be between 0 and those received.");
        }
        return received == 0 ? null : (double) thanked / received;
    }

    /** The median of the values (the mean of the middle two for an even count), or null when there are none. */
    public static Double median(int[] values) {
        if (values.length == 0) {
            return null;
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
