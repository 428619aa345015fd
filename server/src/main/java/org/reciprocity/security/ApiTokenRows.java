package org.reciprocity.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_token table: tokens by the SHA-256 of their secret, never the secret itself. */
@Repository
class ApiTokenRows {

    /** An active token found by its hash: whose it is, which one, and when it was last used. */
    record Found(long memberId, String tokenId, Instant lastUsed) {}

    private final JdbcClient jdbc;

    ApiTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String publicId, long memberId, String name, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into api_token (public_id, member_id, name, token_hash, created_at)
                values (:id, :member, :name, :hash, :now)
                """)
                .param("id", publicId).param("member", memberId).param("name", name)
                .param("hash", tokenHash).param("now", utc(now)).update();
    }

    int countActive(long memberId) {
        return jdbc.sql("select count(*) from api_token where member_id = :m and revoked_at is null")
                .param("m", memberId).query(Integer.class).single();
    }

    List<ApiTokens.Token> active(long memberId) {
        return jdbc.sql("""
                select public_id, name, created_at, last_used_at from api_token
                where member_id = :m and revoked_at is null order by id desc
                """).param("m", memberId)
                .query((rs, n) -> new ApiTokens.Token(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), instant(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    int revokeAll(long memberId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where member_id = :m and revoked_at is null")
                .param("now", utc(now)).param("m", memberId).update();
    }

    boolean revoke(long memberId, String tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where public_id = :id and member_id = :m and revoked_at is null")
                .param("now", utc(now)).param("id", tokenId).param("m", memberId).update() == 1;
    }

    Optional<Found> activeByHash(String tokenHash) {
        return jdbc.sql("""
                select member_id, public_id, last_used_at from api_token
                where token_hash = :hash and revoked_at is null
                """).param("hash", tokenHash)
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class))))
                .optional();
    }

    void touch(String tokenHash, Instant now) {
        jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
                .param("now", utc(now)).param("hash", tokenHash).update();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
