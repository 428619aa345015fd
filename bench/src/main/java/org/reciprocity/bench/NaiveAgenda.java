package org.reciprocity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reciprocity.core.agenda.AgendaInput;
import org.reciprocity.core.agenda.AgendaItem;
import org.reciprocity.core.agenda.AgendaType;
import org.reciprocity.core.agenda.Cadence;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.LedgerSettings;
import org.reciprocity.core.ledger.RelationshipStanding;

/**
 * The agenda's rules written the obvious way, as a baseline: each person's last touch, each meeting's
 * later touches and each relationship's favors are found by scanning every interaction and favor.
 */
final class NaiveAgenda {

    private NaiveAgenda() {
    }

    /** The relationship a key belongs to, found by scanning the people. */
    static String canon(AgendaInput in, String key) {
        for (AgendaInput.Person p : in.people()) {
            if (p.aliases().contains(key)) {
                return p.key();
            }
        }
        return key;
    }

    static List<AgendaItem> build(AgendaInput in, LocalDate today) {
        List<AgendaItem> items = new ArrayList<>();
        for (AgendaInput.Interaction meeting : in.interactions()) {
            if (!meeting.type().needsFollowUp() || meeting.on().isBefore(today.minusDays(30))) {
                continue;
            }
            boolean later = false;
            String who = canon(in, meeting.personKey());
            for (AgendaInput.Interaction i : in.interactions()) {
                later |= i.on().isAfter(meeting.on()) && canon(in, i.personKey()).equals(who);
            }
            for (Entry e : in.entries()) {
                later |= e.occurredOn().isAfter(meeting.on()) && canon(in, e.counterpart()).equals(who);
            }
            if (!later) {
                items.add(new AgendaItem("FOLLOW_UP:" + meeting.id(), AgendaType.FOLLOW_UP, meeting.on().plusDays(2),
                        meeting.personKey(), null, "follow up", meeting.id(), false));
            }
        }
        for (Entry e : in.entries()) {
            if (e.isThankable() && !e.thanked()) {
                items.add(new AgendaItem("THANK:" + e.id(), AgendaType.THANK, e.occurredOn(), e.counterpart(), null,
                        "thank", Long.toString(e.id()), false));
            }
        }
        Set<String> counterparts = new LinkedHashSet<>();
        in.entries().forEach(e -> counterparts.add(e.counterpart()));
        for (String who : counterparts) {
            List<Entry> theirs = new ArrayList<>();
            for (Entry e : in.entries()) {
                if (e.counterpart().equals(who)) {
                    theirs.add(e);
                }
            }
            theirs.sort(Comparator.comparing(Entry::occurredOn).thenComparingLong(Entry::id));
            // the ledger's own rule per relationship (the same function as the agenda): what is naive here is the scan
            RelationshipStanding standing = RelationshipStanding.of(theirs, today, LedgerSettings.defaults(),
                    RelationshipStanding.givesMoreOverall(in.entries()));
            if (standing.owing() == RelationshipStanding.Owing.MEMBER_OWES) {
                items.add(new AgendaItem("GIVE_BACK:" + who, AgendaType.GIVE_BACK, standing.dueOn(),
                        who, null, "give back", who, false));
            }
        }
        for (AgendaInput.Person p : in.people()) {
            Cadence cadence = p.override() != null ? p.override() : in.cadences().get(p.tier());
            LocalDate last = null;
            for (AgendaInput.Interaction i : in.interactions()) {
                if ((i.personKey().equals(p.key()) || p.aliases().contains(i.personKey())) && (last == null || i.on().isAfter(last))) {
                    last = i.on();
                }
            }
            for (Entry e : in.entries()) {
                if ((e.counterpart().equals(p.key()) || p.aliases().contains(e.counterpart()))
                        && (last == null || e.occurredOn().isAfter(last))) {
                    last = e.occurredOn();
                }
            }
            last = last == null ? p.knownSince() : last;
            items.add(new AgendaItem("KEEP_IN_TOUCH:" + p.key() + ":" + last, AgendaType.KEEP_IN_TOUCH,
                    last.plusDays(cadence.idealDays()), p.key(), p.name(), "keep in touch", p.key(),
                    today.isAfter(last.plusDays(cadence.maxDays()))));
        }
        for (AgendaInput.Pledge p : in.pledges()) {
            items.add(new AgendaItem("PLEDGE_DUE:" + p.id(), AgendaType.PLEDGE_DUE, p.dueOn().minusDays(2), null, null,
                    "pledge", p.id(), false));
        }
        for (AgendaInput.Posting p : in.postings()) {
            items.add(new AgendaItem("EXPIRING:" + p.id(), AgendaType.EXPIRING, p.expiresOn().minusDays(3), null, null,
                    "expiring", p.id(), false));
        }
        items.sort(Comparator.comparing(AgendaItem::dueOn).thenComparing(AgendaItem::key));
        return items;
    }
}
