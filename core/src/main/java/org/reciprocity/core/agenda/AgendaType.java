package org.reciprocity.core.agenda;

/** The kinds of things the agenda reminds of (F1, F3). */
public enum AgendaType {
    FOLLOW_UP("Follow up"),
    THANK("Say thank you"),
    GIVE_BACK("Give back"),
    KEEP_IN_TOUCH("Keep in touch"),
    PLEDGE_DUE("Pledge due"),
    EXPIRING("About to expire");

    private final String label;

    AgendaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
