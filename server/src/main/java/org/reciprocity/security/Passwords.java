package org.reciprocity.security;

import java.util.Map;
import java.util.Optional;
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

    public Passwords() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2,
                "bcrypt", new BCryptPasswordEncoder()));
    }

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    public boolean matches(String raw, String hash) {
        return raw != null && encoder.matches(raw, hash);
    }

    /** Spends the time of a real verification and fails. */
    public boolean matchesNothing(String raw) {
        encoder.matches(raw == null ? "" : raw, DECOY);
        return false;
    }

    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    public Optional<String> problemWith(String raw, String... contextWords) {
        return policy.problemWith(raw, contextWords);
    }
}
