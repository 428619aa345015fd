package org.reciprocity.core.ledger;

/** The health flags of a ledger (L5). */
public enum FlagType {
    OVER_GIVING,
    OVER_TAKING,
    /** They have not given back (see {@link RelationshipStanding.Owing#THEY_OWE}). */
    ONE_SIDED,
    /** The member should give back: the agenda's give-back items (see {@link RelationshipStanding.Owing#MEMBER_OWES}). */
    GIVE_BACK,
    UNTHANKED,
    DORMANT
}
