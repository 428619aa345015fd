package org.reciprocity.bench.community;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reciprocity.synthetic.Vocabulary;

/**
 * Makes the load test's members on a loaded community, through the running server's API where the server's
 * own rules matter (sign-up with an argon2 hash, a token stored hashed, a profile and two asks that reach
 * the match index), and with SQL for the history around them that the API could only build over months:
 * connections to loaded members and to each other, favors both ways (confirmed, thanked or not, pending,
 * disputed), private contacts overdue for a touch, recent meetings, and cadences, so that every read of
 * the load test has real work. Writes one CSV row per member (e-mail, id, token, ask, partner) for the
 * Gatling feeder. Members are {@code loadtest-NN@bench.test} with the password {@value #PASSWORD}.
 *
 * <p>The server must accept {@code --count} sign-ups from 127.0.0.1 within the hour
 * ({@code RECIPROCITY_LIMITS_SIGNUPS_PER_HOUR_PER_ADDRESS}). Running it again reuses the accounts, issues
 * new tokens and leaves the history as it is.
 */
public final class PrepareLoadTest {

    static final String PASSWORD = "loadtest-reciprocity-2026";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private record Member(int index, String email, String publicId, long id, String token, String askId) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;

    private PrepareLoadTest(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String api = given.getOrDefault("api", "http://127.0.0.1:8081");
        String url = given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/reciprocity");
        int count = Integer.parseInt(given.getOrDefault("count", "60"));
        Path out = Path.of(given.getOrDefault("out", "bench/target/loadtest-members.csv"));
        long seed = Long.parseLong(given.getOrDefault("seed", "14"));
        try (Connection db = DriverManager.getConnection(url, given.getOrDefault("user", "reciprocity"),
                given.getOrDefault("password", "bench"))) {
            new PrepareLoadTest(api).run(db, count, seed, out);
        }
    }

