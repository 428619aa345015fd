package org.reciprocity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.web.TooManyRequests;
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

    private final SignInThrottleRows rows;
    private final TransactionTemplate tx;
    private final ServerKey key;
    private final Clock clock;
    private final ClusterLocks locks;
    private final int freeFailures;
    private final Duration maxBackoff;

    LoginThrottle(SignInThrottleRows rows, TransactionTemplate tx, ServerKey key, LimitsProperties limits, Clock clock,
                  ClusterLocks locks) {
        this.locks = locks;
        this.rows = rows;
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
                rows.clear(keys);
                rows.rememberAddress(memberId, addressHash, now);
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
                SignInThrottleRows.Counter c = rows.lockCounter(k, NEVER, now);
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
                rows.count(keys.get(i), counted, now.plus(backoff(counted)), now);
            }
        });
        return new Attempt(List.copyOf(keys), addressHash);
    }

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
        return rows.isKnownAddress(memberId, addressHash);
    }

    /** Counters idle for a day have nothing left to slow down; addresses unused for 90 days are forgotten. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelay = 7)
    void forgetOld() {
        locks.runAlone("sign-in-throttle-clean-up", Duration.ofHours(1), Duration.ofMinutes(30), this::forgetOldNow);
    }

    private void forgetOldNow() {
        Instant now = clock.instant();
        rows.forget(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(90)), now);
    }
}
