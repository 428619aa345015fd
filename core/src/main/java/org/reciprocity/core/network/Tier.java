package org.reciprocity.core.network;

/** How close a private contact is; follow-up cadences are set per tier. */
public enum Tier {
    INNER_CIRCLE("Inner circle"),
    CLOSE("Close"),
    ACQUAINTANCE("Acquaintance");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
