package org.reciprocity.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.synthetic.SyntheticExchange.Outcome;

/**
 * Adds to a generated community the five people of the product's scenarios and a ledger of favors:
 * ordinary give-and-take along connections, and each persona's telling pattern.
 * <ul>
 * <li>{@code generous}: Amara helped many members once, months ago; several helped her back lately.</li>
 * <li>{@code opensource}: Tomás answers many asks about Java and PostgreSQL from people he barely knows.</li>
 * <li>{@code consultant}: Victor's "free workshops" are disputed by peers as sales pitches.</li>
 * <li>{@code business}: Quickgrow Ltd receives favors again and again and gives nothing back.</li>
 * <li>{@code overgiver}: Helen gives far past the three favors a month she declared.</li>
 * </ul>
 */
public final class DemoLedger {

    private static final String DOMAIN = CommunityGenerator.EMAIL_DOMAIN;

    private static final List<String> THANKS = List.of(
            "Thank you, this made a real difference.", "Thanks so much, I owe you one!",
            "Really grateful for your time.", "This was exactly what I needed, thank you.",
            "Thank you for thinking of me.");

    private DemoLedger() {
    }

    public static DemoWorld build(SyntheticCommunity community, long seed) {
        Random random = new Random(seed);
        List<SyntheticMember> members = new ArrayList<>(community.members());
        List<SyntheticCommunity.Connection> connections = new ArrayList<>(community.connections());
        Set<Long> connected = new HashSet<>();
        int base = members.size();
        for (SyntheticCommunity.Connection c : connections) {
            connected.add(pairKey(c.first(), c.second()));
        }
        Map<String, Integer> personas = new LinkedHashMap<>();
        for (Map.Entry<String, SyntheticMember> p : personaMembers().entrySet()) {
            personas.put(p.getKey(), members.size());
            members.add(p.getValue());
        }
        List<SyntheticExchange> exchanges = new ArrayList<>();
        everydayFavors(random, community, exchanges);

        int amara = personas.get("generous");
        List<Integer> helped = distinct(random, base, 14, Set.of());
        for (int i = 0; i < helped.size(); i++) {
            int m = helped.get(i);
            exchanges.add(gift(amara, m, ExchangeKind.values()[i % 4], "Helped with " + skillOf(members, amara, i),
                    3, 400 - i * 20, Outcome.CONFIRMED, pick(random, THANKS)));
            if (i < 6) {
                exchanges.add(gift(m, amara, i % 2 == 0 ? ExchangeKind.INTRODUCTION : ExchangeKind.REFERRAL,
                        i % 2 == 0 ? "Introduced Amara to a potential partner" : "Referred a client to Amara's company",
                        4, 35 + i * 8, Outcome.CONFIRMED, "Thank you, this means a lot after all this time!"));
            }
            connect(connections, connected, amara, m, 420);
        }
        // value that circled back (X1): three of those she helped passed help on, and it came back to her through
        // others, months later (a random stream of its own, so that the rest of the world stays as it was)
        Random onward = new Random(seed + 1);
        List<Integer> passedOn = distinct(onward, base, 4, Set.copyOf(helped));
        for (int i = 0; i < 3; i++) {
            int first = helped.get(6 + i);
            int amarasDay = 400 - (6 + i) * 20;
            int next = passedOn.get(i);
            exchanges.add(gift(first, next, ExchangeKind.ADVICE, "Advice passed on after Amara's help", 3,
                    amarasDay - 70, Outcome.CONFIRMED, pick(onward, THANKS)));
            connect(connections, connected, first, next, 420);
            if (i == 2) { // a chain of four: through one more person
                int last = passedOn.get(3);
                exchanges.add(gift(next, last, ExchangeKind.INTRODUCTION, "Introduced to a buyer", 3, amarasDay - 140,
                        Outcome.CONFIRMED, pick(onward, THANKS)));
                connect(connections, connected, next, last, 420);
                next = last;
            }
            exchanges.add(gift(next, amara, i == 1 ? ExchangeKind.JOB_LEAD : ExchangeKind.REFERRAL,
                    i == 1 ? "Shared a job lead for Amara's first hire" : "Referred a client to Amara's company", 4,
                    25 + i * 15, Outcome.CONFIRMED, "Thank you so much!"));
            connect(connections, connected, next, amara, 420);
        }

        int tomas = personas.get("opensource");
        List<Integer> strangers = distinct(random, base, 20, Set.copyOf(helped));
        String[] topics = {"a slow PostgreSQL query", "a Java memory leak", "code review of a pull request",
                "choosing a connection pool", "a flaky integration test", "tuning the garbage collector"};
        for (int i = 0; i < strangers.size(); i++) {
            exchanges.add(gift(tomas, strangers.get(i), i % 3 == 0 ? ExchangeKind.RESOURCE : ExchangeKind.ADVICE,
                    "Answered a question about " + topics[i % topics.length], 2, 5 + i * 17,
                    Outcome.CONFIRMED, i % 4 == 3 ? null : pick(random, THANKS)));
        }

        int victor = personas.get("consultant");
        List<Integer> attendees = distinct(random, base, 6, Set.of());
        for (int i = 0; i < attendees.size(); i++) {
            boolean disputed = i < 4;
            exchanges.add(new SyntheticExchange(victor, attendees.get(i), false, ExchangeKind.ADVICE,
                    "Free workshop: scaling your business in 30 days", 4, 20 + i * 15,
                    disputed ? Outcome.DISPUTED : Outcome.PENDING, null,
                    disputed ? "It was a sales pitch for his paid coaching, not a favor." : null));
        }

        int business = personas.get("business");
        List<Integer> helpers = distinct(random, base, 5, Set.of());
        for (int h = 0; h < helpers.size(); h++) {
            for (int favor = 0; favor < 3; favor++) {
                exchanges.add(gift(helpers.get(h), business, ExchangeKind.values()[(h + favor) % 6],
                        "Helped Quickgrow with " + new String[] {"a hiring plan", "supplier contacts", "a pitch deck"}[favor],
                        4, 250 - favor * 90 - h * 3, Outcome.CONFIRMED, null));
            }
            connect(connections, connected, helpers.get(h), business, 300);
        }

        int helen = personas.get("overgiver");
        List<Integer> asked = distinct(random, base, 12, Set.of());
        for (int i = 0; i < asked.size(); i++) {
            int daysAgo = i < 9 ? 2 + i * 3 : 60 + i * 20;
            exchanges.add(gift(helen, asked.get(i), i % 2 == 0 ? ExchangeKind.MENTORING : ExchangeKind.FEEDBACK,
                    i % 2 == 0 ? "Mentoring session on career change" : "Detailed feedback on a CV",
                    3, daysAgo, i % 3 == 2 ? Outcome.PENDING : Outcome.CONFIRMED, pick(random, THANKS)));
        }
        return new DemoWorld(List.copyOf(members), List.copyOf(connections), List.copyOf(exchanges), personas);
    }

