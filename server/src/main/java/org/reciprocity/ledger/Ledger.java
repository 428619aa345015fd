package org.reciprocity.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.EntryStatus;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.core.ledger.LedgerHealth;
import org.reciprocity.core.ledger.LedgerSettings;
import org.reciprocity.core.ledger.RelationshipBalance;
import org.reciprocity.ledger.LedgerViews.BalanceView;
import org.reciprocity.ledger.LedgerViews.Counterpart;
import org.reciprocity.ledger.LedgerViews.EventView;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.ledger.LedgerViews.FlagView;
import org.reciprocity.ledger.LedgerViews.HealthView;
import org.reciprocity.ledger.LedgerViews.OpenLoop;
import org.reciprocity.ledger.LedgerViews.RelationshipView;
import org.reciprocity.ledger.LedgerViews.ThanksView;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberChanged;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.ProfileRows;
import org.reciprocity.member.Today;
import org.reciprocity.network.Contact;
import org.reciprocity.network.ContactRows;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.ListPage;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.PageSlice;
import org.reciprocity.webhooks.WebhookEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reciprocity ledger (L1–L7): what pages and the API both call. A service because recording and
 * correcting span members, contacts and the exchange tables, and every read is turned into the
 * caller's own view here, once.
 */
@Service
public class Ledger {

    static final String FORMER_MEMBER = "Former member";

    private final ExchangeRows exchanges;
    private final MemberRows members;
    private final ContactRows contacts;
    private final ProfileRows profiles;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LedgerSettings settings;
    private final ApplicationEventPublisher events;
    private final AskLinks askLinks;
    private final Today today;
    private final RecordingLimits limits;

    Ledger(ExchangeRows exchanges, MemberRows members, ContactRows contacts, ProfileRows profiles, TransactionTemplate tx,
           Clock clock, LedgerProperties properties, ApplicationEventPublisher events,
           AskLinks askLinks, Today today, RecordingLimits limits) {
        this.limits = limits;
        this.askLinks = askLinks;
        this.today = today;
        this.events = events;
        this.exchanges = exchanges;
        this.members = members;
        this.contacts = contacts;
        this.profiles = profiles;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.settings();
    }

    // --- writing ---------------------------------------------------------------------------

    /** Records a favor: PENDING with a member until they answer, PRIVATE with one's own contact. */
    public ExchangeView record(CurrentMember me, RecordExchange body) {
        ExchangeRows.Draft draft = draft(me, body, null);
        Exchange created = tx.execute(status -> {
            limits.checkRecording(me, draft);
            Exchange fresh = exchanges.insert(draft, clock.instant());
            announce(WebhookEvent.EXCHANGE_RECORDED, fresh);
            return fresh;
        });
        return view(me.id(), created, false);
    }

    /**
     * Tells each member party of the exchange, as they see it, to their webhooks. Called inside the
     * write's transaction: the deliveries are queued with it, or not at all.
     */
    private void announce(String type, Exchange exchange) {
        for (Long party : new Long[] {exchange.recorderId(), exchange.counterpartId()}) {
            if (party != null) {
                events.publishEvent(new WebhookEvent(party, type, Map.of("exchange", view(party, exchange, false))));
            }
        }
    }

    /** Replaces an entry by a corrected one (L6): both stay readable, only the new one counts. */
    public ExchangeView correct(CurrentMember me, String publicId, RecordExchange body) {
        Exchange old = party(me, publicId);
        old.checkCorrectableBy(me.id());
        if (old.counterpartId() != null) {
            limits.checkNotBlocked(me, old.counterpartId());
        }
        ExchangeRows.Draft draft = draft(me, body, old);
        Exchange created = tx.execute(status -> {
            Instant now = clock.instant();
            Exchange fresh = exchanges.insert(draft, now);
            if (!exchanges.supersede(old.id(), fresh.id(), me.id(), now)) {
                status.setRollbackOnly();
                return null;
            }
            return fresh;
        });
        if (created == null) {
            throw new Conflict("This entry was corrected a moment ago; reload and correct the latest version.");
        }
        return view(me.id(), created, false);
    }

    public ExchangeView confirm(CurrentMember me, String publicId) {
        return answer(me, publicId, ExchangeStatus.CONFIRMED, null);
    }

