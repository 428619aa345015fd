package org.reciprocity.security;

import org.reciprocity.member.Accounts;
import org.reciprocity.member.CurrentMember;
import org.reciprocity.member.Members;
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

    private final Members members;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    PasswordAuthenticator(Members members, Passwords passwords, LoginThrottle throttle) {
        this.members = members;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * @throws org.reciprocity.web.TooManyRequests too many failures for this account or address
     * @throws BadCredentialsException unknown e-mail or wrong password
     * @throws DisabledException the account is suspended (said only to someone who knows its password)
     */
    public CurrentMember authenticate(String rawEmail, String password, String address) {
        String email = Accounts.normalizeEmail(rawEmail);
        var credentials = members.credentialsByEmail(email);
        LoginThrottle.Attempt attempt = throttle.begin(email, address,
                credentials.map(c -> c.member().id()).orElse(null));
        boolean matches = credentials.isPresent()
                ? passwords.matches(password, credentials.get().passwordHash())
                : passwords.matchesNothing(password);
        if (!matches) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        var member = credentials.get().member();
        attempt.succeeded(member.id());
        if (!member.isActive()) {
            throw new DisabledException("This account is suspended. Contact the community's administrators.");
        }
        String hash = credentials.get().passwordHash();
        if (passwords.needsRehash(hash)) {
            members.upgradePasswordHash(member.id(), hash, passwords.hash(password));
        }
        return member.asCurrent();
    }
}
