package org.reciprocity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.web.TooManyRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins slow down guessing without letting an attacker lock the owner out. Per account and
 * per client address, the first few failures are free; after that each attempt must wait twice as
 * long as the one before (1 s, 2 s, 4 s … up to {@code sign-in-max-backoff}) — never an hour-long
 * lock. An attempt is counted before its password is checked, inside one transaction that locks the
 * counters, so parallel attempts cannot overshoot. The account's back-off does not apply from an
 * address the owner signed in from before, so a stranger hammering the account does not keep its
 * owner out. Counters live in the database: every instance sees the same ones, and a restart forgets
 * nothing. E-mails and addresses are stored as HMACs under the server key.
 */
@Component
class LoginThrottle {

    private static final String MESSAGE = "Too many failed sign-in attempts. Wait %s and try again.";
    private static final Instant NEVER = Instant.EPOCH;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ServerKey key;
    private final Clock clock;
    private final ClusterLocks locks;
    private final int freeFailures;
    private final Duration maxBackoff;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate tx, ServerKey key, LimitsProperties limits, Clock clock,
                  ClusterLocks locks) {
        this.locks = locks;
        this.jdbc = jdbc;
        this.tx = tx;
        this.key = key;
        this.clock = clock;
        this.freeFailures = limits.signInFreeFailures();
        this.maxBackoff = limits.signInMaxBackoff();
    }

    /** A reserved attempt: counted as failed unless {@link #succeeded} is called. */
    final class Attempt {
        private final List<String> keys;
        private final String addressHash;

        private Attempt(List<String> keys, String addressHash) {
            this.keys = keys;
            this.addressHash = addressHash;
        }

        /** The password was right: the counters start again, and the address becomes one the owner uses. */
        void succeeded(long memberId) {
            Instant now = clock.instant();
            tx.executeWithoutResult(status -> {
                jdbc.sql("delete from sign_in_throttle where throttle_key in (:keys)").param("keys", keys).update();
                jdbc.sql("""
                        insert into sign_in_known_address (member_id, address_hash, last_success_at)
                        values (:m, :a, :now) on conflict do nothing
                        """).param("m", memberId).param("a", addressHash).param("now", utc(now)).update();
                jdbc.sql("update sign_in_known_address set last_success_at = :now where member_id = :m and address_hash = :a")
                        .param("m", memberId).param("a", addressHash).param("now", utc(now)).update();
            });
        }
    }

    /**
     * Reserves one attempt for the e-mail from the address, counting it as a failure until it succeeds.
     *
     * @param memberId the account the e-mail belongs to, or null when there is none (counted all the same)
     * @throws TooManyRequests while a back-off runs for the account or the address
     */
    Attempt begin(String email, String address, Long memberId) {
        String addressHash = key.hmacHex("sign-in-address", address == null ? "" : address);
        List<String> keys = new ArrayList<>(2);
        if (memberId == null || !isKnownAddress(memberId, addressHash)) {
            keys.add("account:" + key.hmacHex("sign-in-account", email == null ? "" : email));
        }
        keys.add("address:" + addressHash);
        // whole microseconds, as stored: a finer "now" would compare against its own rounded copy and seem earlier
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(status -> {
            List<int[]> failures = new ArrayList<>();
            Duration wait = Duration.ZERO;
            for (String k : keys) {
                jdbc.sql("""
                        insert into sign_in_throttle (throttle_key, failures, next_allowed_at, updated_at)
                        values (:k, 0, :never, :now) on conflict do nothing
                        """).param("k", k).param("never", utc(NEVER)).param("now", utc(now)).update();
                Counter c = jdbc.sql("select failures, next_allowed_at from sign_in_throttle where throttle_key = :k for update")
                        .param("k", k)
                        .query((rs, n) -> new Counter(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                        .single();
                if (c.nextAllowedAt().isAfter(now) && Duration.between(now, c.nextAllowedAt()).compareTo(wait) > 0) {
                    wait = Duration.between(now, c.nextAllowedAt());
                }
                failures.add(new int[] {c.failures()});
            }
            if (!wait.isZero()) {
                TooManyRequests limit = new TooManyRequests("", wait);
                throw new TooManyRequests(MESSAGE.formatted(limit.waitInWords()), wait);
            }
            for (int i = 0; i < keys.size(); i++) {
                int counted = failures.get(i)[0] + 1;
                jdbc.sql("""
                        update sign_in_throttle set failures = :f, next_allowed_at = :next, updated_at = :now
                        where throttle_key = :k
                        """).param("f", counted).param("next", utc(now.plus(backoff(counted))))
                        .param("now", utc(now)).param("k", keys.get(i)).update();
            }
        });
        return new Attempt(List.copyOf(keys), addressHash);
    }

    private record Counter(int failures, Instant nextAllowedAt) {}

    /** The wait before the next attempt after {@code failures} failures: none at first, then doubling. */
    Duration backoff(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - freeFailures - 1);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private boolean isKnownAddress(long memberId, String addressHash) {
        return jdbc.sql("select count(*) from sign_in_known_address where member_id = :m and address_hash = :a")
                .param("m", memberId).param("a", addressHash).query(Long.class).single() > 0;
    }

    /** Counters idle for a day have nothing left to slow down; addresses unused for 90 days are forgotten. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelay = 7)
    void forgetOld() {
        locks.runAlone("sign-in-throttle-clean-up", Duration.ofHours(1), Duration.ofMinutes(30), this::forgetOldNow);
    }

    private void forgetOldNow() {
        Instant now = clock.instant();
        jdbc.sql("delete from sign_in_throttle where updated_at < :cutoff and next_allowed_at < :now")
                .param("cutoff", utc(now.minus(Duration.ofDays(1)))).param("now", utc(now)).update();
        jdbc.sql("delete from sign_in_known_address where last_success_at < :cutoff")
                .param("cutoff", utc(now.minus(Duration.ofDays(90)))).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
