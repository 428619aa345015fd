package org.reciprocity.asks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.asks.AskViews.MatchView;
import org.reciprocity.asks.AskViews.MutualBenefit;
import org.reciprocity.asks.AskViews.SuggestedPosting;
import org.reciprocity.core.matching.GiveFirst;
import org.reciprocity.core.matching.Suggestion;
import org.reciprocity.core.matching.TextIndex;
import org.reciprocity.ledger.GivingHistory;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Profile;
import org.reciprocity.member.ProfileRows;
import org.reciprocity.member.Today;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.Network;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Forbidden;
import org.reciprocity.webhooks.WebhookEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Matching (A2, A5, A6): helpers for an ask, the asks a member could help with ("give first"), the
 * opportunities that fit a member, and pairs among a member's connections who could help each other.
 * Blocked and suspended members never appear; paused or over-capacity members are never suggested.
 */
@Service
public class Matching {

    public static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** Connections' open asks looked at for mutual-benefit pairs, newest first. */
    static final int MUTUAL_ASKS_LOOKED_AT = 200;
    /**
     * Text hits a give-first or opportunities list is ranked from: five times what is shown, at least 50.
     * Each hit costs its posting, its author and their signals; beyond that, weaker text matches rarely
     * climb into the shown few however close their author is.
     */
    private static int postingHitsFor(int shown) {
        return Math.max(50, 5 * shown);
    }

    private final Asks asks;
    private final MatchIndex index;
    private final MatchSignals signals;
    private final PostingRows postings;
    private final PledgeRows pledges;
    private final MemberRows members;
    private final ProfileRows profiles;
    private final Network network;
    private final ConnectionRows connections;
    private final ApplicationEventPublisher events;
    private final Today today;
    private final GivingHistory giving;

    Matching(Asks asks, MatchIndex index, MatchSignals signals, PostingRows postings, PledgeRows pledges, MemberRows members,
             ProfileRows profiles, Network network, ConnectionRows connections, ApplicationEventPublisher events, Today today, GivingHistory giving) {
        this.today = today;
        this.giving = giving;
        this.events = events;
        this.connections = connections;
        this.asks = asks;
        this.index = index;
        this.signals = signals;
        this.postings = postings;
        this.pledges = pledges;
        this.members = members;
        this.profiles = profiles;
        this.network = network;
    }

    /** The members who could help with the caller's ask or be sent their opportunity, best first. */
    public List<MatchView> matches(CurrentMember me, String postingId, Integer limit) {
        Posting posting = asks.visible(me, postingId);
        if (posting.ownerId() != me.id()) {
            throw new Forbidden("Only the author sees who could help with this " + posting.kind().noun() + ".");
        }
        if (posting.kind() == PostingKind.OFFER) {
            return List.of();
        }
        asks.lapseOverdue();
        Set<Long> blocked = network.blockedEitherWay(me.id());
        Set<Long> connectionsOnly = posting.visibility() == PostingVisibility.CONNECTIONS
                ? Set.copyOf(connections.of(me.id())) : null;
        List<Suggestion> found = index.helpers().match(posting.text(), me.id(), limit(limit),
                ids -> signals.signals(me.id(), ids, blocked, asks.today(me)),
                id -> !blocked.contains(id) && (connectionsOnly == null || connectionsOnly.contains(id)));
        Map<Long, Member> people = members.byIds(found.stream().map(Suggestion::id).toList());
        return found.stream().filter(s -> people.containsKey(s.id()))
                .map(s -> new MatchView(people.get(s.id()).publicId(), people.get(s.id()).displayName(),
                        Math.round(s.score() * 1000) / 1000.0, s.reasons()))
                .toList();
    }

