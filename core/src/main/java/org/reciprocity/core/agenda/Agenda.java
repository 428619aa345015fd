package org.reciprocity.core.agenda;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.core.agenda.AgendaInput.Interaction;
import org.reciprocity.core.agenda.AgendaInput.Person;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.LedgerSettings;
import org.reciprocity.core.ledger.RelationshipStanding;

/**
 * The agenda (F1) as a pure function of the ledger, interactions, pledges and postings on a given day.
 * Every item carries its date, the reason in words and a key that stays the same for this occurrence.
 * The rules, with their constants below:
 * <ul>
 * <li>FOLLOW_UP: a meeting or event, due {@value #FOLLOW_UP_DAYS} days after it, unless a later touch with
 *     that person came first; meetings older than {@value #FOLLOW_UP_WINDOW_DAYS} days are dropped.</li>
 * <li>THANK: a confirmed favor received and not thanked, due the day it happened.</li>
 * <li>GIVE_BACK: a relationship where you owe, by the ledger's rule ({@link RelationshipStanding}): favors you
 *     received are still waiting for a return and you received more than you gave, in weight; due
 *     {@value #GIVE_BACK_DAYS} days after the oldest waiting favor, when the ledger raises its GIVE_BACK flag.</li>
 * <li>KEEP_IN_TOUCH: a tracked contact whose last touch (interaction, favor, or when you got to know them)
 *     is older than the tier's ideal interval; overdue past the maximum.</li>
 * <li>PLEDGE_DUE: an open pledge, due on its date, shown from {@value #PLEDGE_NOTICE_DAYS} days before.</li>
 * <li>EXPIRING: your open ask or offer, announced {@value #EXPIRY_NOTICE_DAYS} days before it expires.</li>
 * </ul>
 */
public final class Agenda {

    public static final int FOLLOW_UP_DAYS = 2;
    public static final int FOLLOW_UP_WINDOW_DAYS = 30;
    public static final int GIVE_BACK_DAYS = RelationshipStanding.GIVE_BACK_DAYS;
    public static final int PLEDGE_NOTICE_DAYS = 2;
    public static final int EXPIRY_NOTICE_DAYS = 3;

    /** The ledger's rule for MEMBER_OWES has no setting: any settings give the same give-back items. */
    private static final LedgerSettings SETTINGS = LedgerSettings.defaults();

    private static final Comparator<AgendaItem> BY_KEY = Comparator.comparing(AgendaItem::key);

    private Agenda() {
    }

    /** Every item of the agenda, soonest first; callers keep what is due by a date. */
    public static List<AgendaItem> build(AgendaInput in, LocalDate today) {
        Map<String, Touches> byKey = gather(in);
        Map<String, LocalDate> lastTouch = lastTouches(in, byKey);
        List<AgendaItem> items = new ArrayList<>(in.people().size() + in.entries().size() / 4 + 64);
        followUps(in, today, lastTouch, items);
        thanks(in, today, items);
        giveBack(in, today, byKey, items);
        keepInTouch(in, today, lastTouch, items);
        for (AgendaInput.Pledge p : in.pledges()) {
            items.add(new AgendaItem("PLEDGE_DUE:" + p.id(), AgendaType.PLEDGE_DUE, p.dueOn().minusDays(PLEDGE_NOTICE_DAYS),
                    null, p.askerName(), "You pledged to help " + p.askerName() + " with \u201c" + p.askTitle()
                    + "\u201d by " + p.dueOn() + ".", p.id(), p.dueOn().isBefore(today)));
        }
        for (AgendaInput.Posting p : in.postings()) {
            if (p.expiresOn() != null) {
                items.add(new AgendaItem("EXPIRING:" + p.id() + ":" + p.expiresOn(), AgendaType.EXPIRING,
                        p.expiresOn().minusDays(EXPIRY_NOTICE_DAYS), null, null, "Your " + p.kind() + " \u201c" + p.title()
                        + "\u201d expires on " + p.expiresOn() + ": close it if it is settled, or post it again.",
                        p.id(), false));
            }
        }
        return byDue(items);
    }

    /** Soonest first, ties by key: days are sorted as primitives, keys only within a day. */
    private static List<AgendaItem> byDue(List<AgendaItem> items) {
        long[] order = new long[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (items.get(i).dueOn().toEpochDay() + (1L << 30)) << 32 | i;
        }
        java.util.Arrays.sort(order);
        List<AgendaItem> sorted = new ArrayList<>(order.length);
        int dayStart = 0;
        for (int i = 0; i <= order.length; i++) {
            if (i == order.length || i > dayStart && order[i] >>> 32 != order[dayStart] >>> 32) {
                List<AgendaItem> day = new ArrayList<>(i - dayStart);
                for (int j = dayStart; j < i; j++) {
                    day.add(items.get((int) order[j]));
                }
                if (day.size() > 1) {
                    day.sort(BY_KEY);
                }
                sorted.addAll(day);
                dayStart = i;
            }
        }
        return sorted;
    }

