package org.reciprocity.bench.community;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.synthetic.Vocabulary;

/**
 * Loads a synthetic community of a million members into an empty PostgreSQL database with COPY, into the
 * schema the server's own Flyway migrations make (they are on this jar's class path, copied from
 * server/src at build time): members, profiles with skills, industry and location, connections, favors
 * with their history and thanks, and open asks, offers, opportunities and pledges. The same seed and day
 * give the same rows. Run it as bench/README.md says; then start the server on the database.
 *
 * <p>Every table is truncated and filled in one transaction each, so that with {@code wal_level=minimal}
 * PostgreSQL writes the rows without WAL; secondary indexes, unique constraints and foreign keys are
 * dropped first and rebuilt from their catalogue definitions afterwards ({@link DeferredSchema}).
 */
public final class LoadCommunity {

    /**
     * What every loaded member's password hashes to (argon2id, 19 MiB, 2 passes, as security.Passwords
     * makes them): {@value #PASSWORD}. Hashed once, offline, with the server's own encoder: hashing a
     * million passwords would take a day.
     */
    static final String PASSWORD = "reciprocity-bench";
    static final String PASSWORD_HASH =
            "{argon2}$argon2id$v=19$m=19456,t=2,p=1$67cF7qmU8b32tCJNxd8JPw$LLtr+hL1gpf4z+w29rVrqpLEIm9R01jG/1peBupMvrU";

    /** The tables this loader fills: the ones whose indexes and constraints are deferred. */
    static final List<String> TABLES = List.of("member", "member_lock", "profile", "profile_tag", "profile_visibility",
            "connection", "exchange", "exchange_event", "thanks", "posting", "posting_tag", "pledge");

    private static final String[] KINDS;
    private static final int[] KIND_WEIGHTS = {14, 8, 5, 22, 8, 12, 5, 4, 9, 4, 5, 4};

    static {
        KINDS = Arrays.stream(ExchangeKind.values()).map(Enum::name).toArray(String[]::new);
    }