    /** Along about half the connections, one to four favors either way over the last 16 months. */
    private static void everydayFavors(Random random, SyntheticCommunity community, List<SyntheticExchange> into) {
        for (SyntheticCommunity.Connection c : community.connections()) {
            if (random.nextBoolean()) {
                continue;
            }
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                boolean firstGives = random.nextBoolean();
                int giver = firstGives ? c.first() : c.second();
                int receiver = firstGives ? c.second() : c.first();
                ExchangeKind kind = ExchangeKind.values()[random.nextInt(ExchangeKind.values().length - 1)];
                SyntheticMember g = community.members().get(giver);
                String skill = g.skills().get(random.nextInt(g.skills().size()));
                int roll = random.nextInt(100);
                Outcome outcome = roll < 86 ? Outcome.CONFIRMED : roll < 96 ? Outcome.PENDING : Outcome.DISPUTED;
                into.add(new SyntheticExchange(giver, receiver, random.nextInt(4) == 0, kind,
                        describe(kind, skill), 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.5)),
                        3 + random.nextInt(480), outcome,
                        outcome == Outcome.CONFIRMED && random.nextInt(100) < 70 ? pick(random, THANKS) : null,
                        outcome == Outcome.DISPUTED ? "I don't remember it this way." : null));
            }
        }
    }

    private static String describe(ExchangeKind kind, String skill) {
        String s = skill.toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case INTRODUCTION -> "Introduction to someone who knows " + s;
            case REFERRAL -> "Referral for a project in " + s;
            case JOB_LEAD -> "Shared a job lead that needs " + s;
            case ADVICE -> "Advice on " + s;
            case MENTORING -> "Mentoring session on " + s;
            case FEEDBACK -> "Feedback on work involving " + s;
            case ENDORSEMENT -> "Endorsed for " + s;
            case RECOMMENDATION -> "Wrote a recommendation about " + s;
            case RESOURCE -> "Shared a guide on " + s;
            case PROMOTION -> "Promoted a talk on " + s;
            case COLLABORATION -> "Worked together on " + s;
            case OTHER -> "Helped with " + s;
        };
    }

    private static Map<String, SyntheticMember> personaMembers() {
        Map<String, SyntheticMember> p = new LinkedHashMap<>();
        p.put("generous", new SyntheticMember("Amara Okafor", "amara.okafor@" + DOMAIN,
                "Founder, Lumen Logistics · Operations and supply chain",
                "I built my company on help I got early on, so I try to give it forward: ask me about logistics, "
                        + "hiring a first team or raising a seed round.",
                List.of("Supply chain", "Fundraising", "Hiring", "Logistics", "Pitch decks"),
                List.of("Startups", "Mentoring juniors", "Climate tech"), "Manufacturing", "Lagos, Nigeria",
                "Africa/Lagos", CultureRegion.AFRICA, List.of("English", "Yoruba"),
                java.util.EnumSet.of(OpenTo.MENTORING, OpenTo.INTRODUCTIONS, OpenTo.FEEDBACK), 6, false));
        p.put("opensource", new SyntheticMember("Tomás Ribeiro", "tomas.ribeiro@" + DOMAIN,
                "Open-source maintainer · Java, PostgreSQL and performance",
                "I maintain a JDBC connection pool and answer a lot of questions about Java performance and PostgreSQL. "
                        + "Happy to look at a slow query or a flaky test.",
                List.of("Java", "PostgreSQL", "Performance tuning", "Open source", "Code review", "Distributed systems"),
                List.of("Open source", "Side projects", "Chess"), "Software", "São Paulo, Brazil", "America/Sao_Paulo",
                CultureRegion.LATIN_AMERICA, List.of("Portuguese", "English"),
                java.util.EnumSet.of(OpenTo.FEEDBACK, OpenTo.MENTORING), 12, false));
        p.put("consultant", new SyntheticMember("Victor Hale", "victor.hale@" + DOMAIN,
                "Growth consultant · Free workshops for founders",
                "I run free workshops that will 10x your revenue. Book a call to unlock my premium program today!",
                List.of("Sales", "Strategy", "Workshops"), List.of("Startups"), "Consulting", "Austin, USA",
                "America/Chicago", CultureRegion.NORTH_AMERICA, List.of("English"),
                java.util.EnumSet.of(OpenTo.FEEDBACK), null, false));
        p.put("business", new SyntheticMember("Quickgrow Ltd", "hello.quickgrow@" + DOMAIN,
                "Fast-growing marketing agency", "We are always looking for contacts, leads and advice.",
                List.of("Social media", "Email marketing"), List.of("Startups"), "Marketing", "Toronto, Canada",
                "America/Toronto", CultureRegion.NORTH_AMERICA, List.of("English"),
                java.util.EnumSet.of(OpenTo.REFERRALS), null, false));
        p.put("overgiver", new SyntheticMember("Helen Brandt", "helen.brandt@" + DOMAIN,
                "Career coach · CVs, interviews and career changes",
                "I can't say no when someone asks for help with their CV or a career change.",
                List.of("Career coaching", "CV review", "Interviewing", "Mentoring"), List.of("Career changes", "Writing"),
                "Human resources", "Berlin, Germany", "Europe/Berlin", CultureRegion.WESTERN_EUROPE,
                List.of("German", "English"), java.util.EnumSet.of(OpenTo.MENTORING, OpenTo.FEEDBACK), 3, false));
        return p;
    }

    private static SyntheticExchange gift(int giver, int receiver, ExchangeKind kind, String description, int weight,
                                          int daysAgo, Outcome outcome, String thanks) {
        return new SyntheticExchange(giver, receiver, false, kind, description, weight, daysAgo, outcome,
                outcome == Outcome.CONFIRMED ? thanks : null, null);
    }

    private static String skillOf(List<SyntheticMember> members, int member, int i) {
        List<String> skills = members.get(member).skills();
        return skills.get(i % skills.size()).toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Integer> distinct(Random random, int bound, int count, Set<Integer> excluded) {
        Set<Integer> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < Math.min(count, bound - excluded.size())) {
            int candidate = random.nextInt(bound);
            if (!excluded.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return List.copyOf(chosen);
    }

    private static void connect(List<SyntheticCommunity.Connection> connections, Set<Long> connected, int a, int b,
                                int daysAgo) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        if (connected.add(pairKey(low, high))) {
            connections.add(new SyntheticCommunity.Connection(low, high, daysAgo));
        }
    }

    private static long pairKey(int low, int high) {
        return ((long) Math.min(low, high) << 32) | Math.max(low, high);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
