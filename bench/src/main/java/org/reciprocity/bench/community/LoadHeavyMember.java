package org.reciprocity.bench.community;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * One heavy member for the page benchmark (issue 11): 10,000 private contacts, 50,000 favors and 20,000
 * interactions, with 1,000 connected members to exchange favors with, loaded with COPY into an empty
 * PostgreSQL database after the server's migrations, up to {@code --schema=N} (16 is the schema before issue
 * 11, so that the previous build can run on the same rows; the columns written exist in both). The heavy member
 * is member 1, {@code heavy@bench.test}, password {@link LoadCommunity#PASSWORD}, and the community's admin.
 */
public final class LoadHeavyMember {

    static final int MEMBERS = 1_000;
    static final int CONTACTS = 10_000;
    static final int FAVORS = 50_000;
    static final int INTERACTIONS = 20_000;
    static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dmitri", "Esi", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemi", "Luca", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wei", "Yara"};
    static final String[] LAST = {"Silva", "Okafor", "Dubois", "Ivanova", "Mensah", "Haddad", "Kim", "Sato", "Costa",
        "Weber", "Adeyemi", "Rossi", "Lin", "Karimi", "Farouk", "Sharma", "Byrne", "Lopez", "Berg", "Aziz"};
    static final String[] KINDS = {"ADVICE", "INTRODUCTION", "REFERRAL", "FEEDBACK", "MENTORING", "RECOMMENDATION"};
    static final String[] INTERACTION_KINDS = {"MEETING", "CALL", "MESSAGE", "EVENT"};

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String url = given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/heavy");
        String user = given.getOrDefault("user", "reciprocity");
        String password = given.getOrDefault("password", "bench");
        LocalDate today = LocalDate.parse(given.getOrDefault("today", LocalDate.now().toString()));
        String schema = given.getOrDefault("schema", "latest");
        var flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (!schema.equals("latest")) {
            flyway.target(schema);
        }
        flyway.load().migrate();
        Random random = new Random(11);
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            try (Statement st = db.createStatement()) {
                if (count(st, "select count(*) from member") > 0) {
                    throw new IllegalStateException("Load into an empty database.");
                }
                st.execute("insert into community_setting (name, setting_value) values ('first_admin', '1') on conflict do nothing");
            }
            String joined = today.minusYears(4) + " 09:00:00+00";
            // one COPY per table, each committed before the next: the later tables refer to the members
            try (CopyRows member = copy(url, user, password, "member",
                    "id, public_id, email, display_name, password_hash, role, status, created_at, password_changed_at")) {
                for (int id = 1; id <= MEMBERS + 1; id++) {
                    member.add(id).add(UUID.nameUUIDFromBytes(("m" + id).getBytes()).toString())
                            .add(id == 1 ? "heavy@bench.test" : "m" + id + "@bench.test").add(id == 1 ? "Hannah Heavy" : name(id))
                            .add(LoadCommunity.PASSWORD_HASH).add(id == 1 ? "ADMIN" : "MEMBER").add("ACTIVE").raw(joined).raw(joined);
                    member.endRow();
                }
            }
            try (CopyRows profile = copy(url, user, password, "profile", "member_id, headline, industry, updated_at");
                 CopyRows locks = copy(url, user, password, "member_lock", "member_id")) {
                for (int id = 1; id <= MEMBERS + 1; id++) {
                    profile.add(id).add("Works on " + KINDS[id % KINDS.length].toLowerCase() + " in logistics").add("Logistics")
                            .raw(joined);
                    profile.endRow();
                    locks.add(id);
                    locks.endRow();
                }
            }
            try (CopyRows connection = copy(url, user, password, "connection", "member_low, member_high, since")) {
                for (int id = 2; id <= MEMBERS + 1; id++) {
                    connection.add(1).add(id).raw(joined);
                    connection.endRow();
                }
            }
            try (CopyRows contact = copy(url, user, password, "contact",
                    "id, public_id, owner_id, name, email, company, position, tier, created_at, updated_at")) {
                for (int c = 1; c <= CONTACTS; c++) {
                    String tier = c <= 200 ? "INNER_CIRCLE" : c <= 2_000 ? "CLOSE" : "ACQUAINTANCE";
                    String created = today.minusDays(30 + random.nextInt(1_400)) + " 10:00:00+00";
                    contact.add(c).add(UUID.nameUUIDFromBytes(("c" + c).getBytes()).toString()).add(1).add(name(c + 7) + " " + c)
                            .add("contact" + c + "@example.org").add("Company " + (c % 300)).add("Engineer").add(tier)
                            .raw(created).raw(created);
                    contact.endRow();
                }
            }
            try (CopyRows exchange = copy(url, user, password, "exchange", "id, public_id, recorder_id, counterpart_id, "
                    + "contact_id, direction, kind, description, weight, occurred_on, status, created_at, status_changed_at")) {
                for (int f = 1; f <= FAVORS; f++) {
                    LocalDate on = today.minusDays(random.nextInt(1_100));
                    String at = on + " 12:00:00+00";
                    boolean withContact = f % 5 < 2;
                    int weight = 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.5));
                    String direction = random.nextBoolean() ? "GAVE" : "RECEIVED";
                    exchange.add(f).add(UUID.nameUUIDFromBytes(("x" + f).getBytes()).toString());
                    if (withContact) {
                        exchange.add(1).addNull().add(1 + random.nextInt(CONTACTS)).add(direction);
                    } else {
                        int other = 2 + random.nextInt(MEMBERS);
                        boolean heavyRecorded = random.nextBoolean();
                        exchange.add(heavyRecorded ? 1 : other).add(heavyRecorded ? other : 1).addNull().add(direction);
                    }
                    exchange.add(KINDS[f % KINDS.length]).add("Favor number " + f + ": an answer, a lead or an introduction")
                            .add(weight).raw(on.toString())
                            .add(withContact ? "PRIVATE" : f % 50 == 0 ? "PENDING" : "CONFIRMED").raw(at).raw(at);
                    exchange.endRow();
                }
            }
            try (CopyRows interaction = copy(url, user, password, "interaction",
                    "public_id, owner_id, member_id, contact_id, kind, occurred_on, note, created_at")) {
                for (int i = 1; i <= INTERACTIONS; i++) {
                    LocalDate on = today.minusDays(random.nextInt(1_100));
                    interaction.add(UUID.nameUUIDFromBytes(("i" + i).getBytes()).toString()).add(1);
                    if (i % 4 == 0) {
                        interaction.add(2 + random.nextInt(MEMBERS)).addNull();
                    } else {
                        interaction.addNull().add(1 + random.nextInt(CONTACTS));
                    }
                    interaction.add(INTERACTION_KINDS[i % INTERACTION_KINDS.length]).raw(on.toString())
                            .add("Talked about the next project").raw(on + " 18:00:00+00");
                    interaction.endRow();
                }
            }
            try (Statement st = db.createStatement()) {
                for (String table : new String[] {"member", "contact", "exchange"}) {
                    st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
                }
                st.execute("vacuum (analyze)");
            }
        }
        System.out.printf("Loaded the heavy member (%,d contacts, %,d favors, %,d interactions, %,d members) in %.1f s%n",
                CONTACTS, FAVORS, INTERACTIONS, MEMBERS, (System.nanoTime() - start) / 1e9);
    }

    private static String name(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
    }

    private static long count(Statement st, String sql) throws SQLException {
        var rs = st.executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    private static CopyRows copy(String url, String user, String password, String table, String columns) throws SQLException {
        Connection db = DriverManager.getConnection(url, user, password);
        db.setAutoCommit(false);
        return new CopyRows(db, table, columns);
    }
}
