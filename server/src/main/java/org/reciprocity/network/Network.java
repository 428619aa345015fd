package org.reciprocity.network;

import org.reciprocity.db.MemberLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reciprocity.core.etiquette.AuthenticityGuard;
import org.reciprocity.core.etiquette.ConnectionNote;
import org.reciprocity.db.Savepoints;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberView;
import org.reciprocity.member.MemberViews;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRequestRows.Request;
import org.reciprocity.network.ConnectionRequestRows.Status;
import org.reciprocity.network.NetworkViews.BlockedView;
import org.reciprocity.network.NetworkViews.ConnectionView;
import org.reciprocity.network.NetworkViews.NotePreview;
import org.reciprocity.network.NetworkViews.RequestView;
import org.reciprocity.network.NetworkViews.Suggestions;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.TooManyRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections and their etiquette (N1, N2, E1): personal notes, the abuse limits, answers, removal
 * and blocks. A service because a request touches members, profiles, connections and blocks.
 */
@Service
public class Network {

    private final ConnectionRequestRows requests;
    private final BlockRows blocks;
    private final ConnectionRows connections;
    private final MemberRows members;
    private final MemberLocks locks;
    private final MemberViews views;
    private final NetworkProperties limits;
    private final TransactionTemplate tx;
    private final Savepoints savepoints;
    private final Clock clock;

    Network(ConnectionRequestRows requests, BlockRows blocks, ConnectionRows connections, MemberRows members, MemberViews views,
            NetworkProperties limits, TransactionTemplate tx, Savepoints savepoints, Clock clock, MemberLocks locks) {
        this.locks = locks;
        this.savepoints = savepoints;
        this.blocks = blocks;
        this.requests = requests;
        this.connections = connections;
        this.members = members;
        this.views = views;
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
    }

    public NotePreview preview(CurrentMember me, String toPublicId, String note) {
        Member to = recipient(me, toPublicId);
        var refusal = ConnectionNote.check(note, to.displayName(), me.displayName());
        return new NotePreview(refusal.map(r -> r.problem().name()).orElse(null),
                refusal.map(ConnectionNote.Refusal::message).orElse(null),
                AuthenticityGuard.assess(note).triggers(), suggestions(me, to));
    }

    public RequestView send(CurrentMember me, String toPublicId, String note) {
        Member to = recipient(me, toPublicId);
        ConnectionNote.check(note, to.displayName(), me.displayName()).ifPresent(r -> {
            throw new InvalidInput("note", r.message());
        });
        if (blocks.hasBlocked(to.id(), me.id())) {
            throw new Forbidden("This member does not accept connection requests from you.");
        }
        if (blocks.hasBlocked(me.id(), to.id())) {
            throw new Conflict("You blocked this member. Unblock them first if you want to connect.");
        }
        if (connections.areConnected(me.id(), to.id())) {
            throw new Conflict("You are already connected.");
        }
        requests.pendingBetween(me.id(), to.id()).ifPresent(r -> {
            throw alreadyPending(me, r);
        });
        Member sender = memberOf(me.id());
        // counted under a lock on the sender; one pending request per pair is a unique constraint, so of two
        // concurrent requests (or two members asking each other at once) exactly one is created
        Request created = savepoints.unlessDuplicate(() -> {
            locks.lockForLimits(me.id());
            checkLimits(sender, to);
            return requests.insert(me.id(), to.id(), note.strip(), clock.instant());
        }).orElseThrow(() -> requests.pendingBetween(me.id(), to.id()).map(r -> alreadyPending(me, r))
                .orElseGet(() -> new Conflict("A request between you two was just answered. Reload and try again.")));
        AuthenticityGuard.Assessment guard = AuthenticityGuard.assess(note);
        return view(created, Map.of(me.id(), sender, to.id(), to), guard.warns() ? guard.triggers() : null);
    }

    private static Conflict alreadyPending(CurrentMember me, Request pending) {
        return new Conflict(pending.fromId() == me.id() ? "Your earlier request to this member is still waiting for an answer."
                : "This member already asked to connect with you: accept their request instead.");
    }

