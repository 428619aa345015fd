package org.reciprocity.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What authentication needs to know of accounts, provided by the feature that keeps them. Security
 * reads no account table itself, so it depends on no feature.
 */
public interface Principals {

    /** A stored password hash with what sign-in needs to decide. */
    record Credentials(CurrentMember member, boolean active, String passwordHash) {}

    /** The account with this e-mail (as {@link #normalizeEmail} gives it), active or not. */
    Optional<Credentials> byEmail(String normalizedEmail);

    /** The member with this id as a principal, when the account exists and is active. */
    Optional<CurrentMember> active(long memberId);

    /** Replaces the hash only if it is still the one that was verified (a rehash must not undo a change). */
    void upgradePasswordHash(long memberId, String oldHash, String newHash);

    /** E-mail addresses compare without case and surrounding spaces. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
