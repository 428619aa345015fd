package org.reciprocity.asks;

import org.reciprocity.db.MemberLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.reciprocity.asks.AskViews.FulfilInput;
import org.reciprocity.asks.AskViews.Person;
import org.reciprocity.asks.AskViews.PledgeInput;
import org.reciprocity.asks.AskViews.PledgeView;
import org.reciprocity.asks.AskViews.PostingInput;
import org.reciprocity.asks.AskViews.PostingView;
import org.reciprocity.core.etiquette.AuthenticityGuard;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.db.Savepoints;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.ledger.RecordExchange;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Today;
import org.reciprocity.security.LimitsProperties;
import org.reciprocity.web.TooManyRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.Network;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InputDates;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.ListPage;
import org.reciprocity.web.NotFound;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks, offers and opportunities (A1, A6) and pledges to help (A3). A posting is seen by its author
 * and, unless one blocked the other, by the community or by the author's connections only.
 */
@Service
public class Asks {

    /** A pledge still open this many days after its due date lapses and counts against reliability. */
    static final int LAPSE_AFTER_DAYS = 7;
    static final int MAX_TAGS = 10;

    private final PostingRows postings;
    private final PledgeRows pledges;
    private final MemberRows members;
    private final MemberLocks memberLocks;
    private final ConnectionRows connections;
    private final Network network;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ClusterLocks locks;
    private final Today today;
    private final LimitsProperties limits;
    private final ApplicationEventPublisher events;
    private final Savepoints savepoints;

