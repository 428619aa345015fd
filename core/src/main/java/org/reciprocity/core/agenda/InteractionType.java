package org.reciprocity.core.agenda;

/** What kind of touch was logged (F2). Meetings and events call for a follow-up. */
public enum InteractionType {
    MEETING("Meeting", true),
    CALL("Call", false),
    MESSAGE("Message", false),
    EVENT("Event", true);

    private final String label;
    private final boolean needsFollowUp;

    InteractionType(String label, boolean needsFollowUp) {
        this.label = label;
        this.needsFollowUp = needsFollowUp;
    }

    public String label() {
        return label;
    }

    public boolean needsFollowUp() {
        return needsFollowUp;
    }
}
