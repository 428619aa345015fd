package org.reciprocity.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign_in_throttle and sign_in_known_address tables: failure counters, and the addresses members sign in from. */
@Repository
class SignInThrottleRows {

    /** Failures counted under a key, and when the next attempt may run. */
    record Counter(int failures, Instant nextAllowedAt) {}

    private final JdbcClient jdbc;

    SignInThrottleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key's counter, created at zero if missing, locked until the transaction ends. */
    Counter lockCounter(String key, Instant never, Instant now) {
        jdbc.sql("""
                insert into sign_in_throttle (throttle_key, failures, next_allowed_at, updated_at)
                values (:k, 0, :never, :now) on conflict do nothing
                """).param("k", key).param("never", utc(never)).param("now", utc(now)).update();
        return jdbc.sql("select failures, next_allowed_at from sign_in_throttle where throttle_key = :k for update")
                .param("k", key)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
    }

    void count(String key, int failures, Instant nextAllowedAt, Instant now) {
        jdbc.sql("""
                update sign_in_throttle set failures = :f, next_allowed_at = :next, updated_at = :now
                where throttle_key = :k
                """).param("f", failures).param("next", utc(nextAllowedAt)).param("now", utc(now)).param("k", key).update();
    }

    void clear(List<String> keys) {
        jdbc.sql("delete from sign_in_throttle where throttle_key in (:keys)").param("keys", keys).update();
    }

    /** Records (or refreshes) a successful sign-in of the member from the address. */
    void rememberAddress(long memberId, String addressHash, Instant now) {
        jdbc.sql("""
                insert into sign_in_known_address (member_id, address_hash, last_success_at)
                values (:m, :a, :now) on conflict do nothing
                """).param("m", memberId).param("a", addressHash).param("now", utc(now)).update();
        jdbc.sql("update sign_in_known_address set last_success_at = :now where member_id = :m and address_hash = :a")
                .param("m", memberId).param("a", addressHash).param("now", utc(now)).update();
    }

    boolean isKnownAddress(long memberId, String addressHash) {
        return jdbc.sql("select count(*) from sign_in_known_address where member_id = :m and address_hash = :a")
                .param("m", memberId).param("a", addressHash).query(Long.class).single() > 0;
    }

    /** Forgets counters idle since {@code idleSince} whose wait is over, and addresses unused since {@code unusedSince}. */
    void forget(Instant idleSince, Instant unusedSince, Instant now) {
        jdbc.sql("delete from sign_in_throttle where updated_at < :cutoff and next_allowed_at < :now")
                .param("cutoff", utc(idleSince)).param("now", utc(now)).update();
        jdbc.sql("delete from sign_in_known_address where last_success_at < :cutoff").param("cutoff", utc(unusedSince)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
