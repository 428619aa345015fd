package org.reciprocity.ledger;

import org.reciprocity.core.trust.Signals;

/**
 * How a member answers favors (T2): of the confirmed favors other members gave them, how many they thanked,
 * and the days from each thanked favor to its thank-you.
 */
public record Gratitude(int received, int thanked, int[] daysToThank) {

    /** The share thanked, or null when no confirmed favor was received. */
    public Double share() {
        return Signals.gratitude(thanked, received);
    }

    /** The median days to thank, or null when nothing was thanked. */
    public Double medianDaysToThank() {
        return Signals.median(daysToThank);
    }
}
