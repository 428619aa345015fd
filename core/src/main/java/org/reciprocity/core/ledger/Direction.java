package org.reciprocity.core.ledger;

/** Which way a favor went, seen from one member. */
public enum Direction {
    GAVE,
    RECEIVED;

    public Direction opposite() {
        return this == GAVE ? RECEIVED : GAVE;
    }
}
