package org.reciprocity.member;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.reciprocity.security.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use invite links for an invite-only community. Only a hash of the code is stored, so a
 * copy of the database does not hand out working links.
 */
@Repository
public class InviteRows {

    public static final Duration VALIDITY = Duration.ofDays(14);

    private final JdbcClient jdbc;

    InviteRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Created(String id, String code, Instant expiresAt) {}

    public record Invite(String id, Instant createdAt, Instant expiresAt, boolean used) {}

    public Created create(long createdBy, Instant now) {
        String code = Secrets.randomToken(16);
        String id = UUID.randomUUID().toString();
        Instant expires = now.plus(VALIDITY);
        jdbc.sql("""
                insert into invite (public_id, code_hash, created_by, created_at, expires_at)
                values (:id, :hash, :by, :now, :expires)
                """)
                .param("id", id).param("hash", Secrets.sha256(code)).param("by", createdBy)
                .param("now", MemberRows.utc(now)).param("expires", MemberRows.utc(expires)).update();
        return new Created(id, code, expires);
    }

    /** Marks the invite used by {@code memberId}; false if the code is unknown, used or expired. */
    boolean redeem(String code, long memberId, Instant now) {
        return jdbc.sql("""
                update invite set used_by = :member, used_at = :now
                where code_hash = :hash and used_at is null and expires_at > :now
                """)
                .param("member", memberId).param("now", MemberRows.utc(now)).param("hash", Secrets.sha256(code))
                .update() == 1;
    }

    boolean isRedeemable(String code, Instant now) {
        return jdbc.sql("select count(*) from invite where code_hash = :hash and used_at is null and expires_at > :now")
                .param("hash", Secrets.sha256(code)).param("now", MemberRows.utc(now))
                .query(Long.class).single() > 0;
    }

    public List<Invite> recent(int limit) {
        return jdbc.sql("select public_id, created_at, expires_at, used_at from invite order by id desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Invite(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4) != null))
                .list();
    }
}
