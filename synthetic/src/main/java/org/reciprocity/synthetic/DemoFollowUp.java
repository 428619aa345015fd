package org.reciprocity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.reciprocity.core.agenda.InteractionType;
import org.reciprocity.core.network.Tier;

/**
 * Contacts with tiers and logged interactions for the demo (F1–F2), so that the personas' agendas and
 * losing-touch pages are full on first start: each persona (and a few other members) tracks some of
 * their connections as contacts, with calls and meetings spread over the past months, a meeting three
 * days ago waiting for its follow-up, and some relationships left silent past their cadence.
 */
public final class DemoFollowUp {

    /** A contact of member {@code owner}, linked to member {@code linkedMember} (or a private one when null). */
    public record Contact(int owner, Integer linkedMember, String name, String email, Tier tier, int knownDaysAgo) {}

    /** An interaction of the contact at index {@code contact} of the plan's contacts. */
    public record Interaction(int contact, InteractionType type, int daysAgo, String note) {}

    public record Plan(List<Contact> contacts, List<Interaction> interactions) {}

    private static final String[] NOTES = {"Coffee and catching up", "Talked about their new role",
            "Quick call about an introduction", "Met at the community meetup", "Sent an article they asked about"};
    private static final String[] PRIVATE = {"Maria Gonzalez (former manager)", "Tom Becker (university friend)",
            "Aisha Khan (investor contact)"};

    private DemoFollowUp() {
    }

    public static Plan build(DemoWorld world, long seed) {
        Random random = new Random(seed);
        List<Integer> owners = new ArrayList<>(world.personas().values());
        int regular = world.members().size() - owners.size();
        for (int i = 0; i < 30; i++) {
            owners.add(random.nextInt(regular));
        }
        List<Contact> contacts = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        for (int owner : owners.stream().distinct().toList()) {
            List<SyntheticCommunity.Connection> theirs = world.connections().stream()
                    .filter(c -> c.first() == owner || c.second() == owner).limit(14).toList();
            for (int i = 0; i < theirs.size(); i++) {
                SyntheticCommunity.Connection c = theirs.get(i);
                int other = c.first() == owner ? c.second() : c.first();
                SyntheticMember m = world.members().get(other);
                Tier tier = i < 3 ? Tier.INNER_CIRCLE : i < 7 ? Tier.CLOSE : Tier.ACQUAINTANCE;
                int index = contacts.size();
                contacts.add(new Contact(owner, other, m.displayName(), m.email(), tier, c.daysAgo()));
                int touches = random.nextInt(4);
                for (int t = 0; t < touches; t++) {
                    interactions.add(new Interaction(index, InteractionType.values()[random.nextInt(4)],
                            5 + random.nextInt(Math.max(1, Math.min(200, c.daysAgo()))), NOTES[random.nextInt(NOTES.length)]));
                }
                if (i == 0) {
                    interactions.add(new Interaction(index, InteractionType.MEETING, 3, "Lunch: they are looking for a designer"));
                }
            }
            if (world.personas().containsValue(owner)) {
                for (int p = 0; p < PRIVATE.length; p++) {
                    contacts.add(new Contact(owner, null, PRIVATE[p], null, p == 0 ? Tier.CLOSE : Tier.ACQUAINTANCE,
                            400 + 100 * p));
                }
            }
        }
        return new Plan(List.copyOf(contacts), List.copyOf(interactions));
    }
}
