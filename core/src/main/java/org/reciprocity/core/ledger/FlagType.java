package org.reciprocity.core.ledger;

/** The health flags of a ledger (L5). */
public enum FlagType {
    OVER_GIVING,
    OVER_TAKING,
    ONE_SIDED,
    UNTHANKED,
    DORMANT
}
