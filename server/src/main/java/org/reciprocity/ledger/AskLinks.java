package org.reciprocity.ledger;

/** Lets the ledger check an exchange's ask without depending on the asks feature. */
public interface AskLinks {

    /** True if the ask with this public id was posted by one of these members ({@code other} may be null). */
    boolean postedByEither(String askPublicId, long member, Long other);
}
