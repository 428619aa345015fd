package org.reciprocity.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency_record table: one row per key and caller, holding the answer once the request ran. */
@Repository
class IdempotencyRows {

    /** A key's record: the request it was first used for, and the answer (status 0 while it runs). */
    record Stored(String requestHash, int status, String contentType, String body) {}

    private final JdbcClient jdbc;

    IdempotencyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; false when it was claimed before (the row then waits for its transaction). */
    boolean claim(String scope, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                insert into idempotency_record (scope, idem_key, request_hash, status, created_at)
                values (:scope, :key, :hash, 0, :now) on conflict do nothing
                """).param("scope", scope).param("key", key).param("hash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    void answer(String scope, String key, int status, String contentType, String body) {
        jdbc.sql("""
                update idempotency_record set status = :status, content_type = :type, body = :body
                where scope = :scope and idem_key = :key
                """).param("status", status).param("type", contentType).param("body", body)
                .param("scope", scope).param("key", key).update();
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                select request_hash, status, content_type, body from idempotency_record
                where scope = :scope and idem_key = :key
                """).param("scope", scope).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void forgetBefore(Instant cutoff) {
        jdbc.sql("delete from idempotency_record where created_at < :cutoff").param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
