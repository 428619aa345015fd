package org.reciprocity.asks;

/**
 * A posting was created or changed status, inside the transaction that did it. The match index
 * re-reads it after the commit; a new ask is announced to its author's webhooks with the commit.
 */
record PostingChanged(long postingId, long ownerId, boolean created) {
}
