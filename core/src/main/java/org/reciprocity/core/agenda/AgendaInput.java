package org.reciprocity.core.agenda;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.network.Tier;

/**
 * Everything the agenda reads, as plain records. Any order is correct; entries grouped by counterpart
 * and in date order within each (as the server hands them) are the fastest. Person keys are the ledger's counterpart keys
 * ({@code m:<member>}, {@code c:<contact>}); a contact linked to a member has the member's key as an alias,
 * so touches with either count for the relationship.
 */
public record AgendaInput(List<Person> people, List<Interaction> interactions, List<Entry> entries,
                          Map<Long, String> exchangeIds, Map<String, String> names, List<Pledge> pledges,
                          List<Posting> postings, Map<Tier, Cadence> cadences) {

    /** A tracked relationship: a contact with a tier (and maybe its own cadence). */
    public record Person(String key, String name, Tier tier, Cadence override, LocalDate knownSince, Set<String> aliases) {}

    public record Interaction(String id, String personKey, InteractionType type, LocalDate on) {}

    public record Pledge(String id, String askTitle, String askerName, LocalDate dueOn) {}

    /** One of the member's own open asks or offers. */
    public record Posting(String id, String kind, String title, LocalDate expiresOn) {}

    public static final Map<Tier, Cadence> DEFAULT_CADENCES = Map.of(
            Tier.INNER_CIRCLE, new Cadence(14, 30),
            Tier.CLOSE, new Cadence(30, 90),
            Tier.ACQUAINTANCE, new Cadence(90, 180));
}
