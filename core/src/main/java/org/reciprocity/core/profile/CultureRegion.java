package org.reciprocity.core.profile;

/**
 * Broad cultural regions a member may identify with. Coarse on purpose: they select reciprocity
 * norms (gift-giving, directness, formality), not nationality.
 */
public enum CultureRegion {
    NORTH_AMERICA("North America"),
    LATIN_AMERICA("Latin America"),
    WESTERN_EUROPE("Western Europe"),
    NORDIC("Nordic countries"),
    EASTERN_EUROPE("Eastern Europe"),
    MIDDLE_EAST("Middle East"),
    AFRICA("Africa"),
    SOUTH_ASIA("South Asia"),
    EAST_ASIA("East Asia"),
    SOUTHEAST_ASIA("Southeast Asia"),
    OCEANIA("Oceania");

    private final String label;

    CultureRegion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
