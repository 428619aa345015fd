package org.reciprocity.asks;

/** What a member posts: a need, something they can give, or an opening for others (A1, A6). */
public enum PostingKind {
    ASK("ask", 30),
    OFFER("offer", 90),
    OPPORTUNITY("opportunity", 60);

    private final String noun;
    private final int defaultDays;

    PostingKind(String noun, int defaultDays) {
        this.noun = noun;
        this.defaultDays = defaultDays;
    }

    public String label() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    public String noun() {
        return noun;
    }

    /** How long a posting stays open when its author does not say. */
    public int defaultDays() {
        return defaultDays;
    }
}
