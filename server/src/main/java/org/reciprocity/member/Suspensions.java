package org.reciprocity.member;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Principals;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspending a member (X3), for admins. A suspended member cannot sign in, their API tokens answer 401
 * (the token filter reads the status on every request), their browser sessions end on every instance
 * (the sessions live in the shared store), and others stop finding them in the directory and in matches.
 * Lifting the suspension gives the account back as it was; nothing of it is deleted.
 */
@Service
public class Suspensions {

    static final int MAX_REASON = 500;

    private final MemberRows members;
    private final SessionRegistry sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Suspensions(MemberRows members, SessionRegistry sessions, ApplicationEventPublisher events, TransactionTemplate tx,
                Clock clock) {
        this.members = members;
        this.sessions = sessions;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Suspends the member with this public id. Suspending someone already suspended answers their
     * suspension as it stands (the first reason is kept), so that a repeated request does no harm.
     */
    public MemberRows.Suspension suspend(CurrentMember admin, String memberPublicId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "Say why the account is suspended: the reason is kept for the other admins.");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Keep the reason under " + MAX_REASON + " characters.");
        }
        Member member = find(memberPublicId);
        if (member.id() == admin.id()) {
            throw new Conflict("You cannot suspend your own account.");
        }
        MemberRows.Suspension suspension = tx.execute(status -> {
            if (members.suspend(member.id(), admin.id(), why, clock.instant())) {
                // the match index and the other instances learn of it from the change feed
                events.publishEvent(new MemberChanged(member.id()));
                events.publishEvent(new ModerationEvent(ModerationEvent.SUSPEND, admin.id(), member.id(), why));
            }
            return members.suspensionOf(member.id()).orElseThrow();
        });
        endSessions(member.id());
        return suspension;
    }

    /**
     * Lifts the suspension of the member with this public id; 409 when they are not suspended. The reason is
     * optional and kept in the audit log with the suspension's.
     */
    public Member unsuspend(CurrentMember admin, String memberPublicId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Keep the reason under " + MAX_REASON + " characters.");
        }
        Member member = find(memberPublicId);
        return tx.execute(status -> {
            if (!members.unsuspend(member.id())) {
                throw new Conflict("This account is not suspended.");
            }
            events.publishEvent(new MemberChanged(member.id()));
            events.publishEvent(new ModerationEvent(ModerationEvent.UNSUSPEND, admin.id(), member.id(), why));
            return members.byId(member.id()).orElseThrow();
        });
    }

    public List<MemberRows.Suspension> recent(int limit) {
        return members.suspensions(limit);
    }

    /** The member a page names by e-mail address or member id; a field error for the form otherwise. */
    public String memberIdOf(String emailOrId) {
        String given = emailOrId == null ? "" : emailOrId.strip();
        Optional<Member> member = given.contains("@")
                ? members.credentialsByEmail(Principals.normalizeEmail(given)).map(MemberRows.Credentials::member)
                : members.byPublicId(given);
        return member.map(Member::publicId)
                .orElseThrow(() -> new InvalidInput("member", "No member has this e-mail address or id."));
    }

    private Member find(String memberPublicId) {
        return members.byPublicId(memberPublicId == null ? "" : memberPublicId.strip())
                .orElseThrow(() -> new NotFound("There is no member with this id."));
    }

    /** Every browser session of the member, on every instance: expiring one deletes it from the shared store. */
    private void endSessions(long memberId) {
        // the store indexes sessions by the principal's name, which is the member's id (CurrentMember.getName)
        Principal byName = () -> Long.toString(memberId);
        sessions.getAllSessions(byName, true).forEach(SessionInformation::expireNow);
    }
}
