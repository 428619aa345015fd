package org.reciprocity.security;

import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.reciprocity.web.TooManyRequests;
import org.reciprocity.core.account.PasswordPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashing and the password policy. New hashes are argon2id with 19 MiB, two passes, one lane
 * (OWASP ASVS 5.0 appendix C minimum; Spring's own Argon2 default is below it); bcrypt hashes
 * from an older install still verify and are upgraded at the next sign-in.
 */
@Component
public class Passwords {

    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = PasswordPolicy.withShippedList();
    /**
     * Verified against when the e-mail is unknown, so both failures take the same time. A fixed hash of
     * a random value nobody kept: computing one at start-up cost half a second on two cores.
     */
    private static final String DECOY = "{argon2}$argon2id$v=19$m=19456,t=2,p=1$6nSijvtKFxtrF68E/2gtKg$4gUQ+FPB77R4o+JePkSf5XcvjXoa2EPUQhszH+YUIJU";

    /** At most this many hashes at once: each takes 19 MiB and a core for about 0.1 s. */
    final Semaphore slots;
    private final Duration wait;

    @org.springframework.beans.factory.annotation.Autowired
    Passwords(LimitsProperties limits) {
        this(limits.concurrentPasswordChecks(), Duration.ofSeconds(2));
    }

    Passwords(int concurrent, Duration wait) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2,
                "bcrypt", new BCryptPasswordEncoder()));
        this.slots = new Semaphore(Math.max(1, concurrent), true);
        this.wait = wait;
    }

    /** @throws TooManyRequests too many hashes are being computed; try again in a moment */
    public String hash(String raw) {
        return bounded(() -> encoder.encode(raw));
    }

    /** @throws TooManyRequests too many hashes are being computed; try again in a moment */
    public boolean matches(String raw, String hash) {
        return raw != null && bounded(() -> encoder.matches(raw, hash));
    }

    /** Spends the time of a real verification and fails. */
    public boolean matchesNothing(String raw) {
        bounded(() -> encoder.matches(raw == null ? "" : raw, DECOY));
        return false;
    }

    /** Runs one hash when a slot frees within a couple of seconds; otherwise tells the caller to come back. */
    private <T> T bounded(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyRequests("The server is checking many passwords right now. Try again in a few seconds.",
                    Duration.ofSeconds(2));
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    public Optional<String> problemWith(String raw, String... contextWords) {
        return policy.problemWith(raw, contextWords);
    }
}