    /** What one pass gathers per person key: the favors in date order and the latest touch. */
    private static final class Touches {
        final List<Entry> entries = new ArrayList<>(4);
        LocalDate last;

        void touch(LocalDate on) {
            if (last == null || on.isAfter(last)) {
                last = on;
            }
        }
    }

    /**
     * Groups favors and interactions by person key. Hash lookups are most of the agenda's cost, so a
     * run of favors with the same key (the order {@link AgendaInput} asks for) costs one lookup.
     */
    private static Map<String, Touches> gather(AgendaInput in) {
        Map<String, Touches> byKey = new HashMap<>(in.people().size() * 3 + 16);
        String runKey = null;
        Touches run = null;
        for (Entry e : in.entries()) {
            if (run == null || !e.counterpart().equals(runKey)) {
                runKey = e.counterpart();
                run = touches(byKey, runKey);
            }
            run.entries.add(e);
            run.touch(e.occurredOn());
        }
        for (Touches t : byKey.values()) {
            inDateOrder(t.entries);
        }
        runKey = null;
        run = null;
        for (Interaction i : in.interactions()) {
            if (run == null || !i.personKey().equals(runKey)) {
                runKey = i.personKey();
                run = touches(byKey, runKey);
            }
            run.touch(i.on());
        }
        return byKey;
    }

    private static Touches touches(Map<String, Touches> byKey, String key) {
        Touches t = byKey.get(key);
        if (t == null) {
            t = new Touches();
            byKey.put(key, t);
        }
        return t;
    }

    /**
     * The latest touch under every key; a tracked contact and the member it is linked to are one
     * relationship, so both keys get the later of their touches.
     */
    private static Map<String, LocalDate> lastTouches(AgendaInput in, Map<String, Touches> byKey) {
        Map<String, LocalDate> last = new HashMap<>(byKey.size() * 2 + 16);
        byKey.forEach((key, t) -> last.put(key, t.last));
        for (Person p : in.people()) {
            LocalDate combined = last.get(p.key());
            for (String alias : p.aliases()) {
                LocalDate other = last.get(alias);
                if (other != null && (combined == null || other.isAfter(combined))) {
                    combined = other;
                }
            }
            if (combined != null) {
                last.put(p.key(), combined);
                for (String alias : p.aliases()) {
                    last.put(alias, combined);
                }
            }
        }
        return last;
    }

    private static Cadence cadenceOf(AgendaInput in, Person p) {
        return p.override() != null ? p.override() : p.tier() == null ? null : in.cadences().get(p.tier());
    }

    /**
     * The last touch: the latest interaction or favor, even one logged from before the member added the person
     * (a call 40 days ago is 40 days ago); with none, the day the relationship began to be tracked.
     */
    private static LocalDate lastTouchOf(Person p, Map<String, LocalDate> lastTouch) {
        LocalDate last = lastTouch.get(p.key());
        return last == null ? p.knownSince() : last;
    }

    private static void followUps(AgendaInput in, LocalDate today, Map<String, LocalDate> lastTouch,
                                  List<AgendaItem> items) {
        for (Interaction i : in.interactions()) {
            if (!i.type().needsFollowUp() || i.on().isBefore(today.minusDays(FOLLOW_UP_WINDOW_DAYS))) {
                continue;
            }
            LocalDate last = lastTouch.get(i.personKey());
            if (last != null && last.isAfter(i.on())) {
                continue;
            }
            LocalDate due = i.on().plusDays(FOLLOW_UP_DAYS);
            String name = in.names().getOrDefault(i.personKey(), "them");
            items.add(new AgendaItem("FOLLOW_UP:" + i.id(), AgendaType.FOLLOW_UP, due, i.personKey(), name,
                    "You had a " + i.type().label().toLowerCase() + " with " + name + " on " + i.on()
                            + ". A short note within " + FOLLOW_UP_DAYS + " days keeps it alive.", i.id(), due.isBefore(today)));
        }
    }

