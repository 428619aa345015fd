package org.reciprocity.network;

import java.util.Set;
import org.reciprocity.member.Relationships;
import org.springframework.stereotype.Component;

/** Connections and blocks as the member feature sees them. */
@Component
class NetworkRelationships implements Relationships {

    private final ConnectionRows connections;
    private final BlockRows blocks;
    private final ConnectionRequestRows requests;

    NetworkRelationships(ConnectionRows connections, BlockRows blocks, ConnectionRequestRows requests) {
        this.connections = connections;
        this.blocks = blocks;
        this.requests = requests;
    }

    @Override
    public Standing standing(long viewer, long other) {
        if (connections.areConnected(viewer, other)) {
            return Standing.CONNECTED;
        }
        return requests.pendingFrom(viewer, other).map(from -> from == viewer ? Standing.REQUEST_SENT : Standing.REQUEST_RECEIVED)
                .orElse(Standing.NONE);
    }

    @Override
    public boolean areConnected(long a, long b) {
        return connections.areConnected(a, b);
    }

    @Override
    public boolean hasBlocked(long blocker, long blocked) {
        return blocks.hasBlocked(blocker, blocked);
    }

    @Override
    public Set<Long> connectionsOf(long member) {
        return Set.copyOf(connections.of(member));
    }

    @Override
    public Set<Long> blockedEitherWay(long member) {
        return blocks.eitherWay(member);
    }
}