    /**
     * Tells the author's webhooks who could help with a new ask (ask.matched), when anyone could: in
     * the transaction that posts it, so the delivery is queued with the ask or not at all.
     */
    @EventListener
    void announce(PostingChanged changed) {
        if (!changed.created()) {
            return;
        }
        Posting posting = postings.byId(changed.postingId()).orElseThrow();
        if (posting.kind() != PostingKind.ASK) {
            return;
        }
        Member author = members.byId(changed.ownerId()).orElseThrow();
        List<MatchView> found = matches(author.asCurrent(), posting.publicId(), 5);
        if (!found.isEmpty()) {
            events.publishEvent(new WebhookEvent(author.id(), WebhookEvent.ASK_MATCHED,
                    Map.of("askId", posting.publicId(), "title", posting.title(), "matches", found)));
        }
    }

    /** Open asks the caller could help with; empty while the caller paused giving or used up their capacity. */
    public List<SuggestedPosting> giveFirst(CurrentMember me, Integer limit) {
        int wanted = limit(limit);
        LocalDate today = asks.today(me);
        if (!signals.ableToGive(List.of(me.id()), today).contains(me.id())) {
            return List.of();
        }
        return suggestedPostings(me, PostingKind.ASK, wanted, today);
    }

    /** Open opportunities whose words match what the caller can give (A6). */
    public List<SuggestedPosting> opportunities(CurrentMember me, Integer limit) {
        return suggestedPostings(me, PostingKind.OPPORTUNITY, limit(limit), asks.today(me));
    }

    private List<SuggestedPosting> suggestedPostings(CurrentMember me, PostingKind kind, int limit, LocalDate today) {
        Profile own = profiles.of(me.id());
        List<String> gives = new ArrayList<>(own.skills());
        postings.openOf(me.id(), PostingKind.OFFER, now()).forEach(o -> gives.add(o.title()));
        String query = String.join("\n", gives) + "\n" + (own.headline() == null ? "" : own.headline());
        List<TextIndex.Hit> hits = index.postings().search(query, postingHitsFor(limit), id -> true);
        Map<Long, Posting> found = postings.byIds(hits.stream().map(TextIndex.Hit::id).toList());
        Asks.Readers readers = asks.readers(me.id(), found.values());
        List<Posting> usable = hits.stream().map(h -> found.get(h.id()))
                .filter(p -> p != null && p.kind() == kind && p.ownerId() != me.id() && p.isOpen(now()) && readers.canSee(p))
                .toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        List<Long> authors = usable.stream().map(Posting::ownerId).distinct().toList();
        Set<Long> mine = readers.connected();
        Map<Long, Integer> mutual = connections.mutualCounts(me.id(), authors);
        Map<Long, int[]> favors = giving.favorsWith(me.id(), authors);
        Map<Long, Integer> pledged = pledges.activeCounts(usable.stream().map(Posting::id).toList());
        Map<Long, Float> scores = new HashMap<>();
        hits.forEach(h -> scores.put(h.id(), h.score()));
        TextIndex text = index.postings();
        // each thing the caller gives is analysed once, not once per ask it is compared with
        Map<String, Set<String>> giveWords = new HashMap<>();
        gives.forEach(g -> giveWords.computeIfAbsent(g, text::terms));
        List<GiveFirst.Candidate> candidates = usable.stream().map(p -> {
            Set<String> askWords = text.terms(p.text());
            List<String> matched = gives.stream().filter(g -> giveWords.get(g).stream().anyMatch(askWords::contains)).toList();
            Integer daysLeft = p.expiresOn() == null ? null : (int) ChronoUnit.DAYS.between(today, p.expiresOn());
            return new GiveFirst.Candidate(p.id(), scores.get(p.id()), matched, mine.contains(p.ownerId()),
                    mutual.getOrDefault(p.ownerId(), 0),
                    favors.getOrDefault(p.ownerId(), new int[2])[0], pledged.getOrDefault(p.id(), 0), daysLeft);
        }).toList();
        double best = candidates.stream().mapToDouble(GiveFirst.Candidate::textScore).max().orElse(1);
        List<Suggestion> ranked = kind == PostingKind.ASK ? GiveFirst.rank(candidates)
                : candidates.stream().map(c -> new Suggestion(c.postingId(), c.textScore() / best,
                        c.matchedSkills().isEmpty() ? List.of() : List.of("matches what you give: " + String.join(", ",
                                c.matchedSkills().subList(0, Math.min(3, c.matchedSkills().size()))))))
                        .sorted(Comparator.comparingDouble(Suggestion::score).reversed()).toList();
        Map<Long, Member> people = readers.authors();
        return ranked.stream().limit(limit).map(s -> {
            Posting p = found.get(s.id());
            return new SuggestedPosting(p.publicId(), p.kind(), p.title(), Asks.person(people.get(p.ownerId())),
                    p.expiresOn(), Math.round(s.score() * 1000) / 1000.0, s.reasons());
        }).toList();
    }

