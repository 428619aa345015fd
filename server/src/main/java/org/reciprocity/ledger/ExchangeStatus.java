package org.reciprocity.ledger;

/**
 * PENDING until the counterpart member answers (L2); CONFIRMED or DISPUTED then. An exchange with a
 * private contact is PRIVATE from the start and counts in its recorder's view only.
 */
public enum ExchangeStatus {
    PENDING,
    CONFIRMED,
    DISPUTED,
    PRIVATE
}