    record Options(String url, String user, String password, int members, int connections, int favors,
                   int openAsks, long seed, LocalDate today) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("Arguments are --name=value; not " + arg);
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options options = new Options(given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/reciprocity"),
                    given.getOrDefault("user", "reciprocity"), given.getOrDefault("password", "bench"),
                    Integer.parseInt(given.getOrDefault("members", "1000000")),
                    Integer.parseInt(given.getOrDefault("connections", "5000000")),
                    Integer.parseInt(given.getOrDefault("favors", "10000000")),
                    Integer.parseInt(given.getOrDefault("open-asks", "20000")),
                    Long.parseLong(given.getOrDefault("seed", "14")),
                    LocalDate.parse(given.getOrDefault("today", LocalDate.now(ZoneOffset.UTC).toString())));
            given.keySet().removeAll(List.of("url", "user", "password", "members", "connections", "favors", "open-asks",
                    "seed", "today"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("Unknown arguments: " + given.keySet());
            }
            return options;
        }
    }

    private final Options options;
    private final People people;
    private final String[] dates;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long[] connectionPairs;

    private LoadCommunity(Options options) {
        this.options = options;
        this.people = new People(options.seed(), options.members());
        this.dates = new String[1200];
        for (int d = 0; d < dates.length; d++) {
            dates[d] = options.today().minusDays(d).toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new LoadCommunity(options).run();
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        log("Reciprocity bench load: %,d members, %,d connections, %,d favors, seed %d, today %s, into %s",
                options.members(), options.connections(), options.favors(), options.seed(), options.today(), options.url());
        Flyway.configure().dataSource(options.url(), options.user(), options.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection db = connect()) {
            if (count(db, "select count(*) from member") > 0) {
                throw new IllegalStateException("The database already has members: load only into an empty one"
                        + " (drop and create the database to load again).");
            }
            DeferredSchema deferred = DeferredSchema.drop(db, TABLES, Path.of("deferred-schema.sql"));
            log("Deferred %d indexes and constraints (saved to deferred-schema.sql)", deferred.size());
            phase("members and profiles", this::members);
            try (Statement st = db.createStatement()) {
                // member 1 is the community's first admin, as the first sign-up would have been
                st.execute("insert into community_setting (name, setting_value) values ('first_admin', '1') on conflict do nothing");
            }
            phase("connections", this::connections);
            phase("favors, their history and thanks", this::favors);
            phase("asks, offers, opportunities, pledges", this::postings);
            long indexes = System.nanoTime();
            log("Rebuilding indexes and constraints:");
            deferred.recreate(db, LoadCommunity::log);
            log("Indexes and constraints: %.1f min", (System.nanoTime() - indexes) / 60e9);
            try (Statement st = db.createStatement()) {
                for (String table : List.of("member", "exchange", "exchange_event", "posting", "pledge")) {
                    st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 1) from "
                            + table + "))");
                }
                long vacuum = System.nanoTime();
                st.execute("vacuum (analyze)");
                log("VACUUM ANALYZE: %.1f min", (System.nanoTime() - vacuum) / 60e9);
            }
            counts.forEach((table, rows) -> log("  %-20s %,13d rows", table, rows));
            log("Loaded in %.1f min; database size %s", (System.nanoTime() - start) / 60e9,
                    text(db, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) throws Exception {
        long start = System.nanoTime();
        phase.run();
        log("Loaded %s: %.1f min", name, (System.nanoTime() - start) / 60e9);
    }

    /** A COPY into the table on a connection of its own, in a transaction that first truncates the table. */
    private CopyRows copy(String table, String columns) throws SQLException {
        Connection db = connect();
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            // truncated in the loading transaction: with wal_level=minimal the rows are written without WAL
            st.execute("truncate " + table);
        }
        return new CopyRows(db, table, columns);
    }

    private void done(String table, CopyRows rows) throws SQLException {
        rows.close();
        counts.merge(table, rows.rows(), Long::sum);
    }

    // --- members ----------------------------------------------------------------------------

    private void members() throws SQLException {
        CopyRows member = copy("member", "id, public_id, email, display_name, password_hash, role, status, created_at, password_changed_at");
        CopyRows profile = copy("profile", "member_id, headline, bio, industry, location, time_zone, culture, capacity_per_month, giving_paused, updated_at");
        CopyRows tags = copy("profile_tag", "member_id, field, position, tag");
        CopyRows visibility = copy("profile_visibility", "member_id, field, visibility");
        CopyRows locks = copy("member_lock", "member_id");
        for (int id = 1; id <= options.members(); id++) {
            People.Person p = people.person(id);
            String joined = timestamp(p.joinedDaysAgo(), "09:" + String.format("%02d", id % 60) + ":00");
            member.add(id).add(p.publicId()).add(p.email()).add(p.displayName()).add(PASSWORD_HASH)
                    .add(id == 1 ? "ADMIN" : "MEMBER").add(p.suspended() ? "SUSPENDED" : "ACTIVE").raw(joined).raw(joined);
            member.endRow();
            profile.add(id).add(p.headline()).add(p.bio()).add(p.industry().name()).add(p.city().name())
                    .add(p.city().timeZone()).add(p.city().culture().name());
            if (p.capacityPerMonth() == null) {
                profile.addNull();
            } else {
                profile.add(p.capacityPerMonth());
            }
            profile.add(p.givingPaused()).raw(joined);
            profile.endRow();
            tags(tags, id, "interests", p.interests());
            tags(tags, id, "languages", p.languages());
            tags(tags, id, "openTo", p.openTo());
            tags(tags, id, "skills", p.skills());
            // a few members hide their location, or show their bio to connections only
            if (id % 31 == 0) {
                visibility.add(id).add("location").add("PRIVATE");
                visibility.endRow();
            }
            if (id % 47 == 0) {
                visibility.add(id).add("bio").add("CONNECTIONS");
                visibility.endRow();
            }
            locks.add(id);
            locks.endRow();
        }
        done("member", member);
        done("profile", profile);
        done("profile_tag", tags);
        done("profile_visibility", visibility);
        done("member_lock", locks);
    }

    private static void tags(CopyRows rows, int member, String field, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            rows.add(member).add(field).add(i).add(values.get(i));
            rows.endRow();
        }
    }

    // --- connections ------------------------------------------------------------------------

    /**
     * Pairs clustered as professional networks are: most within one's city and industry, some across one of
     * them, a few at random; older members have more.
     */
    private void connections() throws SQLException {
        int n = options.members();
        int[][] groups = groups();
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0xC0AA_EC71_0000L);
        LongSet pairs = new LongSet(options.connections());
        while (pairs.size() < options.connections()) {
            int a = skewedMember(random);
            int city = people.cityOf(a);
            int industry = people.industryOf(a);
            double r = random.nextDouble();
            int b;
            if (r < 0.6) {
                b = pick(random, groups[city * Vocabulary.INDUSTRIES.size() + industry]);
            } else if (r < 0.75) {
                b = pick(random, groups[city * Vocabulary.INDUSTRIES.size() + random.nextInt(Vocabulary.INDUSTRIES.size())]);
            } else if (r < 0.9) {
                b = pick(random, groups[random.nextInt(Vocabulary.CITIES.size()) * Vocabulary.INDUSTRIES.size() + industry]);
            } else {
                b = 1 + random.nextInt(n);
            }
            if (a != b) {
                pairs.add(pairKey(a, b));
            }
        }
        connectionPairs = pairs.toSortedArray();
        CopyRows rows = copy("connection", "member_low, member_high, since");
        for (long key : connectionPairs) {
            int low = (int) (key / (n + 1L));
            int high = (int) (key % (n + 1L));
            int known = Math.min(people.joinedDaysAgo(low), people.joinedDaysAgo(high));
            rows.add(low).add(high).raw(timestamp(random.nextInt(known + 1), "12:00:00"));
            rows.endRow();
        }
        done("connection", rows);
    }

    private long pairKey(int a, int b) {
        return Math.min(a, b) * (options.members() + 1L) + Math.max(a, b);
    }

    /** Member ids by city and industry. */
    private int[][] groups() {
        int buckets = Vocabulary.CITIES.size() * Vocabulary.INDUSTRIES.size();
        int[] sizes = new int[buckets];
        int[] bucketOf = new int[options.members() + 1];
        for (int id = 1; id <= options.members(); id++) {
            bucketOf[id] = people.cityOf(id) * Vocabulary.INDUSTRIES.size() + people.industryOf(id);
            sizes[bucketOf[id]]++;
        }
        int[][] groups = new int[buckets][];
        for (int g = 0; g < buckets; g++) {
            groups[g] = new int[sizes[g]];
            sizes[g] = 0;
        }
        for (int id = 1; id <= options.members(); id++) {
            groups[bucketOf[id]][sizes[bucketOf[id]]++] = id;
        }
        return groups;
    }

    /** Any member, older ones more often. */
    private int skewedMember(SplittableRandom random) {
        return 1 + (int) (options.members() * Math.pow(random.nextDouble(), 1.35));
    }

    private static int pick(SplittableRandom random, int[] from) {
        return from[random.nextInt(from.length)];
    }

    // --- favors -----------------------------------------------------------------------------

    /**
     * Favors over two years, more of them lately: most between connections (a fifth of the pairs carry half
     * of them), some with strangers of the same circle; mostly confirmed, recent ones often still pending, a
     * few disputed; over half of the confirmed ones thanked. Each has its RECORDED event, and its answer's.
     */
    private void favors() throws SQLException {
        int n = options.members();
        int[][] groups = groups();
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0xFA_0000_0000L);
        // three tables at once, the favor, its events and its thanks, each on its own connection and COPY
        CopyRows exchange = copy("exchange", "id, public_id, recorder_id, counterpart_id, direction, kind, description,"
                + " weight, occurred_on, status, dispute_reason, created_at, status_changed_at");
        CopyRows history = copy("exchange_event", "id, exchange_id, actor_id, event, detail, at");
        CopyRows notes = copy("thanks", "exchange_id, author_id, note, created_at");
        int pairs = connectionPairs.length;
        long eventId = 0;
        for (int id = 1; id <= options.favors(); id++) {
            int a;
            int b;
            if (random.nextInt(100) < 85) {
                long key = connectionPairs[random.nextBoolean() ? random.nextInt(pairs / 5) : random.nextInt(pairs)];
                a = (int) (key / (n + 1L));
                b = (int) (key % (n + 1L));
            } else {
                a = skewedMember(random);
                b = pick(random, groups[people.cityOf(a) * Vocabulary.INDUSTRIES.size() + people.industryOf(a)]);
                if (a == b) {
                    b = a == n ? 1 : a + 1;
                }
            }
            boolean aGives = random.nextBoolean();
            int giver = aGives ? a : b;
            int receiver = aGives ? b : a;
            boolean recordedByReceiver = random.nextInt(10) < 4;
            int recorder = recordedByReceiver ? receiver : giver;
            int counterpart = recordedByReceiver ? giver : receiver;
            int span = Math.min(730, Math.min(people.joinedDaysAgo(a), people.joinedDaysAgo(b)));
            int daysAgo = (int) (span * Math.pow(random.nextDouble(), 1.6));
            String kind = kind(random);
            int weight = weight(random);
            int s = random.nextInt(1000);
            String status = daysAgo < 14 && s < 300 || s < 30 ? "PENDING" : s < 45 ? "DISPUTED" : "CONFIRMED";
            String recordedAt = daysAgo == 0 ? timestamp(0, "00:30:00") : timestamp(daysAgo, "18:00:00");
            String answeredAt = "PENDING".equals(status) ? recordedAt
                    : daysAgo <= 1 ? timestamp(0, "01:00:00") : timestamp(daysAgo - 1, "09:30:00");
            String reason = "DISPUTED".equals(status) ? "That is not how I remember it: we only talked briefly." : null;
            String skill = Vocabulary.INDUSTRIES.get(people.industryOf(giver)).skills()
                    .get(random.nextInt(Vocabulary.INDUSTRIES.get(people.industryOf(giver)).skills().size()));
            exchange.add(id).add(People.uuid(random)).add(recorder).add(counterpart)
                    .add(recordedByReceiver ? "RECEIVED" : "GAVE").add(kind).add(description(kind, skill))
                    .add(weight).raw(dates[daysAgo]).add(status).add(reason).raw(recordedAt).raw(answeredAt);
            exchange.endRow();
            history.add(++eventId).add(id).add(recorder).add("RECORDED").addNull().raw(recordedAt);
            history.endRow();
            if (!"PENDING".equals(status)) {
                history.add(++eventId).add(id).add(counterpart).add(status).add(reason).raw(answeredAt);
                history.endRow();
            }
            if ("CONFIRMED".equals(status) && daysAgo > 3 && random.nextInt(100) < 55) {
                String at = timestamp(daysAgo - 1, "11:30:00");
                notes.add(id).add(receiver).add(thanksNote(random, skill)).raw(at);
                notes.endRow();
                history.add(++eventId).add(id).add(receiver).add("THANKED").addNull().raw(at);
                history.endRow();
            }
        }
        done("exchange", exchange);
        done("exchange_event", history);
        done("thanks", notes);
    }

    private static String kind(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int i = 0; i < KINDS.length; i++) {
            r -= KIND_WEIGHTS[i];
            if (r < 0) {
                return KINDS[i];
            }
        }
        return KINDS[KINDS.length - 1];
    }

    private static int weight(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 25 ? 1 : r < 60 ? 2 : r < 85 ? 3 : r < 95 ? 4 : 5;
    }

    private static String description(String kind, String skill) {
        return switch (kind) {
            case "INTRODUCTION" -> "Introduction to someone who knows " + skill + " inside out";
            case "REFERRAL" -> "Referral to a client looking for " + skill;
            case "JOB_LEAD" -> "Heads-up about an opening that needs " + skill;
            case "ADVICE" -> "Advice on " + skill + " over coffee";
            case "MENTORING" -> "Mentoring session on " + skill;
            case "FEEDBACK" -> "Feedback on a draft about " + skill;
            case "ENDORSEMENT" -> "Endorsed for " + skill;
            case "RECOMMENDATION" -> "Written recommendation mentioning " + skill;
            case "RESOURCE" -> "Shared a reading list on " + skill;
            case "PROMOTION" -> "Shared a talk on " + skill + " with their followers";
            case "COLLABORATION" -> "Worked together on a " + skill + " side project";
            default -> "Helped out with " + skill;
        };
    }

    private static String thanksNote(SplittableRandom random, String skill) {
        return switch (random.nextInt(4)) {
            case 0 -> "Thank you, this made a real difference.";
            case 1 -> "Thanks a lot for the help with " + skill + "!";
            case 2 -> "Much appreciated. I owe you one.";
            default -> "Thank you for taking the time.";
        };
    }

    // --- asks, offers, opportunities, pledges ------------------------------------------------

    /**
     * Open asks from the last month (30 days to run), open offers and opportunities, and older asks that were
     * fulfilled, closed or left to expire; pledges on some open asks by members of the asker's industry.
     */
    private void postings() throws SQLException {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0xA5C5_0000L);
        CopyRows posting = copy("posting", "id, public_id, owner_id, kind, title, details, visibility, commercial,"
                + " expires_on, status, created_at, status_changed_at");
        CopyRows tags = copy("posting_tag", "posting_id, position, tag");
        CopyRows pledge = copy("pledge", "id, public_id, ask_id, helper_id, note, due_on, status, created_at,"
                + " status_changed_at, active_key");
        int openAsks = options.openAsks();
        int offers = openAsks / 2;
        int opportunities = openAsks / 6;
        int oldAsks = openAsks * 2;
        int[][] groups = groups();
        long pledgeId = 0;
        int id = 0;
        for (int i = 0; i < openAsks + offers + opportunities + oldAsks; i++) {
            id++;
            int owner = skewedMember(random);
            People.Person p = people.person(owner);
            String kind = i < openAsks || i >= openAsks + offers + opportunities ? "ASK"
                    : i < openAsks + offers ? "OFFER" : "OPPORTUNITY";
            boolean old = i >= openAsks + offers + opportunities;
            int age = old ? 30 + random.nextInt(Math.max(1, Math.min(700, p.joinedDaysAgo()) - 29))
                    : random.nextInt(Math.max(1, Math.min(kind.equals("ASK") ? 29 : 50, p.joinedDaysAgo())));
            int lifetime = switch (kind) {
                case "ASK" -> 30;
                case "OFFER" -> 90;
                default -> 60;
            };
            Vocabulary.Industry field = random.nextInt(4) == 0
                    ? Vocabulary.INDUSTRIES.get(random.nextInt(Vocabulary.INDUSTRIES.size())) : p.industry();
            List<String> topic = People.sample(random, field.skills(), 2);
            String title;
            String details;
            switch (kind) {
                case "ASK" -> {
                    title = "Looking for help with " + topic.get(0) + (random.nextBoolean() ? "" : " and " + topic.get(1));
                    details = "I am a " + p.role().toLowerCase(Locale.ROOT) + " in " + p.city().name() + " and would value"
                            + " an hour with someone who has done " + topic.get(0) + " before; " + topic.get(1)
                            + " experience would help too.";
                }
                case "OFFER" -> {
                    title = "Offering " + topic.get(0) + " sessions for the community";
                    details = "Twice a month I can spend an hour on " + topic.get(0) + " or " + topic.get(1)
                            + " questions, free for members.";
                }
                default -> {
                    title = "Opening: " + field.roles().get(random.nextInt(field.roles().size())) + " in " + p.city().name();
                    details = "We are hiring someone strong in " + topic.get(0) + " and " + topic.get(1) + ".";
                }
            }
            String status = !old ? "OPEN" : switch (random.nextInt(3)) {
                case 0 -> "FULFILLED";
                case 1 -> "CLOSED";
                default -> "OPEN";
            };
            String created = timestamp(age, "10:15:00");
            String changed = "OPEN".equals(status) ? created : timestamp(Math.max(0, age - 7), "16:00:00");
            posting.add(id).add(People.uuid(random)).add(owner).add(kind).add(title).add(details)
                    .add(random.nextInt(10) == 0 ? "CONNECTIONS" : "COMMUNITY").add(false)
                    .raw(options.today().minusDays(age).plusDays(lifetime).toString()).add(status).raw(created).raw(changed);
            posting.endRow();
            for (int t = 0; t < topic.size(); t++) {
                tags.add(id).add(t).add(topic.get(t));
                tags.endRow();
            }
            if ("ASK".equals(kind) && !old && random.nextInt(6) == 0) {
                int helper = pick(random, groups[people.cityOf(owner) * Vocabulary.INDUSTRIES.size() + people.industryOf(owner)]);
                if (helper != owner) {
                    pledge.add(++pledgeId).add(People.uuid(random)).add(id).add(helper)
                            .add("Happy to help: I did " + topic.get(0) + " last year.")
                            .raw(options.today().plusDays(1 + random.nextInt(14)).toString()).add("PLEDGED")
                            .raw(timestamp(Math.max(0, age - 1), "20:00:00")).raw(timestamp(Math.max(0, age - 1), "20:00:00"))
                            .add(id + ":" + helper);
                    pledge.endRow();
                }
            }
        }
        done("posting", posting);
        done("posting_tag", tags);
        done("pledge", pledge);
    }

    // --- helpers ----------------------------------------------------------------------------

    private String timestamp(int daysAgo, String time) {
        return dates[daysAgo] + " " + time + "+00";
    }

    private Connection connect() throws SQLException {
        Connection db = DriverManager.getConnection(options.url(), options.user(), options.password());
        try (Statement st = db.createStatement()) {
            st.execute("set synchronous_commit = off");
        }
        return db;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    /** A set of positive longs (open addressing, no boxing): five million pairs in 128 MB rather than 400. */
    static final class LongSet {
        private long[] slots;
        private int size;

        LongSet(int expected) {
            slots = new long[Integer.highestOneBit(Math.max(16, expected * 2)) << 1];
        }

        void add(long key) {
            int mask = slots.length - 1;
            int i = (int) (mix(key) & mask);
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            size++;
        }

        int size() {
            return size;
        }

        long[] toSortedArray() {
            long[] out = new long[size];
            int j = 0;
            for (long key : slots) {
                if (key != 0) {
                    out[j++] = key;
                }
            }
            Arrays.sort(out);
            return out;
        }

        private static long mix(long key) {
            key ^= key >>> 33;
            key *= 0xff51afd7ed558ccdL;
            key ^= key >>> 33;
            return key;
        }
    }

}