    private void run(Connection db, int count, long seed, Path out) throws Exception {
        long loaded = count(db, "select count(*) from member where email like '%@community.bench.test'");
        if (loaded < 1000) {
            throw new IllegalStateException("Load the community first (LoadCommunity): only " + loaded + " loaded members.");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + i);
            String email = String.format("loadtest-%02d@bench.test", i);
            post("/api/v1/accounts", null, """
                    {"email": "%s", "password": "%s", "displayName": "Load Test %02d"}""".formatted(email, PASSWORD, i), 201, 409);
            String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String token = match(TOKEN, post("/api/v1/tokens", basic, "{\"name\": \"load test\"}", 201));
            String bearer = "Bearer " + token;
            Vocabulary.City city = Vocabulary.CITIES.get(i % Vocabulary.CITIES.size());
            Vocabulary.Industry industry = Vocabulary.INDUSTRIES.get(i % Vocabulary.INDUSTRIES.size());
            List<String> skills = People.sample(random, industry.skills(), 5);
            put("/api/v1/me/profile", bearer, """
                    {"headline": "%s at a load-tested company", "bio": "I test how %s holds up under load and help with %s.",
                     "skills": [%s], "interests": ["Open source", "Mentoring juniors"], "industry": "%s", "location": "%s",
                     "timeZone": "UTC", "culture": "%s", "languages": ["English"], "openTo": ["MENTORING", "INTRODUCTIONS"],
                     "capacityPerMonth": 40, "givingPaused": false}""".formatted(industry.roles().get(0), skills.get(0),
                    skills.get(1), skills.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")),
                    industry.name(), city.name(), city.culture().name()));
            // asks about another industry's skills, so that the matcher looks across the whole community
            Vocabulary.Industry other = Vocabulary.INDUSTRIES.get((i + 5) % Vocabulary.INDUSTRIES.size());
            List<String> topic = People.sample(random, other.skills(), 2);
            String ask = match(ID, post("/api/v1/asks", bearer, """
                    {"title": "Looking for help with %s and %s", "details": "Our team is new to %s; an hour with someone who has done it would save us weeks.",
                     "tags": ["%s", "%s"]}""".formatted(topic.get(0), topic.get(1), topic.get(0), topic.get(0), topic.get(1)), 201));
            post("/api/v1/asks", bearer, """
                    {"title": "Feedback on a %s talk", "details": "I am giving a talk on %s next month and would love a dry run with an expert.",
                     "tags": ["%s"]}""".formatted(skills.get(2), skills.get(2), skills.get(2)), 201);
            String me = get("/api/v1/me", bearer);
            String publicId = match(ID, me);
            long id = count(db, "select id from member where public_id = '" + publicId + "'");
            members.add(new Member(i, email, publicId, id, token, ask));
        }
        for (Member m : members) {
            if (count(db, "select count(*) from contact where owner_id = " + m.id()) == 0) {
                surround(db, m, members, seed, today);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder csv = new StringBuilder("email,memberId,token,askId,partnerMemberId,partnerToken,searchTerm\n");
        for (Member m : members) {
            Member partner = members.get(partnerOf(m.index() - 1, members.size()));
            Vocabulary.Industry industry = Vocabulary.INDUSTRIES.get((m.index() + 3) % Vocabulary.INDUSTRIES.size());
            csv.append(String.join(",", m.email(), m.publicId(), m.token(), m.askId(), partner.publicId(), partner.token(),
                    industry.skills().get(m.index() % industry.skills().size()).replace(' ', '+'))).append('\n');
        }
        Files.writeString(out, csv);
        System.out.printf("%d load-test members ready; feeder written to %s%n", members.size(), out.toAbsolutePath());
    }

    /** The member's history: connections, favors with loaded members, contacts, meetings, cadences. */
    private static void surround(Connection db, Member m, List<Member> all, long seed, LocalDate today) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 1009 + m.index());
        long loaded = count(db, "select max(id) from member where email like '%@community.bench.test'");
        // a circle of loaded members: 40 within a narrow id range (a cohort), connected to the member
        long base = 1 + random.nextLong(loaded - 5000);
        List<Long> circle = new ArrayList<>();
        while (circle.size() < 40) {
            long other = base + random.nextInt(5000);
            if (!circle.contains(other)) {
                circle.add(other);
            }
        }
        db.setAutoCommit(false);
        try (PreparedStatement connect = db.prepareStatement("""
                insert into connection (member_low, member_high, since) values (?, ?, now() - make_interval(days => ?))
                on conflict do nothing""")) {
            List<Long> peers = new ArrayList<>(circle);
            peers.add(all.get(partnerOf(m.index() - 1, all.size())).id());
            for (int k = 1; k <= 3; k++) {
                peers.add(all.get((m.index() - 1 + k * 7) % all.size()).id());
            }
            for (long other : peers) {
                if (other != m.id()) {
                    connect.setLong(1, Math.min(m.id(), other));
                    connect.setLong(2, Math.max(m.id(), other));
                    connect.setInt(3, 30 + random.nextInt(600));
                    connect.addBatch();
                }
            }
            connect.executeBatch();
        }
        try (PreparedStatement favor = db.prepareStatement("""
                insert into exchange (public_id, recorder_id, counterpart_id, direction, kind, description, weight, occurred_on,
                                      status, dispute_reason, created_at, status_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date + time '18:00', ?::date + time '18:00' + interval '15' hour)""",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement event = db.prepareStatement(
                     "insert into exchange_event (exchange_id, actor_id, event, detail, at) values (?, ?, ?, ?, now())");
             PreparedStatement thanks = db.prepareStatement(
                     "insert into thanks (exchange_id, author_id, note, created_at) values (?, ?, 'Thank you, that helped.', now())")) {
            String[] kinds = {"ADVICE", "INTRODUCTION", "FEEDBACK", "REFERRAL", "MENTORING", "RESOURCE"};
            for (int f = 0; f < 60; f++) {
                long other = circle.get(random.nextInt(circle.size()));
                // 0-24 given by the member, 25-44 received, 45-49 pending from others, 50-54 pending by the member, 55+ disputed
                boolean memberGives = f < 25 || f >= 50 && f < 55 || f >= 55 && random.nextBoolean();
                boolean memberRecords = f < 25 || f >= 50 || f >= 25 && f < 45 && random.nextInt(3) == 0;
                String status = f < 45 ? "CONFIRMED" : f < 55 ? "PENDING" : "DISPUTED";
                int daysAgo = f >= 45 && f < 55 ? random.nextInt(10) + 1 : 4 + random.nextInt(400);
                long recorder = memberRecords ? m.id() : other;
                long counterpart = memberRecords ? other : m.id();
                boolean recorderGave = memberRecords == memberGives;
                favor.setString(1, UUID.randomUUID().toString());
                favor.setLong(2, recorder);
                favor.setLong(3, counterpart);
                favor.setString(4, recorderGave ? "GAVE" : "RECEIVED");
                favor.setString(5, kinds[random.nextInt(kinds.length)]);
                favor.setString(6, "Load-test favor " + (f + 1));
                favor.setInt(7, 1 + random.nextInt(5));
                favor.setObject(8, today.minusDays(daysAgo));
                favor.setString(9, status);
                favor.setString(10, "DISPUTED".equals(status) ? "I do not remember this one." : null);
                favor.setString(11, today.minusDays(daysAgo).toString());
                favor.setString(12, today.minusDays(daysAgo).toString());
                favor.executeUpdate();
                long exchangeId;
                try (ResultSet keys = favor.getGeneratedKeys()) {
                    keys.next();
                    exchangeId = keys.getLong(1);
                }
                addEvent(event, exchangeId, recorder, "RECORDED", null);
                if (!"PENDING".equals(status)) {
                    addEvent(event, exchangeId, counterpart, status, "DISPUTED".equals(status) ? "I do not remember this one." : null);
                }
                long receiver = recorderGave ? counterpart : recorder;
                // what the member received is thanked half of the time: the rest are "say thank you" items
                if ("CONFIRMED".equals(status) && (receiver != m.id() || random.nextBoolean())) {
                    thanks.setLong(1, exchangeId);
                    thanks.setLong(2, receiver);
                    thanks.addBatch();
                    addEvent(event, exchangeId, receiver, "THANKED", null);
                }
            }
            event.executeBatch();
            thanks.executeBatch();
        }
        try (PreparedStatement contact = db.prepareStatement("""
                insert into contact (public_id, owner_id, name, email, company, position, tier, linked_member_id,
                                     connected_on, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now() - interval '400' day, now())""", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement email = db.prepareStatement(
                     "insert into contact_email (contact_id, position, email, kind, preferred) values (?, 0, ?, 'WORK', true)");
             PreparedStatement meeting = db.prepareStatement("""
                     insert into interaction (public_id, owner_id, contact_id, kind, occurred_on, note, created_at)
                     values (?, ?, ?, ?, ?, 'Caught up about the project', now())""")) {
            String[] tiers = {"INNER_CIRCLE", "CLOSE", "ACQUAINTANCE"};
            for (int c = 0; c < 30; c++) {
                Vocabulary.City city = Vocabulary.CITIES.get(random.nextInt(Vocabulary.CITIES.size()));
                String name = People.pick(random, city.firstNames()) + " " + People.pick(random, city.lastNames());
                String address = "contact" + c + ".of" + m.index() + "@example.test";
                contact.setString(1, UUID.randomUUID().toString());
                contact.setLong(2, m.id());
                contact.setString(3, name);
                contact.setString(4, address);
                contact.setString(5, "Company " + (c % 9));
                contact.setString(6, "Partner");
                contact.setString(7, tiers[c % 3]);
                contact.setObject(8, c < 10 ? circle.get(c) : null);
                contact.setObject(9, today.minusDays(5 + random.nextInt(300)));
                contact.executeUpdate();
                long contactId;
                try (ResultSet keys = contact.getGeneratedKeys()) {
                    keys.next();
                    contactId = keys.getLong(1);
                }
                email.setLong(1, contactId);
                email.setString(2, address);
                email.addBatch();
                if (c % 6 == 0) {
                    meeting.setString(1, UUID.randomUUID().toString());
                    meeting.setLong(2, m.id());
                    meeting.setLong(3, contactId);
                    meeting.setString(4, c % 12 == 0 ? "MEETING" : "EVENT");
                    meeting.setObject(5, today.minusDays(3 + random.nextInt(20)));
                    meeting.addBatch();
                }
            }
            email.executeBatch();
            meeting.executeBatch();
        }
        try (Statement st = db.createStatement()) {
            st.execute("insert into cadence (owner_id, tier, ideal_days, max_days) values (" + m.id()
                    + ", 'CLOSE', 21, 60) on conflict do nothing");
            st.execute("insert into cadence (owner_id, tier, ideal_days, max_days) values (" + m.id()
                    + ", 'ACQUAINTANCE', 60, 120) on conflict do nothing");
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** Members pair up (0 with 1, 2 with 3 ...) to record and confirm favors; an odd last one pairs with the first. */
    private static int partnerOf(int index, int size) {
        int partner = index ^ 1;
        return partner < size ? partner : 0;
    }

    private static void addEvent(PreparedStatement event, long exchange, long actor, String what, String detail) throws SQLException {
        event.setLong(1, exchange);
        event.setLong(2, actor);
        event.setString(3, what);
        event.setString(4, detail);
        event.addBatch();
    }

    private String post(String path, String auth, String json, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path)).POST(HttpRequest.BodyPublishers.ofString(json)), auth, expected);
    }

    private String put(String path, String auth, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path)).PUT(HttpRequest.BodyPublishers.ofString(json)), auth, 200);
    }

    private String get(String path, String auth) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path)).GET(), auth, 200);
    }

    private String send(HttpRequest.Builder request, String auth, int... expected) throws IOException, InterruptedException {
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in " + body);
        }
        return m.group(1);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
