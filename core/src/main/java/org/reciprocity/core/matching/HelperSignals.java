package org.reciprocity.core.matching;

/**
 * What the matcher knows of a possible helper beyond text, seen from the asker.
 *
 * @param connected         the helper is one of the asker's connections
 * @param mutualConnections connections the two have in common
 * @param capacityPerMonth  favors a month the helper said they can give, or null if they did not say
 * @param givenLast30Days   favors the helper gave in the last 30 days
 * @param givingPaused      the helper paused giving (E3)
 * @param available         false for suspended members and members blocked by or blocking the asker
 * @param helpedAsker       favors the helper gave the asker (current, not disputed)
 * @param helpedByAsker     favors the asker gave the helper
 * @param pledgesKept       pledges the helper fulfilled
 * @param pledgesLapsed     pledges the helper let lapse
 * @param trust             the helper's trust as a multiple of the average member's (T1), null when not computed
 */
public record HelperSignals(long memberId, boolean connected, int mutualConnections, Integer capacityPerMonth,
                            int givenLast30Days, boolean givingPaused, boolean available, int helpedAsker,
                            int helpedByAsker, int pledgesKept, int pledgesLapsed, Double trust) {

    /** The signals without trust (not computed yet, or a ranking that leaves it out). */
    public HelperSignals(long memberId, boolean connected, int mutualConnections, Integer capacityPerMonth,
                         int givenLast30Days, boolean givingPaused, boolean available, int helpedAsker,
                         int helpedByAsker, int pledgesKept, int pledgesLapsed) {
        this(memberId, connected, mutualConnections, capacityPerMonth, givenLast30Days, givingPaused, available, helpedAsker,
                helpedByAsker, pledgesKept, pledgesLapsed, null);
    }

    public HelperSignals withTrust(Double relativeTrust) {
        return new HelperSignals(memberId, connected, mutualConnections, capacityPerMonth, givenLast30Days, givingPaused,
                available, helpedAsker, helpedByAsker, pledgesKept, pledgesLapsed, relativeTrust);
    }

    /** A member the matcher knows nothing about beyond being available. */
    public static HelperSignals stranger(long memberId) {
        return new HelperSignals(memberId, false, 0, null, 0, false, true, 0, 0, 0, 0);
    }

    /** Paused, at or over capacity, suspended or blocked members are never suggested (E3). */
    public boolean canHelpNow() {
        return available && !givingPaused && (capacityPerMonth == null || givenLast30Days < capacityPerMonth);
    }
}
