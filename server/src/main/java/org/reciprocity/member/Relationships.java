package org.reciprocity.member;

import java.util.Set;

/**
 * What deciding who sees a profile needs to know of the network between members, provided by the
 * feature that keeps connections and blocks (which itself builds on members).
 */
public interface Relationships {

    boolean areConnected(long a, long b);

    boolean hasBlocked(long blocker, long blocked);

    /** The members the member is connected to. */
    Set<Long> connectionsOf(long member);

    /** Members the member blocked or was blocked by. */
    Set<Long> blockedEitherWay(long member);

    /** Where two members stand, as {@code viewer} sees it: what the member page offers follows from it. */
    enum Standing { CONNECTED, REQUEST_SENT, REQUEST_RECEIVED, NONE }

    Standing standing(long viewer, long other);
}