    private void checkLimits(Member sender, Member to) {
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        if (sender.createdAt().plus(day).isAfter(now)) {
            List<Instant> today = requests.sentSince(sender.id(), now.minus(day));
            if (today.size() >= limits.requestsFirstDay()) {
                throw new TooManyRequests("New accounts may send " + limits.requestsFirstDay()
                        + " connection requests on their first day.", Duration.between(now, sender.createdAt().plus(day)));
            }
        }
        Duration week = Duration.ofDays(7);
        List<Instant> thisWeek = requests.sentSince(sender.id(), now.minus(week));
        if (thisWeek.size() >= limits.requestsPerWeek()) {
            Instant oldest = thisWeek.get(thisWeek.size() - limits.requestsPerWeek());
            throw new TooManyRequests("You sent " + limits.requestsPerWeek()
                    + " connection requests in the last 7 days, the most allowed.", Duration.between(now, oldest.plus(week)));
        }
        Duration cooldown = Duration.ofDays(limits.cooldownAfterDeclineDays());
        requests.lastRefusal(sender.id(), to.id()).filter(at -> at.plus(cooldown).isAfter(now)).ifPresent(at -> {
            throw new TooManyRequests("Your last request to this member was declined or withdrawn less than "
                    + limits.cooldownAfterDeclineDays() + " days ago.", Duration.between(now, at.plus(cooldown)));
        });
        if (requests.pendingFrom(sender.id()) >= limits.maxPending()) {
            throw new TooManyRequests("You have " + limits.maxPending()
                    + " requests waiting for an answer. Withdraw some before sending more.", day);
        }
    }

    public RequestView accept(CurrentMember me, String requestId) {
        Request r = toMe(me, requestId);
        Instant now = clock.instant();
        Boolean done = tx.execute(status -> {
            if (!requests.answer(r.id(), Status.ACCEPTED, now)) {
                return false;
            }
            connections.connect(r.fromId(), r.toId(), now);
            return true;
        });
        return answered(r, Boolean.TRUE.equals(done));
    }

    public RequestView decline(CurrentMember me, String requestId) {
        Request r = toMe(me, requestId);
        return answered(r, requests.answer(r.id(), Status.DECLINED, clock.instant()));
    }

    public RequestView withdraw(CurrentMember me, String requestId) {
        Request r = requests.byPublicId(requestId).filter(x -> x.fromId() == me.id() || x.toId() == me.id())
                .orElseThrow(Network::requestNotFound);
        if (r.fromId() != me.id()) {
            throw new Forbidden("Only the member who sent a request can withdraw it; decline it instead.");
        }
        return answered(r, requests.answer(r.id(), Status.WITHDRAWN, clock.instant()));
    }

    private Request toMe(CurrentMember me, String requestId) {
        Request r = requests.byPublicId(requestId).filter(x -> x.fromId() == me.id() || x.toId() == me.id())
                .orElseThrow(Network::requestNotFound);
        if (r.toId() != me.id()) {
            throw new Forbidden("Only the member who received a request can accept or decline it.");
        }
        return r;
    }

    private RequestView answered(Request r, boolean changed) {
        Request now = requests.byId(r.id()).orElseThrow();
        if (!changed) {
            throw new Conflict("This request was already " + now.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return view(now, members.byIds(List.of(now.fromId(), now.toId())), null);
    }

    public void remove(CurrentMember me, String memberPublicId) {
        Member other = members.byPublicId(memberPublicId).orElseThrow(() -> new NotFound("You are not connected to this member."));
        if (!connections.disconnect(me.id(), other.id())) {
            throw new NotFound("You are not connected to this member.");
        }
    }

    /** Blocks a member: ends the connection and any pending request between the two. */
    public void block(CurrentMember me, String memberPublicId) {
        Member other = members.byPublicId(memberPublicId).filter(m -> m.id() != me.id())
                .orElseThrow(() -> new InvalidInput("memberId", "There is no other member with this id."));
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            blocks.block(me.id(), other.id(), now);
            connections.disconnect(me.id(), other.id());
            requests.withdrawBetween(me.id(), other.id(), now);
        });
    }

