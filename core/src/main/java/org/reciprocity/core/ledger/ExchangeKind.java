package org.reciprocity.core.ledger;

/** What was given: the forms of help the seed names. */
public enum ExchangeKind {
    INTRODUCTION("Introduction"),
    REFERRAL("Referral"),
    JOB_LEAD("Job lead"),
    ADVICE("Advice"),
    MENTORING("Mentoring"),
    FEEDBACK("Feedback"),
    ENDORSEMENT("Endorsement"),
    RECOMMENDATION("Recommendation"),
    RESOURCE("Resource share"),
    PROMOTION("Promotion of work"),
    COLLABORATION("Collaboration"),
    OTHER("Other");

    private final String label;

    ExchangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
