package org.reciprocity.core.network;

/**
 * How close a private contact is; follow-up cadences are set per tier. {@link #UNTRACKED} is where imported
 * contacts start: known, searchable, but kept off the agenda until the member gives them a tier.
 */
public enum Tier {
    INNER_CIRCLE("Inner circle"),
    CLOSE("Close"),
    ACQUAINTANCE("Acquaintance"),
    UNTRACKED("Not tracked");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the agenda keeps this relationship in touch. */
    public boolean isTracked() {
        return this != UNTRACKED;
    }
}