    Asks(PostingRows postings, PledgeRows pledges, MemberRows members, ConnectionRows connections, Network network, Ledger ledger,
         TransactionTemplate tx, Clock clock, Today today, LimitsProperties limits, ApplicationEventPublisher events,
         Savepoints savepoints, ClusterLocks locks, MemberLocks memberLocks) {
        this.memberLocks = memberLocks;
        this.locks = locks;
        this.savepoints = savepoints;
        this.today = today;
        this.limits = limits;
        this.events = events;
        this.postings = postings;
        this.pledges = pledges;
        this.members = members;
        this.connections = connections;
        this.network = network;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    // --- postings --------------------------------------------------------------------------

    public PostingView create(CurrentMember me, PostingKind kind, PostingInput input) {
        PostingRows.Draft draft = draft(me, kind, input);
        Posting created = tx.execute(status -> {
            memberLocks.lockForLimits(me.id());
            Instant now = clock.instant();
            List<Instant> recent = postings.createdSince(me.id(), now.minus(Duration.ofDays(1)));
            if (recent.size() >= limits.postingsPerDay()) {
                Instant oldest = recent.get(recent.size() - limits.postingsPerDay());
                throw new TooManyRequests("You posted " + limits.postingsPerDay() + " asks, offers and opportunities in the"
                        + " last 24 hours, the most allowed.", Duration.between(now, oldest.plus(Duration.ofDays(1))));
            }
            Posting fresh = postings.insert(draft, now);
            events.publishEvent(new PostingChanged(fresh.id(), me.id(), true));
            return fresh;
        });
        AuthenticityGuard.Assessment guard = AuthenticityGuard.assess(created.title() + "\n" + created.details());
        return view(me, created, guard.warns() ? guard.triggers() : null);
    }

    public PostingView get(CurrentMember me, String publicId) {
        lapseOverdue();
        return view(me, visible(me, publicId), null);
    }

    /** The caller's own postings of one kind, newest first. */
    public ListPage<PostingView> mine(CurrentMember me, PostingKind kind, Integer limit, String cursor) {
        Cursor page = Cursor.of(limit, cursor);
        lapseOverdue();
        long before = page.after() == 0 ? Long.MAX_VALUE : page.after();
        return page.page(postings.ofOwner(me.id(), kind, before, page.fetchSize()), Posting::id, p -> view(me, p, null));
    }

    /** Every posting of the caller, of every kind, newest first: for the data archive. */
    public List<PostingView> allMine(CurrentMember me) {
        lapseOverdue();
        List<PostingView> all = new ArrayList<>();
        for (PostingKind kind : PostingKind.values()) {
            postings.ofOwner(me.id(), kind, Long.MAX_VALUE, Integer.MAX_VALUE).forEach(p -> all.add(view(me, p, null)));
        }
        return all;
    }

    /** One of the caller's open postings, as their agenda lists it. */
    public record OpenPosting(String id, PostingKind kind, String title, LocalDate expiresOn) {}

    /**
     * The caller's open postings of every kind, for the agenda: without the pledges and authors that
     * {@link #allMine} puts in each view, so one query instead of several per posting.
     */
    public List<OpenPosting> openOfMine(CurrentMember me) {
        return postings.openOf(me.id(), EnumSet.allOf(PostingKind.class), clock.instant()).stream()
                .map(p -> new OpenPosting(p.publicId(), p.kind(), p.title(), p.expiresOn())).toList();
    }

    /** The author marks an open posting fulfilled or closes it. */
    public PostingView close(CurrentMember me, String publicId, String to) {
        Posting posting = visible(me, publicId);
        if (posting.ownerId() != me.id()) {
            throw new Forbidden("Only the author can close this " + posting.kind().noun() + ".");
        }
        PostingStatus status = "FULFILLED".equalsIgnoreCase(to) ? PostingStatus.FULFILLED
                : to == null || "CLOSED".equalsIgnoreCase(to) ? PostingStatus.CLOSED : null;
        if (status == null) {
            throw new InvalidInput("status", "Close with FULFILLED (you got what you needed) or CLOSED.");
        }
        if (!posting.isOpen(clock.instant()) || !postings.close(posting.id(), status, clock.instant())) {
            throw new Conflict("This " + posting.kind().noun() + " is already "
                    + posting.status(clock.instant()).name().toLowerCase(Locale.ROOT) + ".");
        }
        Posting closed = postings.byId(posting.id()).orElseThrow();
        events.publishEvent(new PostingChanged(closed.id(), me.id(), false));
        return view(me, closed, null);
    }

    /** The posting if the caller may see it; 404 otherwise, so that hidden postings do not show they exist. */
    Posting visible(CurrentMember me, String publicId) {
        return postings.byPublicId(publicId == null ? "" : publicId.strip())
                .filter(p -> canSee(me.id(), p))
                .orElseThrow(() -> new NotFound("There is no ask, offer or opportunity with this id."));
    }

    boolean canSee(long viewer, Posting p) {
        // the author always sees their own posting: no need to load blocks and connections for that
        return p.ownerId() == viewer || readers(viewer, List.of(p)).canSee(p);
    }

    /**
     * Who may read postings as one viewer: blocks, connections and active authors loaded once, so that
     * filtering a list of postings costs a few queries, not a few per posting.
     */
    static final class Readers {
        private final long viewer;
        private final Set<Long> blocked;
        private final Set<Long> connected;
        private final Map<Long, Member> authors;

        private Readers(long viewer, Set<Long> blocked, Set<Long> connected, Map<Long, Member> authors) {
            this.viewer = viewer;
            this.blocked = blocked;
            this.connected = connected;
            this.authors = authors;
        }

        static Readers of(long viewer, Set<Long> blocked, Collection<Posting> postings, MemberRows members,
                          ConnectionRows connections) {
            return new Readers(viewer, blocked, Set.copyOf(connections.of(viewer)),
                    members.byIds(postings.stream().map(Posting::ownerId).distinct().toList()));
        }

        /** The viewer's connections, as loaded for the check. */
        Set<Long> connected() {
            return connected;
        }

        /** The postings' authors, as loaded for the check. */
        Map<Long, Member> authors() {
            return authors;
        }

        boolean canSee(Posting p) {
            if (p.ownerId() == viewer) {
                return true;
            }
            if (blocked.contains(p.ownerId())) {
                return false;
            }
            Member author = authors.get(p.ownerId());
            if (author == null || !author.isActive()) {
                return false;
            }
            return p.visibility() == PostingVisibility.COMMUNITY || connected.contains(p.ownerId());
        }
    }

    /** The check for many postings seen by one viewer. */
    Readers readers(long viewer, Collection<Posting> postings) {
        return Readers.of(viewer, network.blockedEitherWay(viewer), postings, members, connections);
    }

    // --- pledges ---------------------------------------------------------------------------

    public PledgeView pledge(CurrentMember me, String askPublicId, PledgeInput input) {
        Posting ask = visible(me, askPublicId);
        if (ask.kind() != PostingKind.ASK) {
            throw new Conflict("Pledges are for asks; answer an offer or opportunity by contacting its author.");
        }
        if (ask.ownerId() == me.id()) {
            throw new Forbidden("You cannot pledge to help with your own ask.");
        }
        if (!ask.isOpen(clock.instant())) {
            throw new Conflict("This ask is " + ask.status(clock.instant()).name().toLowerCase(Locale.ROOT) + ".");
        }
        List<FieldError> errors = new ArrayList<>();
        String note = input == null || input.note() == null ? "" : input.note().strip();
        if (note.length() > 1000) {
            errors.add(new FieldError("note", "Keep the note under 1000 characters."));
        }
        LocalDate due = InputDates.parse(input == null ? null : input.dueOn(), "dueOn", errors);
        LocalDate helpersDay = today.of(me);
        if (due != null && (due.isBefore(helpersDay) || due.isAfter(helpersDay.plusDays(365)))) {
            errors.add(new FieldError("dueOn", "Choose a due date between today and a year from now."));
        }
        if (due == null && errors.stream().noneMatch(e -> e.field().equals("dueOn"))) {
            errors.add(new FieldError("dueOn", "Say by when you will help (YYYY-MM-DD)."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        lapseOverdue();
        // one active pledge per helper and ask is a unique constraint: of two concurrent pledges, one is kept
        Pledge created = savepoints.unlessDuplicate(() -> pledges.insert(ask.id(), me.id(), note, due, clock.instant()))
                .orElseThrow(() -> new Conflict("You already pledged to help with this ask."));
        return pledgeViews(List.of(created)).get(0);
    }

    /** The helper did what they pledged: the GAVE exchange is recorded, pending the asker's confirmation. */
    public PledgeView fulfil(CurrentMember me, String pledgePublicId, FulfilInput input) {
        lapseOverdue();
        Pledge pledge = ownPledge(me, pledgePublicId);
        Posting ask = postings.byId(pledge.askId()).orElseThrow();
        if (pledge.status() != PledgeStatus.PLEDGED) {
            throw new Conflict(pledge.status() == PledgeStatus.LAPSED
                    ? "This pledge lapsed " + LAPSE_AFTER_DAYS + " days after its due date. Record the favor in the ledger instead."
                    : "This pledge is already " + pledge.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        Member asker = members.byId(ask.ownerId()).orElseThrow();
        String kind = input == null || input.kind() == null ? ExchangeKind.ADVICE.name() : input.kind();
        String description = input == null || input.description() == null || input.description().isBlank()
                ? "Helped with: " + ask.title() : input.description();
        int weight = input == null || input.weight() == null ? 2 : input.weight();
        RecordExchange favor = new RecordExchange("GAVE", asker.publicId(), null, kind, description, weight,
                today.of(me).toString(), ask.publicId(), null);
        Pledge done = tx.execute(status -> {
            ExchangeView exchange = ledger.record(me, favor);
            if (!pledges.finish(pledge.id(), PledgeStatus.FULFILLED, exchange.id(), clock.instant())) {
                status.setRollbackOnly();
                return null;
            }
            return pledges.byId(pledge.id()).orElseThrow();
        });
        if (done == null) {
            throw new Conflict("This pledge changed a moment ago; reload it.");
        }
        return pledgeViews(List.of(done)).get(0);
    }

    public PledgeView withdraw(CurrentMember me, String pledgePublicId) {
        lapseOverdue();
        Pledge pledge = ownPledge(me, pledgePublicId);
        if (!pledges.finish(pledge.id(), PledgeStatus.WITHDRAWN, null, clock.instant())) {
            throw new Conflict("This pledge is already " + pledge.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return pledgeViews(List.of(pledges.byId(pledge.id()).orElseThrow())).get(0);
    }

    /** The caller's pledges, soonest due first. */
    public List<PledgeView> myPledges(CurrentMember me) {
        lapseOverdue();
        return pledgeViews(pledges.ofHelper(me.id()));
    }

    public PledgeView getPledge(CurrentMember me, String pledgePublicId) {
        lapseOverdue();
        Pledge pledge = pledges.byPublicId(pledgePublicId == null ? "" : pledgePublicId.strip())
                .filter(p -> p.helperId() == me.id()
                        || postings.byId(p.askId()).map(a -> a.ownerId() == me.id()).orElse(false))
                .orElseThrow(() -> new NotFound("There is no pledge with this id."));
        return pledgeViews(List.of(pledge)).get(0);
    }

    private Pledge ownPledge(CurrentMember me, String publicId) {
        Pledge pledge = pledges.byPublicId(publicId == null ? "" : publicId.strip())
                .orElseThrow(() -> new NotFound("There is no pledge with this id."));
        if (pledge.helperId() != me.id()) {
            boolean asker = postings.byId(pledge.askId()).map(a -> a.ownerId() == me.id()).orElse(false);
            if (asker) {
                throw new Forbidden("Only the member who pledged can fulfil or withdraw this pledge.");
            }
            throw new NotFound("There is no pledge with this id.");
        }
        return pledge;
    }

    /**
     * Lapses pledges left open {@value #LAPSE_AFTER_DAYS} days past their due date, in the helper's own
     * day; also run hourly.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void lapseOverdueOnOneInstance() {
        locks.runAlone("pledge-lapses", Duration.ofHours(1), Duration.ofMinutes(30), this::lapseOverdue);
    }

    public int lapseOverdue() {
        List<Pledge> candidates = pledges.openDueBefore(today.latestAnywhere().minusDays(LAPSE_AFTER_DAYS));
        if (candidates.isEmpty()) {
            return 0;
        }
        Map<Long, LocalDate> days = today.ofAll(candidates.stream().map(Pledge::helperId).distinct().toList());
        int lapsed = 0;
        for (Pledge p : candidates) {
            if (p.dueOn().isBefore(days.get(p.helperId()).minusDays(LAPSE_AFTER_DAYS))
                    && pledges.finish(p.id(), PledgeStatus.LAPSED, null, clock.instant())) {
                lapsed++;
            }
        }
        return lapsed;
    }

    // --- views -----------------------------------------------------------------------------

    PostingView view(CurrentMember me, Posting p, List<String> warnings) {
        Member author = members.byId(p.ownerId()).orElseThrow();
        boolean mine = p.ownerId() == me.id();
        List<PledgeView> shown = null;
        if (p.kind() == PostingKind.ASK) {
            shown = pledgeViews(pledges.ofAsk(p.id()).stream().filter(x -> mine || x.helperId() == me.id()).toList());
        }
        return new PostingView(p.publicId(), p.kind(), p.title(), p.details(), p.tags(), p.visibility(), p.commercial(),
                p.expiresOn(), p.status(clock.instant()), p.createdAt(), person(author), mine, shown, warnings);
    }

    List<PledgeView> pledgeViews(List<Pledge> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Posting> asks = postings.byIds(list.stream().map(Pledge::askId).toList());
        Collection<Long> people = Stream.concat(list.stream().map(Pledge::helperId),
                asks.values().stream().map(Posting::ownerId)).distinct().toList();
        Map<Long, Member> byId = members.byIds(people);
        return list.stream().map(p -> {
            Posting ask = asks.get(p.askId());
            return new PledgeView(p.publicId(), ask.publicId(), ask.title(), person(byId.get(p.helperId())),
                    person(byId.get(ask.ownerId())), p.note(), p.dueOn(), p.status(), p.exchangeRef(), p.createdAt());
        }).toList();
    }

    static Person person(Member m) {
        return m == null ? new Person(null, "Former member") : new Person(m.publicId(), m.displayName());
    }

    // --- input -----------------------------------------------------------------------------

    private PostingRows.Draft draft(CurrentMember me, PostingKind kind, PostingInput input) {
        if (input == null) {
            throw new InvalidInput("title", "Give your " + kind.noun() + " a title.");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = input.title() == null ? "" : input.title().strip().replaceAll("\\s+", " ");
        if (title.length() < 3 || title.length() > 160) {
            errors.add(new FieldError("title", "Give your " + kind.noun() + " a title of 3 to 160 characters."));
        }
        String details = input.details() == null ? "" : input.details().strip();
        if (details.length() > 4000) {
            errors.add(new FieldError("details", "Keep the details under 4000 characters."));
        }
        List<String> tags = tags(input.tags(), errors);
        PostingVisibility visibility = PostingVisibility.COMMUNITY;
        if (input.visibility() != null && !input.visibility().isBlank()) {
            try {
                visibility = PostingVisibility.valueOf(input.visibility().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("visibility", "Choose COMMUNITY (every member) or CONNECTIONS (your connections)."));
            }
        }
        LocalDate expires = InputDates.parse(input.expiresOn(), "expiresOn", errors);
        LocalDate authorsDay = today.of(me);
        if (expires == null && errors.stream().noneMatch(e -> e.field().equals("expiresOn"))) {
            expires = authorsDay.plusDays(kind.defaultDays());
        } else if (expires != null && (expires.isBefore(authorsDay) || expires.isAfter(authorsDay.plusDays(365)))) {
            errors.add(new FieldError("expiresOn", "Choose an expiry date between today and a year from now."));
        }
        boolean commercial = Boolean.TRUE.equals(input.commercial());
        if (kind == PostingKind.OFFER && !commercial) {
            AuthenticityGuard.Assessment guard = AuthenticityGuard.assess(title + "\n" + details);
            if (guard.level() == AuthenticityGuard.Level.COMMERCIAL) {
                errors.add(new FieldError("commercial", "This offer reads as a sales pitch (" + String.join(", ",
                        guard.triggers()) + "). Mark it as commercial to post it, or rewrite it as a genuine offer."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new PostingRows.Draft(me.id(), kind, title, details, tags, visibility, commercial, expires);
    }

    private static List<String> tags(List<String> raw, List<FieldError> errors) {
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 40) {
                errors.add(new FieldError("tags", "Keep each tag under 40 characters."));
                return List.of();
            }
            tags.add(clean);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "Use at most " + MAX_TAGS + " tags."));
        }
        return List.copyOf(tags);
    }

    /** The member's day, for form defaults. */
    LocalDate today(CurrentMember me) {
        return today.of(me);
    }
}
