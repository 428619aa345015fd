package org.reciprocity.core.ledger;

/** How active a relationship has been lately, against its own earlier rate. */
public enum Trend {
    /** Every exchange falls in the recent window. */
    NEW,
    RISING,
    STEADY,
    FALLING
}
