package org.reciprocity.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reciprocity.asks.Asks;
import org.reciprocity.core.agenda.Agenda;
import org.reciprocity.core.agenda.AgendaInput;
import org.reciprocity.core.agenda.AgendaItem;
import org.reciprocity.core.agenda.AgendaType;
import org.reciprocity.core.agenda.Cadence;
import org.reciprocity.core.agenda.InteractionType;
import org.reciprocity.core.network.Tier;
import org.reciprocity.followup.FollowUpViews.AgendaItemView;
import org.reciprocity.followup.FollowUpViews.AgendaView;
import org.reciprocity.followup.FollowUpViews.CadenceInput;
import org.reciprocity.followup.FollowUpViews.CadenceView;
import org.reciprocity.followup.FollowUpViews.Counterpart;
import org.reciprocity.followup.FollowUpViews.InteractionInput;
import org.reciprocity.followup.FollowUpViews.InteractionView;
import org.reciprocity.followup.FollowUpViews.SnoozeInput;
import org.reciprocity.followup.FollowUpViews.StandingView;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Today;
import org.reciprocity.network.Contact;
import org.reciprocity.network.ContactRows;
import org.reciprocity.network.Network;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InputDates;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.springframework.stereotype.Service;

/**
 * Follow-up and consistency (F1–F3): interactions, cadences, the agenda with done and snooze, and the
 * losing-touch list. The rules themselves are {@link Agenda}'s, in core; this class gathers their
 * input from the database and turns items into links a person can act on.
 */
@Service
public class FollowUp {

    /** Keep-in-touch items shown on the agenda at once; the rest wait on the losing-touch page. */
    static final int KEEP_IN_TOUCH_SHOWN = 10;
    static final int MAX_SNOOZE_DAYS = 365;

    private final FollowUpRows rows;
    private final Ledger ledger;
    private final ContactRows contacts;
    private final MemberRows members;
    private final Asks asks;
    private final Clock clock;
    private final Today today;
    private final Network network;

    FollowUp(FollowUpRows rows, Ledger ledger, ContactRows contacts, MemberRows members, Asks asks, Clock clock, Today today,
             Network network) {
        this.network = network;
        this.today = today;
        this.rows = rows;
        this.ledger = ledger;
        this.contacts = contacts;
        this.members = members;
        this.asks = asks;
        this.clock = clock;
    }

    // --- interactions ----------------------------------------------------------------------

