package org.reciprocity.core.ledger;

/** What was given: the forms of help the seed names. */
public enum ExchangeKind {
    INTRODUCTION("Introduction", "an introduction"),
    REFERRAL("Referral", "a referral"),
    JOB_LEAD("Job lead", "a job lead"),
    ADVICE("Advice", "advice"),
    MENTORING("Mentoring", "mentoring"),
    FEEDBACK("Feedback", "feedback"),
    ENDORSEMENT("Endorsement", "an endorsement"),
    RECOMMENDATION("Recommendation", "a recommendation"),
    RESOURCE("Resource share", "a resource"),
    PROMOTION("Promotion of work", "a promotion of their work"),
    COLLABORATION("Collaboration", "a collaboration"),
    OTHER("Other", "a favor");

    private final String label;
    private final String phrase;

    ExchangeKind(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    public String label() {
        return label;
    }

    /** As it reads after "gave you": "an introduction", "advice". */
    public String phrase() {
        return phrase;
    }
}
