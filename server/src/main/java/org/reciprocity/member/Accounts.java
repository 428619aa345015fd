package org.reciprocity.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.LimitsProperties;
import org.reciprocity.security.Passwords;
import org.reciprocity.security.Principals;
import org.reciprocity.security.RateLimits;
import org.reciprocity.security.Role;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.TooManyRequests;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating accounts and changing passwords (M1): the rules that pages and the API share. A service
 * because sign-up spans members, profiles, invites and the admin seat in one transaction.
 */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final MemberRows members;
    private final ProfileRows profiles;
    private final InviteRows invites;
    private final CommunitySettingRows settings;
    private final Passwords passwords;
    private final SessionRegistry sessions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final RateLimits.Rate signupsPerAddress;

    Accounts(MemberRows members, ProfileRows profiles, InviteRows invites, CommunitySettingRows settings, Passwords passwords,
             SessionRegistry sessions, TransactionTemplate tx, Clock clock, LimitsProperties limits,
             RateLimits rateLimits) {
        this.members = members;
        this.profiles = profiles;
        this.invites = invites;
        this.settings = settings;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.signupsPerAddress = new RateLimits.Rate("signups", limits.signupsPerHourPerAddress(), Duration.ofHours(1));
    }

    /** The part of an address before the @ (all of it when there is none): a word a password must not be. */
    static String localPart(String email) {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /**
     * Creates an account with an empty profile. The first account of a community becomes its admin.
     *
     * @throws InvalidInput a field breaks a rule (422)
     * @throws Forbidden the community is invite-only and no invite was given (403)
     * @throws Conflict the e-mail is taken (409)
     */
    public Member signUp(SignUp request, String address) {
        String email = Principals.normalizeEmail(request.email());
        String name = request.displayName() == null ? "" : request.displayName().strip();
        List<FieldError> errors = new ArrayList<>();
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Enter an e-mail address such as name@example.org."));
        }
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("displayName", "Enter the name people know you by (up to 100 characters)."));
        }
        passwords.problemWith(request.password(), email, name, localPart(email))
                .ifPresent(p -> errors.add(new FieldError("password", p)));
        String invite = request.inviteCode() == null || request.inviteCode().isBlank() ? null : request.inviteCode().strip();
        Instant now = clock.instant();
        boolean inviteOnly = settings.signupMode() == SignupMode.INVITE_ONLY;
        if (inviteOnly && invite == null) {
            throw new Forbidden("This community is invite-only. Ask a member or an admin for an invite link.");
        }
        if (invite != null && !invites.isRedeemable(invite, now)) {
            errors.add(new FieldError("inviteCode", "This invite link is unknown, already used or expired. Ask for a new one."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (members.emailTaken(email)) {
            throw new Conflict("An account with this e-mail address already exists. Sign in instead, or use another address.");
        }
        RateLimits.Decision signup = rateLimits.take(address, signupsPerAddress);
        if (!signup.allowed()) {
            throw new TooManyRequests("Too many accounts were created from your network address recently. Try again later.",
                    signup.retryAfter());
        }
        String hash = passwords.hash(request.password());
        try {
            return tx.execute(status -> {
                Member member = members.create(email, name, hash, now);
                profiles.createEmpty(member.id(), now);
                if (invite != null && !invites.redeem(invite, member.id(), now)) {
                    // used by someone else between the check and now
                    throw new InvalidInput("inviteCode", "This invite link was just used by someone else. Ask for a new one.");
                }
                if (settings.claimFirstAdmin(member.id())) {
                    members.makeAdmin(member.id());
                    return new Member(member.id(), member.publicId(), member.email(), member.displayName(),
                            Role.ADMIN, member.status(), member.createdAt());
                }
                return member;
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new Conflict("An account with this e-mail address already exists. Sign in instead, or use another address.");
        }
    }

    /**
     * Creates an account with a filled profile from trusted data (the demo community), bypassing the
     * sign-up rules: no invite, no rate limit, and a password hash computed once by the caller.
     */
    public Member createPrefilled(String email, String displayName, String passwordHash, Profile profile,
                                  boolean admin, Instant now) {
        return tx.execute(status -> {
            Member member = members.create(Principals.normalizeEmail(email), displayName, passwordHash, now);
            profiles.createEmpty(member.id(), now);
            profiles.save(member.id(), profile, now);
            if (admin && settings.claimFirstAdmin(member.id())) {
                members.makeAdmin(member.id());
            }
            return member;
        });
    }

    /**
     * Changes the password after checking the current one, then ends every other session of the
     * member (a changed password is often a response to a suspected compromise).
     */
    public void changePassword(CurrentMember me, String currentPassword, String newPassword, String keepSessionId) {
        Member member = members.byId(me.id()).orElseThrow();
        String hash = members.passwordHashOf(me.id());
        if (!passwords.matches(currentPassword, hash)) {
            throw new InvalidInput("currentPassword", "This is not your current password.");
        }
        passwords.problemWith(newPassword, member.email(), member.displayName(), localPart(member.email()))
                .ifPresent(p -> {
                    throw new InvalidInput("newPassword", p);
                });
        if (passwords.matches(newPassword, hash)) {
            throw new InvalidInput("newPassword", "Choose a password different from the current one.");
        }
        members.changePasswordHash(me.id(), passwords.hash(newPassword), clock.instant());
        endOtherSessions(me, keepSessionId);
    }

    /** The member's browser sessions, on every instance (they live in the database). */
    public int sessionCount(CurrentMember me) {
        return sessions.getAllSessions(me, false).size();
    }

    /** Signs the member out of every browser but the one with {@code keepSessionId}; returns how many. */
    public int endOtherSessions(CurrentMember me, String keepSessionId) {
        List<SessionInformation> others = sessions.getAllSessions(me, false).stream()
                .filter(s -> !s.getSessionId().equals(keepSessionId))
                .toList();
        // expiring a session of the shared store deletes it: every instance stops accepting its cookie
        others.forEach(SessionInformation::expireNow);
        return others.size();
    }
}
