package org.reciprocity.core.profile;

/** The kinds of help a member declares they are open to giving. */
public enum OpenTo {
    MENTORING("Mentoring"),
    INTRODUCTIONS("Introductions"),
    FEEDBACK("Feedback"),
    REFERRALS("Referrals"),
    JOB_LEADS("Job leads");

    private final String label;

    OpenTo(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
