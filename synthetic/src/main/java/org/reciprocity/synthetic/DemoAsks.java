package org.reciprocity.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Asks, offers, opportunities, pledges and introductions for the demo community (A1–A6), so the
 * matching pages are full on first start. Several asks are about Java and PostgreSQL, posted by
 * members who do not know Tomás, the open-source developer of scenario 2: the matcher should put him
 * near the top for them, and the Java job opening should reach him.
 */
public final class DemoAsks {

    public enum Kind { ASK, OFFER, OPPORTUNITY }

    /** A posting by member {@code owner}; it expires {@code expiresInDays} from today. */
    public record Posting(int owner, Kind kind, String title, String details, List<String> tags, boolean connectionsOnly,
                          boolean commercial, int expiresInDays) {}

    /** A pledge by {@code helper} to the ask at index {@code ask} of the postings, due {@code dueInDays} from today. */
    public record Pledge(int ask, int helper, String note, int dueInDays) {}

    public record Introduction(int introducer, int first, int second, String reason) {}

    public record Plan(List<Posting> postings, List<Pledge> pledges, List<Introduction> introductions) {}

    private static final String[] ASK_TEMPLATES = {
            "Could someone give me an hour on %s?", "Looking for advice on %s for a small team",
            "Need a second pair of eyes on our %s", "First time dealing with %s: where do I start?"};
    private static final String[] OFFER_TEMPLATES = {
            "Happy to help with %s", "Free half-hour on %s for anyone starting out", "I can review your %s work"};

    private DemoAsks() {
    }

    public static Plan build(DemoWorld world, long seed) {
        Random random = new Random(seed);
        List<SyntheticMember> members = world.members();
        int tomas = world.personas().get("opensource");
        int amara = world.personas().get("generous");
        int victor = world.personas().get("consultant");
        int business = world.personas().get("business");
        Set<Integer> personas = new HashSet<>(world.personas().values());
        Map<Integer, Set<Integer>> network = new HashMap<>();
        for (SyntheticCommunity.Connection c : world.connections()) {
            network.computeIfAbsent(c.first(), k -> new HashSet<>()).add(c.second());
            network.computeIfAbsent(c.second(), k -> new HashSet<>()).add(c.first());
        }
        List<Posting> postings = new ArrayList<>();

        String[][] javaAsks = {
                {"Our PostgreSQL query got slow after the last release", "A report query went from 200 ms to 9 s. I have the EXPLAIN ANALYZE output and would love someone who knows PostgreSQL performance to read it with me.", "postgresql,performance"},
                {"Code review for my first open-source Java library", "It is a small Java library for parsing invoices. Before I announce it I would like an experienced open source maintainer to review the API and the code.", "java,open source,code review"},
                {"Flaky integration test in our Java build", "One Java integration test fails one run in ten on CI. I suspect a connection pool or timing issue.", "java,testing"},
                {"Java service runs out of memory every few days", "Heap grows slowly until the service dies; I need help reading a heap dump and tuning the garbage collector.", "java,performance tuning"}};
        for (int i = 0; i < javaAsks.length; i++) {
            int asker = stranger(random, members.size(), tomas, network, personas);
            postings.add(new Posting(asker, Kind.ASK, javaAsks[i][0], javaAsks[i][1], List.of(javaAsks[i][2].split(",")),
                    false, false, 10 + i * 5));
        }
        int regular = members.size() - personas.size();
        for (int i = 0; i < 36; i++) {
            int owner = random.nextInt(regular);
            SyntheticMember asker = members.get(owner);
            SyntheticMember expert = members.get(random.nextInt(regular));
            String skill = expert.skills().get(random.nextInt(expert.skills().size()));
            if (asker.skills().contains(skill)) {
                continue;
            }
            String lower = skill.toLowerCase(Locale.ROOT);
            postings.add(new Posting(owner, Kind.ASK, ASK_TEMPLATES[i % ASK_TEMPLATES.length].formatted(lower),
                    "I work in " + asker.industry().toLowerCase(Locale.ROOT) + " and " + lower
                            + " is new to me. Any pointers, or half an hour of your time, would help a lot.",
                    List.of(lower), i % 7 == 0, false, 3 + random.nextInt(40)));
        }
        postings.add(new Posting(amara, Kind.ASK, "Introductions to cold-chain logistics partners in Kenya",
                "We are expanding Lumen Logistics to Nairobi and need a trustworthy cold-chain partner. Introductions welcome.",
                List.of("logistics", "supply chain", "introductions"), false, false, 21));
        postings.add(new Posting(business, Kind.ASK, "Need leads and contacts for our agency, urgently",
                "We are looking for anyone who can send us clients, advice or supplier contacts.", List.of("leads"),
                false, false, 14));

        postings.add(new Posting(tomas, Kind.OFFER, "Code review for Java and PostgreSQL projects",
                "Send me a pull request or a slow query; I answer within a week.", List.of("java", "postgresql", "code review"),
                false, false, 90));
        postings.add(new Posting(amara, Kind.OFFER, "Pitch-deck feedback for first-time founders",
                "I raised two seed rounds and read decks every week. Happy to give honest feedback.",
                List.of("fundraising", "pitch decks"), false, false, 60));
        postings.add(new Posting(victor, Kind.OFFER, "Free growth workshop: 10x your revenue",
                "Book a call today to unlock my premium coaching program. Limited spots, exclusive pricing!",
                List.of("sales", "growth"), false, true, 30));
        for (int i = 0; i < 12; i++) {
            int owner = random.nextInt(regular);
            SyntheticMember m = members.get(owner);
            String skill = m.skills().get(random.nextInt(m.skills().size())).toLowerCase(Locale.ROOT);
            postings.add(new Posting(owner, Kind.OFFER, OFFER_TEMPLATES[i % OFFER_TEMPLATES.length].formatted(skill),
                    "Ask me anything about " + skill + "; I have worked on it for years.", List.of(skill), false, false,
                    30 + random.nextInt(60)));
        }

        String[][] openings = {
                {"Hiring: senior Java engineer (PostgreSQL, performance)", "java,postgresql"},
                {"Hiring: product designer for a health-tech start-up", "ux research,figma"},
                {"Call for speakers: community meetup on fundraising", "fundraising,public speaking"},
                {"Looking for a part-time grant writer", "grant writing"},
                {"Open role: supply chain lead in Lagos", "supply chain,logistics"},
                {"Paid research project for a data scientist", "machine learning,statistics"}};
        for (String[] opening : openings) {
            int owner = random.nextInt(regular);
            postings.add(new Posting(owner, Kind.OPPORTUNITY, opening[0],
                    "Share with anyone who might fit. Remote-friendly; write to me through Reciprocity.",
                    List.of(opening[1].split(",")), false, false, 20 + random.nextInt(40)));
        }

        List<Pledge> pledges = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            if (p.kind() != Kind.ASK || i % 3 != 1) {
                continue;
            }
            int helper = random.nextInt(regular);
            if (helper != p.owner()) {
                pledges.add(new Pledge(i, helper, "Happy to help, let us find a time.", i % 2 == 0 ? 5 : -10));
            }
        }

