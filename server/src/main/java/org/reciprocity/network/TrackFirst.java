package org.reciprocity.network;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reciprocity.network.ContactRows.Untracked;
import org.springframework.stereotype.Component;

/**
 * Whom to track first after an import (N3): of the contacts not tracked yet, those the member already
 * exchanges favors with, those at a company where the member tracks people or knows several, and the
 * recent connections. Each suggestion says why, so the member can judge it.
 */
@Component
public class TrackFirst {

    static final int SHOWN = 12;
    /** A connection made in this many days counts as recent. */
    static final int RECENT_DAYS = 180;
    /** This many contacts at one company make it one the member shares with them. */
    static final int SHARED_COMPANY = 3;

    public record Suggestion(String contactId, String name, String why, int score) {}

    private final ContactRows contacts;
    private final FavorCounts favors;

    TrackFirst(ContactRows contacts, FavorCounts favors) {
        this.contacts = contacts;
        this.favors = favors;
    }

    public List<Suggestion> suggest(long ownerId, LocalDate today) {
        List<Untracked> untracked = contacts.untracked(ownerId);
        if (untracked.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> withContacts = favors.withContacts(ownerId);
        Map<Long, Integer> withMembers = favors.withMembers(ownerId);
        Map<String, Integer> tracked = contacts.trackedCompanies(ownerId);
        Map<String, Integer> known = new HashMap<>();
        untracked.stream().map(Untracked::company).filter(c -> c != null && !c.isBlank())
                .forEach(c -> known.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<Suggestion> found = new ArrayList<>();
        for (Untracked c : untracked) {
            int favorCount = withContacts.getOrDefault(c.internalId(), 0)
                    + (c.linkedMemberId() == null ? 0 : withMembers.getOrDefault(c.linkedMemberId(), 0));
            String company = c.company() == null ? null : c.company().toLowerCase(Locale.ROOT);
            int trackedThere = company == null ? 0 : tracked.getOrDefault(company, 0);
            int knownThere = company == null ? 0 : known.getOrDefault(company, 0);
            long daysAgo = c.connectedOn() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(c.connectedOn(), today);
            List<String> why = new ArrayList<>();
            int score = 0;
            if (favorCount > 0) {
                why.add(favorCount == 1 ? "a favor in your ledger" : favorCount + " favors in your ledger");
                score += 100 + favorCount;
            }
            if (trackedThere > 0) {
                why.add("at " + c.company() + ", where you track " + (trackedThere == 1 ? "someone" : trackedThere + " people"));
                score += 20 + trackedThere;
            } else if (knownThere >= SHARED_COMPANY) {
                why.add("one of " + knownThere + " people you know at " + c.company());
                score += 10 + Math.min(knownThere, 20);
            }
            if (daysAgo >= 0 && daysAgo <= RECENT_DAYS) {
                why.add("connected " + org.reciprocity.web.Dates.relative(c.connectedOn(), today));
                score += 5 + (int) ((RECENT_DAYS - daysAgo) / 30);
            }
            if (score > 0) {
                found.add(new Suggestion(c.id(), c.name(), String.join("; ", why), score));
            }
        }
        found.sort(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::name));
        return List.copyOf(found.subList(0, Math.min(SHOWN, found.size())));
    }
}
