package org.reciprocity.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 5.0, V6.2): at least 8 characters, up to 128 allowed,
 * no composition rules, and not one of the passwords attackers try first. Length is counted in
 * code points so that a passphrase in any script is measured the way a person counts it.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = Set.copyOf(commonPasswords);
    }

    /** The policy with the shipped list of about 11,000 common passwords. */
    public static PasswordPolicy withShippedList() {
        return new PasswordPolicy(loadShippedList());
    }

    /**
     * Why the password is refused, or empty when it is acceptable.
     *
     * @param contextWords words a guesser would try first for this account (e-mail, name); may be empty
     */
    public Optional<String> problemWith(String password, String... contextWords) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a short phrase is easiest to remember.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is among the most common ones and is tried first by attackers; choose another.");
        }
        for (String word : contextWords) {
            if (word != null && !word.isBlank() && lower.equals(word.toLowerCase(Locale.ROOT).strip())) {
                return Optional.of("Do not use your e-mail address or name as your password.");
            }
        }
        return Optional.empty();
    }

    private static Set<String> loadShippedList() {
        String resource = "common-passwords.txt";
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