        List<Introduction> introductions = new ArrayList<>();
        List<Integer> amaras = new ArrayList<>(network.getOrDefault(amara, Set.of()));
        amaras.sort(Integer::compare);
        for (int i = 0; i + 1 < amaras.size() && introductions.size() < 2; i += 2) {
            int a = amaras.get(i);
            int b = amaras.get(i + 1);
            if (!network.getOrDefault(a, Set.of()).contains(b) && !personas.contains(a) && !personas.contains(b)) {
                introductions.add(new Introduction(amara, a, b, members.get(a).displayName() + " and "
                        + members.get(b).displayName() + " both work on " + members.get(a).skills().get(0).toLowerCase(Locale.ROOT)
                        + " problems; I think they would enjoy comparing notes."));
            }
        }
        for (int friend : amaras) {
            List<Integer> theirs = network.getOrDefault(friend, Set.of()).stream()
                    .filter(x -> x != amara && !network.get(amara).contains(x) && !personas.contains(x)).sorted().toList();
            if (!personas.contains(friend) && !theirs.isEmpty()) {
                introductions.add(new Introduction(friend, amara, theirs.get(0), "Amara, meet "
                        + members.get(theirs.get(0)).displayName() + ": you both care about " + "mentoring founders"
                        + ", and I think you could help each other."));
                break;
            }
        }
        return new Plan(List.copyOf(postings), List.copyOf(pledges), List.copyOf(introductions));
    }

    private static int stranger(Random random, int size, int of, Map<Integer, Set<Integer>> network, Set<Integer> personas) {
        while (true) {
            int candidate = random.nextInt(size);
            if (candidate != of && !personas.contains(candidate) && !network.getOrDefault(of, Set.of()).contains(candidate)) {
                return candidate;
            }
        }
    }
}
