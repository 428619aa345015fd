package org.reciprocity.security;

import org.reciprocity.security.CurrentMember;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password for the sign-in page and for token creation alike: throttled (the
 * attempt is counted before the password is hashed), with one answer for an unknown e-mail and a
 * wrong password, and in the same time for both.
 */
@Component
public class PasswordAuthenticator {

    static final String BAD_CREDENTIALS = "The e-mail address or password is not right.";

    private final Principals principals;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    PasswordAuthenticator(Principals principals, Passwords passwords, LoginThrottle throttle) {
        this.principals = principals;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * @throws org.reciprocity.web.TooManyRequests too many failures for this account or address
     * @throws BadCredentialsException unknown e-mail or wrong password
     * @throws DisabledException the account is suspended (said only to someone who knows its password)
     */
    public CurrentMember authenticate(String rawEmail, String password, String address) {
        String email = Principals.normalizeEmail(rawEmail);
        var credentials = principals.byEmail(email);
        LoginThrottle.Attempt attempt = throttle.begin(email, address,
                credentials.map(c -> c.member().id()).orElse(null));
        boolean matches = credentials.isPresent()
                ? passwords.matches(password, credentials.get().passwordHash())
                : passwords.matchesNothing(password);
        if (!matches) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        CurrentMember member = credentials.get().member();
        attempt.succeeded(member.id());
        if (!credentials.get().active()) {
            throw new DisabledException("This account is suspended. Contact the community's administrators.");
        }
        String hash = credentials.get().passwordHash();
        if (passwords.needsRehash(hash)) {
            principals.upgradePasswordHash(member.id(), hash, passwords.hash(password));
        }
        return member;
    }
}