    /**
     * Pairs among the caller's connections who could each help the other (A5): one's open ask is
     * matched by what the other gives, in both directions. Best pairs first.
     */
    public List<MutualBenefit> mutualBenefit(CurrentMember me, Integer limit) {
        Set<Long> blocked = network.blockedEitherWay(me.id());
        Set<Long> circle = new HashSet<>(connections.of(me.id()));
        circle.removeAll(blocked);
        if (circle.size() < 2) {
            return List.of();
        }
        LocalDate today = asks.today(me);
        circle.retainAll(signals.ableToGive(circle, today));
        List<Posting> inCircle = postings.open(EnumSet.of(PostingKind.ASK), now()).stream()
                .filter(p -> circle.contains(p.ownerId())).toList();
        Asks.Readers readers = asks.readers(me.id(), inCircle);
        List<Posting> theirAsks = inCircle.stream().filter(readers::canSee)
                .sorted(Comparator.comparingLong(Posting::id).reversed()).limit(MUTUAL_ASKS_LOOKED_AT).toList();
        // helps.get(a).get(b): the best reason b can help a, with its text score
        Map<Long, Map<Long, Reason>> helps = new HashMap<>();
        Map<Long, Set<Long>> blocksOf = new HashMap<>();
        for (Posting ask : theirAsks) {
            Set<Long> ownersBlocks = blocksOf.computeIfAbsent(ask.ownerId(), network::blockedEitherWay);
            for (TextIndex.Hit hit : index.helpers().index().search(ask.text(), 5,
                    id -> id != ask.ownerId() && circle.contains(id) && !ownersBlocks.contains(id))) {
                Reason reason = new Reason(ask, hit.score());
                helps.computeIfAbsent(ask.ownerId(), k -> new HashMap<>()).merge(hit.id(), reason,
                        (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        List<Long> involved = new ArrayList<>(new LinkedHashSet<>(helps.keySet()));
        Map<Long, Member> people = members.byIds(circle);
        List<MutualBenefit> pairs = new ArrayList<>();
        for (long a : involved) {
            for (Map.Entry<Long, Reason> entry : helps.get(a).entrySet()) {
                long b = entry.getKey();
                Reason back = helps.getOrDefault(b, Map.of()).get(a);
                if (back == null || a > b) {
                    continue;
                }
                Member first = people.get(a);
                Member second = people.get(b);
                pairs.add(new MutualBenefit(Asks.person(first), Asks.person(second),
                        first.displayName() + " can help with " + second.displayName() + "'s ask \u201c" + back.ask().title() + "\u201d",
                        second.displayName() + " can help with " + first.displayName() + "'s ask \u201c" + entry.getValue().ask().title() + "\u201d",
                        Math.round((entry.getValue().score() + back.score()) * 1000) / 1000.0));
            }
        }
        pairs.sort(Comparator.comparingDouble(MutualBenefit::score).reversed());
        return pairs.subList(0, Math.min(limit(limit), pairs.size()));
    }

    private record Reason(Posting ask, float score) {}

    private java.time.Instant now() {
        return today.now();
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new org.reciprocity.web.InvalidInput("limit", "Ask for between 1 and " + MAX_LIMIT + " items.");
        }
        return limit;
    }
}
