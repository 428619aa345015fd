package org.reciprocity.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.reciprocity.db.MemberLocks;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.Network;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.LimitsProperties;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.TooManyRequests;
import org.springframework.stereotype.Component;

/**
 * Who may put a favor in whose inbox (N2, N5): nobody across a block, and strangers only a few at a
 * time — a favor recorded with someone you are not connected to waits for their answer, so a flood of
 * them would fill a stranger's inbox. Counted under a lock on the recorder, inside the write's
 * transaction, so concurrent requests cannot overshoot the limit.
 */
@Component
class RecordingLimits {

    private final ExchangeRows exchanges;
    private final MemberRows members;
    private final MemberLocks locks;
    private final Network network;
    private final ConnectionRows connections;
    private final LimitsProperties limits;
    private final Clock clock;

    RecordingLimits(ExchangeRows exchanges, MemberRows members, Network network, ConnectionRows connections,
                    LimitsProperties limits, Clock clock, MemberLocks locks) {
        this.locks = locks;
        this.exchanges = exchanges;
        this.members = members;
        this.network = network;
        this.connections = connections;
        this.limits = limits;
        this.clock = clock;
    }

    /** A block stops favors both ways: the blocked member is refused (403), the blocker told to unblock (409). */
    void checkNotBlocked(CurrentMember me, long other) {
        if (network.hasBlocked(other, me.id())) {
            throw new Forbidden("This member does not accept favors from you.");
        }
        if (network.hasBlocked(me.id(), other)) {
            throw new Conflict("You blocked this member. Unblock them first to record a favor with them.");
        }
    }

    /** Throws when the draft may not be recorded now; call inside the transaction that inserts it. */
    void checkRecording(CurrentMember me, ExchangeRows.Draft draft) {
        Long other = draft.counterpartId();
        if (other == null) {
            return;
        }
        checkNotBlocked(me, other);
        // an answer to an ask, or a favor between connections, is not unsolicited
        if (draft.askRef() != null || connections.areConnected(me.id(), other)) {
            return;
        }
        locks.lockForLimits(me.id());
        if (exchanges.pendingBetween(me.id(), other) >= limits.unsolicitedPendingPerMember()) {
            throw new TooManyRequests("You have " + limits.unsolicitedPendingPerMember() + " favors waiting for this member's"
                    + " answer. Wait until they confirm or dispute them, or connect first.", Duration.ofDays(1));
        }
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        Set<Long> connected = Set.copyOf(connections.of(me.id()));
        List<Instant> recent = exchanges.recordedWithMembersSince(me.id(), now.minus(day)).stream()
                .filter(r -> !connected.contains(r.counterpartId())).map(ExchangeRows.Recorded::at).toList();
        if (recent.size() >= limits.unsolicitedFavorsPerDay()) {
            Instant oldest = recent.get(recent.size() - limits.unsolicitedFavorsPerDay());
            throw new TooManyRequests("You recorded " + limits.unsolicitedFavorsPerDay() + " favors with members you are not"
                    + " connected to in the last 24 hours, the most allowed.", Duration.between(now, oldest.plus(day)));
        }
    }
}