    public void unblock(CurrentMember me, String memberPublicId) {
        Member other = members.byPublicId(memberPublicId).orElseThrow(() -> new NotFound("You have not blocked this member."));
        if (!blocks.unblock(me.id(), other.id())) {
            throw new NotFound("You have not blocked this member.");
        }
    }

    public List<BlockedView> blocked(CurrentMember me) {
        List<Long> ids = blocks.blockedBy(me.id());
        Map<Long, Member> byId = members.byIds(ids);
        return ids.stream().filter(byId::containsKey).map(id -> new BlockedView(byId.get(id).publicId(), byId.get(id).displayName())).toList();
    }

    public List<ConnectionView> connections(CurrentMember me) {
        var list = connections.since(me.id());
        Map<Long, Member> byId = members.byIds(list.stream().map(Map.Entry::getKey).toList());
        return list.stream().filter(e -> byId.containsKey(e.getKey()) && byId.get(e.getKey()).isActive())
                .map(e -> new ConnectionView(byId.get(e.getKey()).publicId(), byId.get(e.getKey()).displayName(), e.getValue()))
                .toList();
    }

    public List<RequestView> incoming(CurrentMember me) {
        return views(requests.incoming(me.id()));
    }

    public List<RequestView> outgoing(CurrentMember me) {
        return views(requests.outgoing(me.id()));
    }

    /** What the two members share, as far as the recipient lets the sender see. */
    public Suggestions suggestions(CurrentMember me, Member to) {
        MemberView mine = views.own(me);
        MemberView theirs = views.view(to.publicId(), me);
        return new Suggestions(shared(mine.skills(), theirs.skills()), shared(mine.interests(), theirs.interests()),
                mine.industry() != null && mine.industry().equalsIgnoreCase(theirs.industry()) ? theirs.industry() : null,
                connections.mutual(me.id(), to.id()));
    }

    public Member recipient(CurrentMember me, String toPublicId) {
        if (toPublicId == null || toPublicId.isBlank()) {
            throw new InvalidInput("toMemberId", "Name the member you want to connect with.");
        }
        Member to = members.byPublicId(toPublicId.strip()).filter(Member::isActive)
                .orElseThrow(() -> new InvalidInput("toMemberId", "There is no member with this id."));
        if (to.id() == me.id()) {
            throw new InvalidInput("toMemberId", "You cannot connect with yourself.");
        }
        return to;
    }

    private static List<String> shared(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return List.of();
        }
        Set<String> mine = a.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return b.stream().filter(s -> mine.contains(s.toLowerCase(Locale.ROOT))).toList();
    }

    private List<RequestView> views(List<Request> list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(r -> {
            ids.add(r.fromId());
            ids.add(r.toId());
        });
        Map<Long, Member> byId = members.byIds(ids);
        return list.stream().map(r -> view(r, byId, null)).toList();
    }

    private static RequestView view(Request r, Map<Long, Member> byId, List<String> warnings) {
        Member from = byId.get(r.fromId());
        Member to = byId.get(r.toId());
        return new RequestView(r.publicId(), r.status().name(), from.publicId(), from.displayName(), to.publicId(),
                to.displayName(), r.note(), r.createdAt(), warnings);
    }

    private Member memberOf(long id) {
        return members.byId(id).orElseThrow();
    }

    private static NotFound requestNotFound() {
        return new NotFound("You have no connection request with this id.");
    }

    /** True if {@code blocker} blocked {@code blocked}. */
    public boolean hasBlocked(long blocker, long blocked) {
        return blocks.hasBlocked(blocker, blocked);
    }

    /** True if either member blocked the other: they are kept out of each other's matches and introductions. */
    public boolean blockedEitherWay(long a, long b) {
        return blocks.eitherWay(a, b);
    }

    /** Everyone the member blocked or who blocked the member. */
    public Set<Long> blockedEitherWay(long member) {
        return blocks.eitherWay(member);
    }
}