    private static void thanks(AgendaInput in, LocalDate today, List<AgendaItem> items) {
        for (Entry e : in.entries()) {
            if (e.isThankable() && !e.thanked()) {
                String id = in.exchangeIds().get(e.id());
                id = id == null ? Long.toString(e.id()) : id;
                String name = in.names().getOrDefault(e.counterpart(), "A member");
                items.add(new AgendaItem("THANK:" + id, AgendaType.THANK, e.occurredOn(), e.counterpart(), name,
                        name + " helped you on " + e.occurredOn() + " and has not been thanked yet.", id,
                        ChronoUnit.DAYS.between(e.occurredOn(), today) > 7));
            }
        }
    }

    /**
     * The relationships where the member owes, by the ledger's own rule ({@link RelationshipStanding}), so that
     * the ledger's GIVE_BACK flags name the same people once an item is due. MEMBER_OWES reads no setting.
     */
    private static void giveBack(AgendaInput in, LocalDate today, Map<String, Touches> byKey, List<AgendaItem> items) {
        boolean givesMore = RelationshipStanding.givesMoreOverall(in.entries());
        for (Map.Entry<String, Touches> relationship : byKey.entrySet()) {
            if (relationship.getValue().entries.isEmpty()) {
                continue;
            }
            RelationshipStanding standing = RelationshipStanding.of(relationship.getValue().entries, today, SETTINGS,
                    givesMore);
            if (standing.owing() != RelationshipStanding.Owing.MEMBER_OWES) {
                continue;
            }
            Entry oldest = standing.oldestWaiting();
            int open = standing.waiting();
            LocalDate due = standing.dueOn();
            String name = in.names().getOrDefault(relationship.getKey(), "Someone");
            String oldestId = in.exchangeIds().get(oldest.id());
            oldestId = oldestId == null ? Long.toString(oldest.id()) : oldestId;
            items.add(new AgendaItem("GIVE_BACK:" + relationship.getKey() + ":" + oldestId, AgendaType.GIVE_BACK, due,
                    relationship.getKey(), name, name + " did you " + (open == 1 ? "a favor" : open + " favors")
                    + " you have not returned yet (" + (open == 1 ? "on " : "the oldest on ") + oldest.occurredOn()
                    + "). Look for a way to help them.",
                    relationship.getKey(), due.isBefore(today)));
        }
    }

    private static final Comparator<Entry> BY_DATE = Comparator.comparing(Entry::occurredOn).thenComparingLong(Entry::id);

    /** Sorts one relationship's favors by date, unless they already are. */
    private static void inDateOrder(List<Entry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).occurredOn().isBefore(entries.get(i - 1).occurredOn())) {
                entries.sort(BY_DATE);
                return;
            }
        }
    }

    private static void keepInTouch(AgendaInput in, LocalDate today, Map<String, LocalDate> lastTouch, List<AgendaItem> items) {
        for (Person p : in.people()) {
            Cadence cadence = cadenceOf(in, p);
            LocalDate last = lastTouchOf(p, lastTouch);
            if (cadence == null || last == null) {
                continue;
            }
            LocalDate due = last.plusDays(cadence.idealDays());
            boolean red = today.isAfter(last.plusDays(cadence.maxDays()));
            long days = ChronoUnit.DAYS.between(last, today);
            items.add(new AgendaItem("KEEP_IN_TOUCH:" + p.key() + ":" + last, AgendaType.KEEP_IN_TOUCH, due, p.key(),
                    p.name(), "Last in touch with " + p.name() + " " + days + " days ago (" + last + "); you want to be"
                    + " in touch every " + cadence.idealDays() + " days, at most " + cadence.maxDays() + ".",
                    p.key(), red));
        }
    }

    /** A tracked relationship's standing against its cadence: for the losing-touch page. */
    public record Standing(Person person, LocalDate lastTouch, long daysSince, Cadence cadence, String level) {}

    /**
     * The tracked relationships past their ideal interval (AMBER) or their maximum (RED), longest
     * silence first.
     */
    public static List<Standing> losingTouch(AgendaInput in, LocalDate today) {
        Map<String, LocalDate> lastTouch = lastTouches(in, gather(in));
        List<Standing> standings = new ArrayList<>();
        for (Person p : in.people()) {
            Cadence cadence = cadenceOf(in, p);
            LocalDate last = lastTouchOf(p, lastTouch);
            if (cadence == null || last == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(last, today);
            if (days > cadence.idealDays()) {
                standings.add(new Standing(p, last, days, cadence, days > cadence.maxDays() ? "RED" : "AMBER"));
            }
        }
        standings.sort(Comparator.comparingLong(Standing::daysSince).reversed().thenComparing(s -> s.person().name()));
        return standings;
    }
}
