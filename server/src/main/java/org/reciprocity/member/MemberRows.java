package org.reciprocity.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.SearchWords;
import org.reciprocity.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The member table: accounts and their credentials. */
@Repository
public class MemberRows {

    private static final String COLUMNS = "id, public_id, email, display_name, role, status, created_at";

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored password hash with what sign-in needs to decide. */
    public record Credentials(Member member, String passwordHash) {}

    Member create(String email, String displayName, String passwordHash, Instant now) {
        String publicId = UUID.randomUUID().toString();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into member (public_id, email, display_name, password_hash, role, status, created_at, password_changed_at)
                values (:publicId, :email, :name, :hash, 'MEMBER', 'ACTIVE', :now, :now)
                """)
                .param("publicId", publicId).param("email", email).param("name", displayName)
                .param("hash", passwordHash).param("now", utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Member(id, publicId, email, displayName, Role.MEMBER, MemberStatus.ACTIVE, now);
    }

    void makeAdmin(long id) {
        jdbc.sql("update member set role = 'ADMIN' where id = :id").param("id", id).update();
    }

    public Optional<Member> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from member where id = :id").param("id", id)
                .query(MemberRows::map).optional();
    }

    public Optional<Member> byPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from member where public_id = :id").param("id", publicId)
                .query(MemberRows::map).optional();
    }

    public Optional<Credentials> credentialsByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from member where email = :email")
                .param("email", email)
                .query((rs, n) -> new Credentials(map(rs, n), rs.getString("password_hash"))).optional();
    }

    /** Members by internal id, for showing names next to ledger entries. */
    public Map<Long, Member> byIds(Collection<Long> ids) {
        Map<Long, Member> map = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(ids)) {
            jdbc.sql("select " + COLUMNS + " from member where id in (:ids)").param("ids", chunk)
                    .query(MemberRows::map).list().forEach(m -> map.put(m.id(), m));
        }
        return map;
    }

    public String passwordHashOf(long id) {
        return jdbc.sql("select password_hash from member where id = :id").param("id", id)
                .query(String.class).single();
    }

    public void changePasswordHash(long id, String hash, Instant now) {
        jdbc.sql("update member set password_hash = :hash, password_changed_at = :now where id = :id")
                .param("hash", hash).param("now", utc(now)).param("id", id).update();
    }

    /** Replaces the hash only if it is still the one that was verified (a rehash must not undo a change). */
    public void upgradePasswordHash(long id, String oldHash, String newHash) {
        jdbc.sql("update member set password_hash = :new where id = :id and password_hash = :old")
                .param("new", newHash).param("old", oldHash).param("id", id).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update member set display_name = :name where id = :id")
                .param("name", displayName).param("id", id).update();
    }

    /**
     * Deletes the account. Its profile, contacts, tokens, connections and requests go with it (foreign
     * keys cascade); ledger entries stay with the counterpart, the deleted party becoming null.
     */
    public void delete(long id) {
        jdbc.sql("delete from member where id = :id").param("id", id).update();
    }

    /** A suspended account as the admin page lists it. */
    public record Suspension(Member member, Instant suspendedAt, String suspendedBy, String reason) {}

    /** Suspends an active account; false when it was not active (already suspended, or gone). */
    boolean suspend(long id, long adminId, String reason, Instant now) {
        return jdbc.sql("""
                update member set status = 'SUSPENDED', suspended_at = :now, suspended_by = :admin, suspension_reason = :reason
                where id = :id and status = 'ACTIVE'
                """)
                .param("id", id).param("admin", adminId).param("reason", reason).param("now", utc(now)).update() == 1;
    }

    /** Lifts a suspension; false when the account was not suspended. The record of it goes with it. */
    boolean unsuspend(long id) {
        return jdbc.sql("""
                update member set status = 'ACTIVE', suspended_at = null, suspended_by = null, suspension_reason = null
                where id = :id and status = 'SUSPENDED'
                """)
                .param("id", id).update() == 1;
    }

    Optional<Suspension> suspensionOf(long id) {
        return jdbc.sql(SUSPENSIONS + " where m.id = :id and m.status = 'SUSPENDED'").param("id", id)
                .query(MemberRows::mapSuspension).optional();
    }

    /** The most recently suspended accounts first. */
    List<Suspension> suspensions(int limit) {
        return jdbc.sql(SUSPENSIONS + " where m.status = 'SUSPENDED' order by m.suspended_at desc, m.id desc limit :limit")
                .param("limit", limit).query(MemberRows::mapSuspension).list();
    }

    private static final String SUSPENSIONS = """
            select m.id, m.public_id, m.email, m.display_name, m.role, m.status, m.created_at,
                   m.suspended_at, m.suspension_reason, a.display_name as suspended_by
            from member m left join member a on a.id = m.suspended_by""";

    private static Suspension mapSuspension(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject("suspended_at", OffsetDateTime.class);
        return new Suspension(map(rs, row), at == null ? null : at.toInstant(), rs.getString("suspended_by"),
                rs.getString("suspension_reason"));
    }

    /** Every active member's id, in sign-up order. */
    /** When each member joined, of those who joined after {@code since}: the dashboard's growth by month. */
    public List<Instant> joinedAfter(Instant since) {
        return jdbc.sql("select created_at from member where created_at > :since").param("since", utc(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    public List<Long> activeIds() {
        return jdbc.sql("select id from member where status = 'ACTIVE' order by id").query(Long.class).list();
    }

    /** Every active admin's id. */
    public List<Long> activeAdminIds() {
        return jdbc.sql("select id from member where role = 'ADMIN' and status = 'ACTIVE' order by id").query(Long.class).list();
    }

    public long countAdmins() {
        return jdbc.sql("select count(*) from member where role = 'ADMIN' and status = 'ACTIVE'").query(Long.class).single();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from member where email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    /** Active members in sign-up order, after the member with internal id {@code afterId}. */
    List<Member> pageAfter(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from member where id > :after and status = 'ACTIVE' order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(MemberRows::map).list();
    }

    /**
     * Active members whose name or profile (headline, skills, industry, location, culture) holds every word,
     * after {@code afterId} in sign-up order, or going back from {@code beforeId} (newest first) when it is set.
     * Visibility is not checked here: the caller keeps those whose match lies in fields the viewer may see.
     *
     * @param cultures per word, the culture regions whose name holds it
     */
    List<Member> searchCandidates(SearchWords words, List<List<String>> cultures, long afterId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(prefixed("m.")).append("""
                 from member m left join profile p on p.member_id = m.id
                where m.status = 'ACTIVE' and m.id > :after""");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        if (beforeId != null) {
            sql.append(" and m.id < :before");
            params.put("before", beforeId);
        }
        for (int i = 0; i < words.words().size(); i++) {
            String w = ":w" + i + SearchWords.ESCAPE;
            sql.append(" and (lower(m.display_name) like ").append(w)
                    .append(" or lower(p.headline) like ").append(w)
                    .append(" or lower(p.industry) like ").append(w)
                    .append(" or lower(p.location) like ").append(w)
                    .append(" or exists (select 1 from profile_tag t where t.member_id = m.id and t.field = 'skills'")
                    .append(" and lower(t.tag) like ").append(w).append(")");
            if (!cultures.get(i).isEmpty()) {
                sql.append(" or p.culture in (:c").append(i).append(")");
                params.put("c" + i, cultures.get(i));
            }
            sql.append(")");
            params.put("w" + i, words.pattern(i));
        }
        sql.append(beforeId != null ? " order by m.id desc" : " order by m.id").append(" limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(MemberRows::map).list();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), rs.getString("public_id"), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
