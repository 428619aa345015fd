package org.reciprocity.bench.community;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.synthetic.Vocabulary;

/**
 * The members of the synthetic community, each a pure function of the seed and its id: any table can ask
 * for a member's skills or city again without the loader keeping a million profiles in memory. Members
 * join over {@link #JOIN_SPAN_DAYS} days in id order, so low ids are the old-timers.
 */
final class People {

    static final int JOIN_SPAN_DAYS = 900;

    record Person(int id, String publicId, String firstName, String lastName, String email, Vocabulary.City city,
                  Vocabulary.Industry industry, String role, int years, List<String> skills, List<String> interests,
                  List<String> languages, List<String> openTo, Integer capacityPerMonth, boolean givingPaused,
                  boolean suspended, int joinedDaysAgo) {

        String displayName() {
            return firstName + " " + lastName;
        }

        String headline() {
            return role + " in " + industry.name().toLowerCase(Locale.ROOT) + ", " + city.name();
        }

        String bio() {
            return Vocabulary.BIO_OPENERS.get(id % Vocabulary.BIO_OPENERS.size())
                    .formatted(years, role.toLowerCase(Locale.ROOT)) + " "
                    + Vocabulary.BIO_CLOSERS.get((id / 7) % Vocabulary.BIO_CLOSERS.size()).formatted(skills.get(0));
        }
    }

    private final long seed;
    private final int size;

    People(long seed, int size) {
        this.seed = seed;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The city and industry of a member, cheaply: what the connection graph clusters on. */
    int cityOf(int id) {
        return random(id).nextInt(Vocabulary.CITIES.size());
    }

    int industryOf(int id) {
        SplittableRandom random = random(id);
        random.nextInt(Vocabulary.CITIES.size());
        return random.nextInt(Vocabulary.INDUSTRIES.size());
    }

    int joinedDaysAgo(int id) {
        return (int) ((long) JOIN_SPAN_DAYS * (size - id) / size);
    }

    Person person(int id) {
        SplittableRandom random = random(id);
        Vocabulary.City city = Vocabulary.CITIES.get(random.nextInt(Vocabulary.CITIES.size()));
        Vocabulary.Industry industry = Vocabulary.INDUSTRIES.get(random.nextInt(Vocabulary.INDUSTRIES.size()));
        String first = pick(random, city.firstNames());
        String last = pick(random, city.lastNames());
        String role = pick(random, industry.roles());
        int years = 2 + random.nextInt(24);
        List<String> skills = sample(random, industry.skills(), 3 + random.nextInt(4));
        if (random.nextInt(5) == 0) {
            // people carry skills across fields; this is what makes cross-industry matches possible
            Vocabulary.Industry other = Vocabulary.INDUSTRIES.get(random.nextInt(Vocabulary.INDUSTRIES.size()));
            String extra = pick(random, other.skills());
            if (!skills.contains(extra)) {
                skills.add(extra);
            }
        }
        List<String> interests = sample(random, Vocabulary.INTERESTS, 2 + random.nextInt(2));
        List<String> languages = sample(random, city.languages(), 1 + random.nextInt(Math.min(2, city.languages().size())));
        List<String> openTo = new ArrayList<>();
        for (OpenTo o : OpenTo.values()) {
            if (random.nextInt(4) == 0) {
                openTo.add(o.name());
            }
        }
        Integer capacity = random.nextInt(10) < 3 ? 2 + random.nextInt(9) : null;
        boolean paused = random.nextInt(50) == 0;
        boolean suspended = random.nextInt(300) == 0;
        return new Person(id, uuid(random), first, last, email(first, last, id), city, industry, role, years, skills,
                interests, languages, openTo, capacity, paused, suspended, joinedDaysAgo(id));
    }

    private SplittableRandom random(int id) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L);
    }

    /** A random (version 4) UUID drawn from the given generator, so that ids are the same on every load. */
    static String uuid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    static <T> List<T> sample(SplittableRandom random, List<T> from, int n) {
        List<T> pool = new ArrayList<>(from);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private static String email(String first, String last, int id) {
        String local = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + "." + id + "@community.bench.test";
    }
}