    /** Logs a meeting, call, message or event with a member or one of the caller's contacts (F2). */
    public InteractionView log(CurrentMember me, InteractionInput in) {
        List<FieldError> errors = new ArrayList<>();
        Long memberId = null;
        Long contactId = null;
        boolean hasMember = in != null && in.memberId() != null && !in.memberId().isBlank();
        boolean hasContact = in != null && in.contactId() != null && !in.contactId().isBlank();
        if (hasMember == hasContact) {
            errors.add(new FieldError(hasMember ? "contactId" : "memberId",
                    "Name exactly one person: a member (memberId) or one of your contacts (contactId)."));
        } else if (hasMember) {
            Member other = members.byPublicId(in.memberId().strip()).filter(Member::isActive).orElse(null);
            if (other == null || other.id() == me.id()) {
                errors.add(new FieldError("memberId", "There is no other member with this id."));
            } else if (network.blockedEitherWay(me.id(), other.id())) {
                throw new Forbidden("You cannot log interactions with this member: one of you blocked the other.");
            } else {
                memberId = other.id();
            }
        } else {
            Contact contact = contacts.byPublicId(me.id(), in.contactId().strip()).orElse(null);
            if (contact == null) {
                errors.add(new FieldError("contactId", "You have no contact with this id."));
            } else {
                contactId = contact.internalId();
            }
        }
        InteractionType type = null;
        try {
            type = InteractionType.valueOf(in == null || in.type() == null ? "" : in.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "Choose MEETING, CALL, MESSAGE or EVENT."));
        }
        LocalDate on = InputDates.parse(in == null ? null : in.occurredOn(), "occurredOn", errors);
        if (on == null && errors.stream().noneMatch(e -> e.field().equals("occurredOn"))) {
            errors.add(new FieldError("occurredOn", "Give the date (YYYY-MM-DD)."));
        } else if (on != null && (on.isAfter(today(me)) || on.isBefore(today(me).minusYears(50)))) {
            errors.add(new FieldError("occurredOn", "Give a date that is not in the future."));
        }
        String note = in == null || in.note() == null ? null : in.note().strip();
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "Keep the note under 2000 characters."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String id = rows.insertInteraction(me.id(), memberId, contactId, type, on, note == null || note.isEmpty() ? null : note,
                clock.instant());
        return view(named(List.of(rows.interaction(me.id(), id).orElseThrow())).get(0));
    }

    public List<InteractionView> interactions(CurrentMember me, int limit) {
        return named(rows.interactions(me.id(), limit)).stream().map(FollowUp::view).toList();
    }

    /** The member's interactions with one of their contacts, newest first. */
    public List<InteractionView> interactionsWith(CurrentMember me, Contact contact, int limit) {
        return named(rows.interactionsWithContact(me.id(), contact.internalId(), limit)).stream().map(FollowUp::view).toList();
    }

    /** An interaction with the person it was with: their key ("m:" or "c:" and public id) and name. */
    record NamedInteraction(FollowUpRows.StoredInteraction stored, String personKey, String personName) {}

    private List<NamedInteraction> named(List<FollowUpRows.StoredInteraction> stored) {
        Map<Long, Member> people = members.byIds(stored.stream().map(FollowUpRows.StoredInteraction::memberId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, ContactRows.Named> contactNames = contacts.names(stored.stream()
                .map(FollowUpRows.StoredInteraction::contactId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<NamedInteraction> named = new ArrayList<>();
        for (FollowUpRows.StoredInteraction i : stored) {
            if (i.memberId() != null) {
                Member m = people.get(i.memberId());
                named.add(new NamedInteraction(i, "m:" + (m == null ? null : m.publicId()), m == null ? null : m.displayName()));
            } else {
                ContactRows.Named c = contactNames.get(i.contactId());
                named.add(new NamedInteraction(i, "c:" + (c == null ? null : c.publicId()), c == null ? null : c.name()));
            }
        }
        return named;
    }

    private static InteractionView view(NamedInteraction n) {
        FollowUpRows.StoredInteraction r = n.stored();
        return new InteractionView(r.id(), r.type().name(), r.occurredOn(), r.note(), counterpart(n.personKey(), n.personName()),
                r.createdAt());
    }

    // --- the agenda ------------------------------------------------------------------------

    /** What is due today or overdue, neither done nor snoozed, soonest first. */
    public AgendaView agenda(CurrentMember me) {
        Today.Day day = today.dayOf(me.id());
        LocalDate today = day.date();
        Map<String, FollowUpRows.Reminder> reminders = rows.reminders(me.id());
        List<AgendaItemView> shown = new ArrayList<>();
        int keepInTouch = 0;
        int hidden = 0;
        for (AgendaItem item : Agenda.build(input(me, day.zone()), today)) {
            if (item.dueOn().isAfter(today) || !active(item, reminders, today)) {
                continue;
            }
            if (item.type() == AgendaType.KEEP_IN_TOUCH && ++keepInTouch > KEEP_IN_TOUCH_SHOWN) {
                hidden++;
                continue;
            }
            shown.add(view(item));
        }
        return new AgendaView(shown, hidden, today, null);
    }

    /**
     * The calendar feed: every open (not done) item however overdue, up to {@code daysAhead} after the
     * member's today. A snoozed item is on the day it comes back; an item whose day has passed is
     * carried to today, where a calendar app shows it, instead of sinking into weeks nobody looks at.
     */
    FeedAgenda feedAgenda(long memberId, int daysAhead) {
        CurrentMember me = members.byId(memberId).orElseThrow().asCurrent();
        Today.Day day = today.dayOf(memberId);
        LocalDate today = day.date();
        LocalDate to = today.plusDays(daysAhead);
        Map<String, FollowUpRows.Reminder> reminders = rows.reminders(memberId);
        List<FeedItem> items = new ArrayList<>();
        for (AgendaItem item : Agenda.build(input(me, day.zone()), today)) {
            FollowUpRows.Reminder r = reminders.get(item.key());
            if (r != null && "DONE".equals(r.state())) {
                continue;
            }
            LocalDate due = r != null && "SNOOZED".equals(r.state()) && r.snoozedUntil().isAfter(item.dueOn())
                    ? r.snoozedUntil() : item.dueOn();
            if (!due.isAfter(to)) {
                boolean carried = due.isBefore(today);
                items.add(new FeedItem(view(item), carried ? today : due, carried));
            }
        }
        return new FeedAgenda(me.displayName(), items);
    }

    /** Whose agenda the feed is, and its items in the agenda's order. */
    record FeedAgenda(String memberName, List<FeedItem> items) {}

    /** An item on the day the feed puts it; {@code carried}: its day had passed, so it is on today. */
    record FeedItem(AgendaItemView item, LocalDate on, boolean carried) {}

    private static boolean active(AgendaItem item, Map<String, FollowUpRows.Reminder> reminders, LocalDate today) {
        FollowUpRows.Reminder r = reminders.get(item.key());
        if (r == null) {
            return true;
        }
        return "SNOOZED".equals(r.state()) && !r.snoozedUntil().isAfter(today);
    }

    public void done(CurrentMember me, String reminderId) {
        rows.setReminder(me.id(), known(me, reminderId), "DONE", null, clock.instant());
    }

    /** Hides an item until a later day: {@code days} from today (1 and 7 on the page) or a date. */
    public LocalDate snooze(CurrentMember me, String reminderId, SnoozeInput in) {
        String key = known(me, reminderId);
        LocalDate until;
        List<FieldError> errors = new ArrayList<>();
        if (in != null && in.until() != null && !in.until().isBlank()) {
            until = InputDates.parse(in.until(), "until", errors);
        } else if (in != null && in.days() != null) {
            until = in.days() < 1 || in.days() > MAX_SNOOZE_DAYS ? null : today(me).plusDays(in.days());
            if (until == null) {
                errors.add(new FieldError("days", "Snooze for 1 to " + MAX_SNOOZE_DAYS + " days."));
            }
        } else {
            until = null;
            errors.add(new FieldError("days", "Say for how many days (days) or until when (until)."));
        }
        if (until != null && (!until.isAfter(today(me)) || until.isAfter(today(me).plusDays(MAX_SNOOZE_DAYS)))) {
            errors.add(new FieldError("until", "Choose a day after today and within a year."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        rows.setReminder(me.id(), key, "SNOOZED", until, clock.instant());
        return until;
    }

    /** Done and snooze apply to items of the caller's agenda only; anything else is not found. */
    private String known(CurrentMember me, String reminderId) {
        String key = reminderId == null ? "" : reminderId.strip();
        Today.Day day = today.dayOf(me.id());
        boolean exists = Agenda.build(input(me, day.zone()), day.date()).stream().anyMatch(i -> i.key().equals(key));
        if (!exists) {
            throw new NotFound("There is no such item on your agenda.");
        }
        return key;
    }

    // --- losing touch and cadences ---------------------------------------------------------

    /** Tracked contacts past their ideal (AMBER) or maximum (RED) interval, longest silence first (or by name). */
    public List<StandingView> losingTouch(CurrentMember me, String sort) {
        Today.Day day = today.dayOf(me.id());
        List<StandingView> list = new ArrayList<>(Agenda.losingTouch(input(me, day.zone()), day.date()).stream()
                .map(s -> new StandingView(counterpart(s.person().key(), s.person().name()),
                        s.person().tier() == null ? null : s.person().tier().name(), s.lastTouch(), s.daysSince(),
                        s.cadence().idealDays(), s.cadence().maxDays(), s.level()))
                .toList());
        if ("name".equals(sort)) {
            list.sort(java.util.Comparator.comparing(s -> s.counterpart().displayName().toLowerCase(Locale.ROOT)));
        } else if ("recent".equals(sort)) {
            list.sort(java.util.Comparator.comparingLong(StandingView::daysSince));
        }
        return list;
    }

    public List<CadenceView> cadences(CurrentMember me) {
        return rows.cadences(me.id()).entrySet().stream()
                .map(e -> new CadenceView(e.getKey().name(), e.getKey().label(), e.getValue().idealDays(), e.getValue().maxDays()))
                .toList();
    }

    public List<CadenceView> setCadence(CurrentMember me, String tierName, CadenceInput in) {
        Tier tier;
        try {
            tier = Tier.valueOf(tierName == null ? "" : tierName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no tier " + tierName + ".");
        }
        rows.saveCadence(me.id(), tier, cadence(in));
        return cadences(me);
    }

    /** A contact's own cadence, or null input fields to go back to its tier's. */
    public void setContactCadence(CurrentMember me, String contactId, CadenceInput in) {
        Cadence cadence = in == null || in.idealDays() == null && in.maxDays() == null ? null : cadence(in);
        if (!contacts.saveCadence(me.id(), contactId == null ? "" : contactId.strip(), cadence)) {
            throw new NotFound("You have no contact with this id.");
        }
    }

    private static Cadence cadence(CadenceInput in) {
        Integer ideal = in == null ? null : in.idealDays();
        Integer max = in == null ? null : in.maxDays();
        List<FieldError> errors = new ArrayList<>();
        if (ideal == null || ideal < 1 || ideal > 3650) {
            errors.add(new FieldError("idealDays", "Give the ideal interval in days (1 to 3650)."));
        }
        if (max == null || max > 3650 || ideal != null && max < ideal) {
            errors.add(new FieldError("maxDays", "Give the maximum interval in days, no shorter than the ideal one."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Cadence(ideal, max);
    }

    // --- input of the pure agenda ----------------------------------------------------------

    /** The pure agenda's input for the member, whose time zone dates the contacts they added. */
    AgendaInput input(CurrentMember me, java.time.ZoneId zone) {
        Ledger.AgendaLedger book = ledger.forAgenda(me.id());
        Map<String, String> names = new java.util.HashMap<>(book.names());
        List<AgendaInput.Person> people = new ArrayList<>();
        for (ContactRows.Tracked c : contacts.tracked(me.id())) {
            String key = "c:" + c.id();
            names.put(key, c.name());
            if (!c.tier().isTracked()) {
                continue; // known by name, kept off the agenda until the member gives them a tier
            }
            // the timer starts when the member added them; an imported "connected since" is no touch
            LocalDate knownSince = LocalDate.ofInstant(c.createdAt(), zone);
            Set<String> aliases = c.linkedMemberId() == null ? Set.of() : Set.of("m:" + c.linkedMemberId());
            people.add(new AgendaInput.Person(key, c.name(), c.tier(), c.cadence(), knownSince, aliases));
        }
        List<AgendaInput.Interaction> interactions = new ArrayList<>();
        for (NamedInteraction n : named(rows.interactions(me.id(), Integer.MAX_VALUE))) {
            FollowUpRows.StoredInteraction r = n.stored();
            interactions.add(new AgendaInput.Interaction(r.id(), n.personKey(), r.type(), r.occurredOn()));
            names.putIfAbsent(n.personKey(), n.personName());
        }
        interactions.sort(java.util.Comparator.comparing(AgendaInput.Interaction::personKey)); // the agenda's fastest order
        List<AgendaInput.Pledge> pledges = asks.myPledges(me).stream()
                .filter(p -> p.status().name().equals("PLEDGED"))
                .map(p -> new AgendaInput.Pledge(p.id(), p.askTitle(), p.asker().displayName(), p.dueOn())).toList();
        List<AgendaInput.Posting> postings = asks.openOfMine(me).stream()
                .map(p -> new AgendaInput.Posting(p.id(), p.kind().noun(), p.title(), p.expiresOn())).toList();
        return new AgendaInput(people, interactions, book.entries(), book.exchangeIds(), names, pledges, postings,
                rows.cadences(me.id()));
    }

    private AgendaItemView view(AgendaItem item) {
        Counterpart who = item.counterpartKey() == null ? null : counterpart(item.counterpartKey(), item.counterpartName());
        String link;
        String action;
        switch (item.type()) {
            case THANK -> {
                link = "/exchanges/" + item.subject();
                action = "Say thank you";
            }
            case PLEDGE_DUE -> {
                link = "/asks";
                action = "Fulfil your pledge";
            }
            case EXPIRING -> {
                link = "/asks/" + item.subject();
                action = "Close or renew it";
            }
            case GIVE_BACK -> {
                link = who == null ? "/ledger" : who.link();
                action = "See what they might need";
            }
            default -> {
                link = who == null ? "/ledger" : who.link();
                action = item.type() == AgendaType.FOLLOW_UP ? "Send a note, then log it" : "Get in touch, then log it";
            }
        }
        return new AgendaItemView(item.type().name(), item.type().label(), item.dueOn(), who, item.reason(), item.key(),
                link, action, item.overdue());
    }

    private static Counterpart counterpart(String key, String name) {
        if (key.startsWith("m:")) {
            String id = key.substring(2);
            return new Counterpart(id, null, name, "/members/" + id);
        }
        if (key.startsWith("c:")) {
            String id = key.substring(2);
            return new Counterpart(null, id, name, "/contacts/" + id);
        }
        return new Counterpart(null, null, name, "/ledger");
    }


    /** The member's day: what the agenda, the feed and the date checks count from. */
    LocalDate today(CurrentMember me) {
        return today.of(me);
    }
}
