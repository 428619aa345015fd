package org.reciprocity.synthetic;

import static org.reciprocity.synthetic.Vocabulary.BIO_CLOSERS;
import static org.reciprocity.synthetic.Vocabulary.BIO_OPENERS;
import static org.reciprocity.synthetic.Vocabulary.CITIES;
import static org.reciprocity.synthetic.Vocabulary.INDUSTRIES;
import static org.reciprocity.synthetic.Vocabulary.INTERESTS;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.synthetic.Vocabulary.City;
import org.reciprocity.synthetic.Vocabulary.Industry;

/**
 * Invents a believable professional community, deterministically from a seed: members cluster in
 * industries that share skills, live in cities across time zones and cultures, and connect mostly
 * within their industry and city, with a few long ties between clusters (a small world). Used by
 * the demo ({@code --demo}) at a few hundred members and by the benchmarks at up to a million.
 */
public final class CommunityGenerator {

    /** Where demo addresses live; {@code .test} is reserved and never routed (RFC 2606). */
    public static final String EMAIL_DOMAIN = "demo.reciprocity.test";

    private final long seed;

    public CommunityGenerator(long seed) {
        this.seed = seed;
    }

    public SyntheticCommunity generate(int size) {
        Random random = new Random(seed);
        List<SyntheticMember> members = new ArrayList<>(size);
        int[] industryOf = new int[size];
        int[] cityOf = new int[size];
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < size; i++) {
            industryOf[i] = random.nextInt(INDUSTRIES.size());
            cityOf[i] = random.nextInt(CITIES.size());
            members.add(member(random, i, INDUSTRIES.get(industryOf[i]), CITIES.get(cityOf[i]), emails));
        }
        return new SyntheticCommunity(List.copyOf(members), connect(random, industryOf, cityOf));
    }

    private SyntheticMember member(Random random, int index, Industry industry, City city, Set<String> emails) {
        String first = pick(random, city.firstNames());
        String last = pick(random, city.lastNames());
        String name = first + " " + last;
        String email = uniqueEmail(first, last, emails);
        String role = pick(random, industry.roles());
        int years = 2 + random.nextInt(24);
        List<String> skills = sample(random, industry.skills(), 3 + random.nextInt(4));
        if (random.nextInt(5) == 0) {
            // people carry skills across fields; this is what makes cross-industry matches possible
            skills = new ArrayList<>(skills);
            skills.add(pick(random, pick(random, INDUSTRIES).skills()));
            skills = List.copyOf(new LinkedHashSet<>(skills));
        }
        List<String> interests = sample(random, INTERESTS, 2 + random.nextInt(4));
        String headline = role + " · " + skills.get(0) + " and " + skills.get(1);
        String bio = String.format(Locale.ROOT, pick(random, BIO_OPENERS), years, role.toLowerCase(Locale.ROOT)) + " "
                + String.format(Locale.ROOT, pick(random, BIO_CLOSERS), skills.get(random.nextInt(skills.size())).toLowerCase(Locale.ROOT));
        Set<OpenTo> openTo = EnumSet.noneOf(OpenTo.class);
        for (OpenTo o : OpenTo.values()) {
            if (random.nextInt(3) == 0) {
                openTo.add(o);
            }
        }
        if (openTo.isEmpty()) {
            openTo.add(OpenTo.FEEDBACK);
        }
        Integer capacity = random.nextInt(4) == 0 ? null : 2 + random.nextInt(9);
        boolean paused = random.nextInt(25) == 0;
        List<String> languages = city.languages().size() > 1 && random.nextBoolean()
                ? city.languages() : List.of(city.languages().get(0));
        return new SyntheticMember(name, email, headline, bio, skills, interests, industry.name(),
                city.name(), city.timeZone(), city.culture(), languages, openTo, capacity, paused);
    }

    private static String uniqueEmail(String first, String last, Set<String> taken) {
        String base = ascii(first) + "." + ascii(last);
        String email = base + "@" + EMAIL_DOMAIN;
        for (int n = 2; !taken.add(email); n++) {
            email = base + n + "@" + EMAIL_DOMAIN;
        }
        return email;
    }

    private static String ascii(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replace("ł", "l").replaceAll("[^a-z0-9]+", "-");
    }

    /** Mostly within industry or city, a few long ties; about six connections a member. */
    private static List<SyntheticCommunity.Connection> connect(Random random, int[] industryOf, int[] cityOf) {
        int size = industryOf.length;
        Set<Long> seen = new HashSet<>();
        List<SyntheticCommunity.Connection> connections = new ArrayList<>();
        if (size < 2) {
            return connections;
        }
        int target = size * 3;
        int attempts = 0;
        while (connections.size() < target && attempts++ < target * 20) {
            int a = random.nextInt(size);
            int b = random.nextInt(size);
            if (a == b) {
                continue;
            }
            boolean near = industryOf[a] == industryOf[b] || cityOf[a] == cityOf[b];
            if (!near && random.nextInt(6) != 0) {
                continue;
            }
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            if (seen.add((long) low * size + high)) {
                connections.add(new SyntheticCommunity.Connection(low, high, 1 + random.nextInt(900)));
            }
        }
        return List.copyOf(connections);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static <T> List<T> sample(Random random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return List.copyOf(chosen);
    }
}