    public ExchangeView dispute(CurrentMember me, String publicId, String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 1000) {
            throw new InvalidInput("reason", "Say briefly what is wrong with this entry (up to 1000 characters).");
        }
        return answer(me, publicId, ExchangeStatus.DISPUTED, clean);
    }

    private ExchangeView answer(CurrentMember me, String publicId, ExchangeStatus to, String reason) {
        Exchange exchange = party(me, publicId);
        exchange.checkAnswerableBy(me.id());
        Exchange answered = tx.execute(status -> {
            if (!exchanges.answer(exchange.id(), to, reason, me.id(), clock.instant())) {
                return null;
            }
            Exchange now = exchanges.byId(exchange.id()).orElseThrow();
            if (to == ExchangeStatus.CONFIRMED) {
                announce(WebhookEvent.EXCHANGE_CONFIRMED, now);
                // A confirmed favor joins what its giver is known to give (the match index reads it); the
                // receiver's document does not change.
                if (exchange.giverId() != null) {
                    events.publishEvent(new MemberChanged(exchange.giverId()));
                }
            }
            return now;
        });
        if (answered == null) {
            Exchange now = exchanges.byId(exchange.id()).orElseThrow();
            throw new Conflict("This exchange was " + now.status().name().toLowerCase(Locale.ROOT)
                    + (now.isCurrent() ? "" : " and corrected") + " in the meantime.");
        }
        return view(me.id(), answered, true);
    }

    /** A thank-you on a confirmed favor received (L3), shown to the giver. */
    public ExchangeView thank(CurrentMember me, String publicId, String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty() || clean.length() > 2000) {
            throw new InvalidInput("note", "Write a few words of thanks (up to 2000 characters).");
        }
        Exchange exchange = party(me, publicId);
        exchange.checkThankableBy(me.id());
        Boolean thanked = tx.execute(status -> exchanges.thank(exchange.id(), me.id(), clean, clock.instant()));
        if (!Boolean.TRUE.equals(thanked)) {
            throw new Conflict("You already thanked for this favor.");
        }
        return view(me.id(), exchange, true);
    }

    // --- reading ---------------------------------------------------------------------------

    public ExchangeView get(CurrentMember me, String publicId) {
        return view(me.id(), party(me, publicId), true);
    }

    public ListPage<ExchangeView> list(CurrentMember me, String counterpartMemberId, String contactId, Integer limit,
                                       String cursor) {
        Cursor page = Cursor.of(limit, cursor);
        Long memberFilter = counterpartMemberId == null ? null : memberId(counterpartMemberId, "counterpartMemberId");
        Long contactFilter = contactId == null ? null : contacts.byPublicId(me.id(), contactId)
                .orElseThrow(() -> new InvalidInput("contactId", "You have no contact with this id.")).internalId();
        List<Exchange> rows = exchanges.ofMember(me.id(), memberFilter, contactFilter,
                page.after() == 0 ? Long.MAX_VALUE : page.after(), page.fetchSize());
        return page.pageOf(rows, Exchange::id, shown -> views(me.id(), shown, false));
    }

    /** Every exchange the caller is party to, with its history: for the caller's data archive. */
    public List<ExchangeView> everything(CurrentMember me) {
        return views(me.id(), exchanges.ofMember(me.id(), null, null, Long.MAX_VALUE, Integer.MAX_VALUE), true);
    }

    /** Entries others recorded with the caller, waiting for the caller to confirm or dispute. */
    public List<ExchangeView> inbox(CurrentMember me) {
        return views(me.id(), exchanges.inbox(me.id()), false);
    }

    public List<ExchangeView> unthanked(CurrentMember me) {
        return views(me.id(), exchanges.unthanked(me.id()), false);
    }

    /** One page of the inbox: only the favors shown are turned into views (names, thanks, links). */
    public PageSlice<ExchangeView> inbox(CurrentMember me, String page, int size) {
        return viewsOf(me, PageSlice.of(exchanges.inbox(me.id()), page, size));
    }

    /** One page of the favors to thank. */
    public PageSlice<ExchangeView> unthanked(CurrentMember me, String page, int size) {
        return viewsOf(me, PageSlice.of(exchanges.unthanked(me.id()), page, size));
    }

    private PageSlice<ExchangeView> viewsOf(CurrentMember me, PageSlice<Exchange> rows) {
        return new PageSlice<>(views(me.id(), rows.items(), false), rows.page(), rows.pages(), rows.total());
    }

    public List<BalanceView> balances(CurrentMember me) {
        return balances(load(me.id()));
    }

    public HealthView health(CurrentMember me) {
        return health(load(me.id()));
    }

    /**
     * The favors not yet returned between the member and one counterpart ({@code member:<id>} or
     * {@code contact:<id>}, as the record form names them), to offer as what a new favor gives back.
     */
    public List<LedgerViews.Returnable> openFavorsWith(CurrentMember me, String counterpart) {
        RelationshipView relationship;
        try {
            if (counterpart != null && counterpart.startsWith("member:")) {
                relationship = withMember(me, counterpart.substring(7));
            } else if (counterpart != null && counterpart.startsWith("contact:")) {
                relationship = withContact(me, counterpart.substring(8));
            } else {
                return List.of();
            }
        } catch (NotFound e) {
            return List.of();
        }
        if (relationship.balance() == null) {
            return List.of();
        }
        return relationship.balance().openLoops().stream().map(loop -> new LedgerViews.Returnable(loop.exchangeId(),
                loop.description() + " (" + org.reciprocity.web.Dates.full(loop.occurredOn()) + ", "
                        + (loop.direction() == Direction.RECEIVED ? "they helped you" : "you helped them") + ")")).toList();
    }

    /** Whether the member paused giving (the ledger offers to pause or resume). */
    public boolean givingPaused(CurrentMember me) {
        return Boolean.TRUE.equals(profiles.of(me.id()).givingPaused());
    }

    /** Health and balances from one load of the ledger, for the dashboard that shows both. */
    public LedgerViews.Overview overview(CurrentMember me) {
        Loaded loaded = load(me.id());
        return new LedgerViews.Overview(health(loaded), balances(loaded), months(me.id(), loaded));
    }

    /** The twelve months up to the member's today, oldest first, each with what was given and received. */
    private List<LedgerViews.MonthView> months(long me, Loaded loaded) {
        java.time.YearMonth last = java.time.YearMonth.from(loaded.today());
        java.time.YearMonth first = last.minusMonths(11);
        int[] given = new int[12];
        int[] received = new int[12];
        for (Exchange e : loaded.rows().values()) {
            java.time.YearMonth month = java.time.YearMonth.from(e.occurredOn());
            boolean counts = e.status() == ExchangeStatus.CONFIRMED || e.status() == ExchangeStatus.PRIVATE;
            if (!counts || month.isBefore(first) || month.isAfter(last)) {
                continue;
            }
            int i = (int) first.until(month, java.time.temporal.ChronoUnit.MONTHS);
            if (e.directionFor(me) == Direction.GAVE) {
                given[i] += e.weight();
            } else {
                received[i] += e.weight();
            }
        }
        List<LedgerViews.MonthView> months = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            months.add(new LedgerViews.MonthView(first.plusMonths(i), given[i], received[i]));
        }
        return months;
    }

    private List<BalanceView> balances(Loaded loaded) {
        return loaded.health().summary().relationships().stream().map(b -> balanceView(b, loaded)).toList();
    }

    private static HealthView health(Loaded loaded) {
        var summary = loaded.health().summary();
        return new HealthView(summary.giveTakeRatio(), summary.totalGiven(), summary.totalReceived(),
                loaded.health().flags().stream().map(f -> new FlagView(f.type(),
                        f.counterpart() == null ? null : loaded.counterparts().get(f.counterpart()),
                        f.reason(), f.suggestion())).toList());
    }

    /** The whole history of one relationship with a member (L6), with its balance and open loops. */
    public RelationshipView withMember(CurrentMember me, String memberPublicId) {
        Member other = members.byPublicId(memberPublicId).orElseThrow(() -> new NotFound("There is no member with this id."));
        List<Exchange> history = exchanges.ofMember(me.id(), other.id(), null, Long.MAX_VALUE, 10_000);
        return relationship(me, "m:" + other.id(), new Counterpart(other.publicId(), null, other.displayName()), history);
    }

    /** The whole history with one of the caller's own contacts. */
    public RelationshipView withContact(CurrentMember me, String contactPublicId) {
        Contact contact = contacts.byPublicId(me.id(), contactPublicId).orElseThrow(() -> new NotFound("You have no contact with this id."));
        List<Exchange> history = exchanges.ofMember(me.id(), null, contact.internalId(), Long.MAX_VALUE, 10_000);
        return relationship(me, "c:" + contact.internalId(), new Counterpart(null, contact.id(), contact.name()), history);
    }

    private RelationshipView relationship(CurrentMember me, String key, Counterpart counterpart, List<Exchange> history) {
        // a relationship's balance and open loops come from its own favors: the rest of the ledger is not read
        Loaded loaded = load(me.id(), history.stream().filter(e -> e.isCurrent() && (e.status() == ExchangeStatus.PENDING
                || e.status() == ExchangeStatus.CONFIRMED || e.status() == ExchangeStatus.PRIVATE)).toList());
        BalanceView balance = loaded.health().summary().relationships().stream()
                .filter(b -> b.counterpart().equals(key)).findFirst().map(b -> balanceView(b, loaded)).orElse(null);
        return new RelationshipView(counterpart, balance, views(me.id(), history, true));
    }

    // --- the member's ledger as core sees it -----------------------------------------------

    private record Loaded(LedgerHealth health, Map<String, Counterpart> counterparts, Map<Long, Exchange> rows,
                          LocalDate today) {}

    private Loaded load(long me) {
        return load(me, exchanges.forBalances(me));
    }

    /** The ledger of these rows (the current ones that count or wait: pending, confirmed, private). */
    private Loaded load(long me, List<Exchange> rows) {
        Set<Long> thanked = exchanges.thanksFor(rows.stream().map(Exchange::id).toList()).keySet();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Exchange e : rows) {
            entries.add(entry(e, key(me, e), me, thanked));
        }
        Integer capacity = profiles.of(me).capacityPerMonth();
        LocalDate day = today.of(me);
        LedgerHealth health = LedgerHealth.of(entries, capacity, day, settings);
        return new Loaded(health, counterparts(me, rows),
                rows.stream().collect(Collectors.toMap(Exchange::id, Function.identity())), day);
    }

    private static Entry entry(Exchange e, String key, long me, Set<Long> thanked) {
        EntryStatus status = switch (e.status()) {
            case CONFIRMED -> EntryStatus.CONFIRMED;
            case PRIVATE -> EntryStatus.PRIVATE;
            default -> EntryStatus.PENDING;
        };
        LocalDate countedSince = e.status() == ExchangeStatus.CONFIRMED
                ? e.statusChangedAt().atOffset(ZoneOffset.UTC).toLocalDate() : e.occurredOn();
        return new Entry(e.id(), key, e.directionFor(me), e.weight(), e.occurredOn(), status, countedSince,
                thanked.contains(e.id()), e.returnsId());
    }

    /**
     * The member's current entries for the agenda, keyed by public ids ({@code m:<member>},
     * {@code c:<contact>}) so that agenda keys never show internal ids, with each key's display name.
     */
    public record AgendaLedger(List<Entry> entries, Map<Long, String> exchangeIds, Map<String, String> names) {}

    public AgendaLedger forAgenda(long me) {
        List<Exchange> rows = exchanges.forBalances(me);
        Set<Long> thanked = exchanges.thanksFor(rows.stream().map(Exchange::id).toList()).keySet();
        Map<String, Counterpart> people = counterparts(me, rows);
        List<Entry> entries = new ArrayList<>(rows.size());
        Map<Long, String> ids = new java.util.HashMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> keys = new java.util.HashMap<>();
        for (Exchange e : rows) {
            Counterpart c = people.get(key(me, e));
            String fresh = c.memberId() != null ? "m:" + c.memberId() : c.contactId() != null ? "c:" + c.contactId()
                    : "x:" + e.publicId();
            String key = keys.computeIfAbsent(fresh, k -> k);
            entries.add(entry(e, key, me, thanked));
            ids.put(e.id(), e.publicId());
            names.put(key, c.displayName());
        }
        // grouped by relationship, in date order: the order the agenda reads fastest
        entries.sort(java.util.Comparator.comparing(Entry::counterpart).thenComparing(Entry::occurredOn)
                .thenComparingLong(Entry::id));
        return new AgendaLedger(entries, ids, names);
    }

    private BalanceView balanceView(RelationshipBalance b, Loaded loaded) {
        return new BalanceView(loaded.counterparts().get(b.counterpart()), b.given(), b.received(), b.balance(),
                b.givenCount(), b.receivedCount(), b.firstExchangeOn(), b.lastExchangeOn(), b.trend(),
                b.openLoops().stream().map(e -> {
                    Exchange row = loaded.rows().get(e.id());
                    return new OpenLoop(row.publicId(), e.direction(), row.kind(), row.description(), e.occurredOn());
                }).toList());
    }

    /** The relationship an exchange belongs to, from the member's side. */
    private static String key(long me, Exchange e) {
        if (e.contactId() != null) {
            return "c:" + e.contactId();
        }
        Long other = e.isRecorder(me) ? e.counterpartId() : e.recorderId();
        return other == null ? "x:" + e.id() : "m:" + other;
    }

    private Map<String, Counterpart> counterparts(long me, Collection<Exchange> rows) {
        Set<Long> memberIds = new HashSet<>();
        Set<Long> contactIds = new HashSet<>();
        for (Exchange e : rows) {
            if (e.contactId() != null) {
                contactIds.add(e.contactId());
            } else {
                Long other = e.isRecorder(me) ? e.counterpartId() : e.recorderId();
                if (other != null) {
                    memberIds.add(other);
                }
            }
        }
        Map<Long, Member> memberMap = members.byIds(memberIds);
        // names alone: a ledger with ten thousand contacts needs neither their tags, e-mails nor phones
        Map<Long, ContactRows.Named> contactMap = contacts.namesOwnedBy(me, contactIds);
        Map<String, Counterpart> result = new java.util.HashMap<>(memberMap.size() + contactMap.size() + 16);
        memberMap.forEach((id, m) -> result.put("m:" + id, new Counterpart(m.publicId(), null, m.displayName())));
        contactMap.forEach((id, c) -> result.put("c:" + id, new Counterpart(null, c.publicId(), c.name())));
        for (Long id : memberIds) {
            result.putIfAbsent("m:" + id, new Counterpart(null, null, FORMER_MEMBER));
        }
        for (Long id : contactIds) {
            result.putIfAbsent("c:" + id, new Counterpart(null, null, "Deleted contact"));
        }
        for (Exchange e : rows) {
            if (e.contactId() == null && (e.isRecorder(me) ? e.counterpartId() : e.recorderId()) == null) {
                result.putIfAbsent(key(me, e), new Counterpart(null, null, FORMER_MEMBER));
            }
        }
        return result;
    }

    private ExchangeView view(long me, Exchange e, boolean withHistory) {
        return views(me, List.of(e), withHistory).get(0);
    }

    private List<ExchangeView> views(long me, List<Exchange> rows, boolean withHistory) {
        Map<String, Counterpart> counterparts = counterparts(me, rows);
        Map<Long, ExchangeRows.Thanks> thanks = exchanges.thanksFor(rows.stream().map(Exchange::id).toList());
        Map<Long, String> linked = exchanges.publicIds(rows.stream()
                .flatMap(e -> Stream.of(e.returnsId(), e.supersedesId(), e.supersededById()))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, Member> actors = withHistory ? members.byIds(rows.stream()
                .flatMap(e -> Stream.of(e.recorderId(), e.counterpartId())).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())) : Map.of();
        Map<Long, List<ExchangeRows.Event>> events = withHistory
                ? exchanges.eventsFor(rows.stream().map(Exchange::id).toList()) : Map.of();
        Function<Long, String> nameOf = id -> id == null ? FORMER_MEMBER
                : id == me ? "You" : actors.containsKey(id) ? actors.get(id).displayName() : FORMER_MEMBER;
        return rows.stream().map(e -> new ExchangeView(e.publicId(), e.directionFor(me), counterparts.get(key(me, e)),
                e.kind(), e.description(), e.weight(), e.occurredOn(), e.status(), e.isRecorder(me), e.isCurrent(),
                e.askRef(), linked.get(e.returnsId()), linked.get(e.supersedesId()), linked.get(e.supersededById()),
                e.disputeReason(),
                thanks.containsKey(e.id()) ? new ThanksView(thanks.get(e.id()).note(), thanks.get(e.id()).createdAt()) : null,
                e.createdAt(),
                withHistory ? events.getOrDefault(e.id(), List.of()).stream()
                        .map(ev -> new EventView(ev.event(), nameOf.apply(ev.actorId()), ev.detail(), ev.at())).toList() : null))
                .toList();
    }

    // --- input rules ----------------------------------------------------------------------

    private Exchange party(CurrentMember me, String publicId) {
        return exchanges.byPublicId(publicId).filter(e -> e.isParty(me.id())).orElseThrow(Exchange::notFound);
    }

    private Long memberId(String publicId, String field) {
        return members.byPublicId(publicId).filter(Member::isActive).map(Member::id)
                .orElseThrow(() -> new InvalidInput(field, "There is no member with this id."));
    }

    /**
     * Checks a favor to record. A correction keeps the relationship of the entry it corrects, so
     * its counterpart fields may be left out.
     */
    private ExchangeRows.Draft draft(CurrentMember me, RecordExchange body, Exchange correcting) {
        List<FieldError> errors = new ArrayList<>();
        Direction direction = parse(Direction.class, body.direction(), "direction", "GAVE or RECEIVED", errors);
        ExchangeKind kind = parse(ExchangeKind.class, body.kind(), "kind",
                "one of " + java.util.Arrays.toString(ExchangeKind.values()), errors);
        String description = body.description() == null ? "" : body.description().strip();
        if (description.isEmpty() || description.length() > 2000) {
            errors.add(new FieldError("description", "Describe the favor in a few words (up to 2000 characters)."));
        }
        if (body.weight() == null || body.weight() < 1 || body.weight() > 5) {
            errors.add(new FieldError("weight", "Give the effort a weight from 1 (a quick favor) to 5 (a major one)."));
        }
        LocalDate occurredOn = occurredOn(me, body.occurredOn(), errors);
        Long counterpartId = null;
        Long contactId = null;
        if (correcting != null) {
            counterpartId = correcting.counterpartId();
            contactId = correcting.contactId();
        } else {
            boolean hasMember = body.counterpartMemberId() != null && !body.counterpartMemberId().isBlank();
            boolean hasContact = body.contactId() != null && !body.contactId().isBlank();
            if (hasMember == hasContact) {
                errors.add(new FieldError(hasMember ? "contactId" : "counterpartMemberId",
                        "Name exactly one counterpart: a member (counterpartMemberId) or one of your contacts (contactId)."));
            } else if (hasMember) {
                Member other = members.byPublicId(body.counterpartMemberId().strip()).filter(Member::isActive).orElse(null);
                if (other == null) {
                    errors.add(new FieldError("counterpartMemberId", "There is no member with this id."));
                } else if (other.id() == me.id()) {
                    errors.add(new FieldError("counterpartMemberId", "A favor needs someone other than you."));
                } else {
                    counterpartId = other.id();
                }
            } else {
                Contact contact = contacts.byPublicId(me.id(), body.contactId().strip()).orElse(null);
                if (contact == null) {
                    errors.add(new FieldError("contactId", "You have no contact with this id."));
                } else {
                    contactId = contact.internalId();
                }
            }
        }
        String ask = body.askId() == null || body.askId().isBlank() ? null : body.askId().strip();
        if (ask != null && (ask.length() > 36 || !askLinks.postedByEither(ask, me.id(), counterpartId))) {
            errors.add(new FieldError("askId", "Name an ask that you or the other member posted."));
        }
        Long returnsId = null;
        if (body.returnsExchangeId() != null && !body.returnsExchangeId().isBlank() && direction != null) {
            Exchange returned = exchanges.byPublicId(body.returnsExchangeId().strip()).filter(e -> e.isParty(me.id())).orElse(null);
            boolean sameRelationship = returned != null && java.util.Objects.equals(returned.contactId(), contactId)
                    && (contactId != null || returned.isParty(counterpartId == null ? -1 : counterpartId));
            if (returned == null || !sameRelationship || returned.directionFor(me.id()) == direction) {
                errors.add(new FieldError("returnsExchangeId",
                        "Name a favor from the same relationship that went the other way."));
            } else {
                returnsId = returned.id();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ExchangeStatus status = contactId != null ? ExchangeStatus.PRIVATE : ExchangeStatus.PENDING;
        return new ExchangeRows.Draft(me.id(), counterpartId, contactId, direction, kind, description, body.weight(),
                occurredOn, status, ask, returnsId, correcting == null ? null : correcting.id());
    }

    private LocalDate occurredOn(CurrentMember me, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("occurredOn", "Give the date of the favor (YYYY-MM-DD)."));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            LocalDate latestToday = today.of(me);
            if (date.isAfter(latestToday)) {
                errors.add(new FieldError("occurredOn", "The date is in the future; record a favor once it happened."));
            } else if (date.isBefore(latestToday.minusYears(50))) {
                errors.add(new FieldError("occurredOn", "The date is more than 50 years ago."));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredOn", "Use the form YYYY-MM-DD."));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String allowed,
                                               List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Choose " + allowed + "."));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not known; choose " + allowed + "."));
            return null;
        }
    }

    /** The member's day, for the record form's default date. */
    LocalDate today(CurrentMember me) {
        return today.of(me);
    }
}
