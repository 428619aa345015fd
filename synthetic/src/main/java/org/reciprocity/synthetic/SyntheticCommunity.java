package org.reciprocity.synthetic;

import java.util.List;

/**
 * An invented community: its members and the connections between them, as pairs of indexes
 * into {@link #members()} (lower index first, no duplicates).
 */
public record SyntheticCommunity(List<SyntheticMember> members, List<Connection> connections) {

    public record Connection(int first, int second, int daysAgo) {
        public Connection {
            if (first >= second) {
                throw new IllegalArgumentException("first must be below second");
            }
        }
    }
}
