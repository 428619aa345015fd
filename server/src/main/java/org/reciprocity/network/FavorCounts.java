package org.reciprocity.network;

import java.util.Map;

/**
 * How many favors a member has in their ledger with each of their contacts and with other members, for
 * suggesting whom to track first. Implemented by the ledger, which network must not depend on.
 */
public interface FavorCounts {

    /** Favors recorded with each private contact of the member, by the contact's internal id. */
    Map<Long, Integer> withContacts(long memberId);

    /** Favors exchanged (any status but superseded) with each other member, by internal member id. */
    Map<Long, Integer> withMembers(long memberId);
}
