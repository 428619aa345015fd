package org.reciprocity.core.ledger;

/**
 * The states of an exchange that the rules look at. Confirmed exchanges with members and private
 * exchanges with one's own contacts count; pending ones count only as effort spent (burnout), and
 * disputed or superseded ones not at all (the server does not pass them).
 */
public enum EntryStatus {
    CONFIRMED,
    PRIVATE,
    PENDING;

    public boolean counts() {
        return this != PENDING;
    }
}
