package org.reciprocity.introductions;

import org.reciprocity.db.MemberLocks;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.etiquette.AuthenticityGuard;
import org.reciprocity.core.profile.Audience;
import org.reciprocity.introductions.IntroductionRows.Answer;
import org.reciprocity.introductions.IntroductionRows.Introduction;
import org.reciprocity.introductions.IntroductionRows.Status;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.ledger.RecordExchange;
import org.reciprocity.db.Savepoints;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.ProfileRows;
import org.reciprocity.member.Today;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.Network;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.TooManyRequests;
import org.reciprocity.webhooks.WebhookEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double-opt-in introductions (A4): a member proposes to introduce two of their connections with a
 * reason; each of the two accepts or declines. Neither learns the other's e-mail until both accept;
 * then they are connected and each is credited an INTRODUCTION from the introducer, pending their
 * confirmation.
 */
@Service
public class Introductions {

    /** Proposals a member may make in 24 hours: introductions are personal, not a broadcast. */
    static final int PER_DAY = 20;

    public record Person(String memberId, String displayName, String headline) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** @param acceptances how many of the two have accepted so far (a decline ends it, and nobody is told whose) */
    public record IntroductionView(String id, String status, String role, String reason, Person introducer,
                                   Person first, Person second, String yourAnswer, String otherEmail,
                                   Instant createdAt, Instant decidedAt, List<String> warnings, int acceptances) {

        /** The status as the page says it: where a proposal stands once one of the two has accepted. */
        public String statusText() {
            if (!status.equals("PROPOSED") || acceptances == 0) {
                return status.toLowerCase(java.util.Locale.ROOT);
            }
            if ("ACCEPTED".equals(yourAnswer)) {
                return "you accepted; waiting for the other";
            }
            return role.equals("INTRODUCER") ? "one accepted; waiting for the other" : "the other accepted; waiting for you";
        }
    }

    public record Proposal(String firstMemberId, String secondMemberId, String reason) {}

    private final IntroductionRows rows;
    private final MemberRows members;
    private final MemberLocks locks;
    private final ProfileRows profiles;
    private final ConnectionRows connections;
    private final Network network;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Today today;
    private final Savepoints savepoints;

    Introductions(IntroductionRows rows, MemberRows members, ProfileRows profiles, ConnectionRows connections, Network network,
                  Ledger ledger, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events, Today today,
                  Savepoints savepoints, MemberLocks locks) {
        this.locks = locks;
        this.savepoints = savepoints;
        this.today = today;
        this.events = events;
        this.rows = rows;
        this.members = members;
        this.profiles = profiles;
        this.connections = connections;
        this.network = network;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    public IntroductionView propose(CurrentMember me, Proposal body) {
        List<FieldError> errors = new ArrayList<>();
        Member first = introducible(me, body == null ? null : body.firstMemberId(), "firstMemberId", errors);
        Member second = introducible(me, body == null ? null : body.secondMemberId(), "secondMemberId", errors);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.length() < 10 || reason.length() > 1000) {
            errors.add(new FieldError("reason", "Say in 10 to 1000 characters why these two should meet."));
        }
        if (first != null && second != null && first.id() == second.id()) {
            errors.add(new FieldError("secondMemberId", "Choose two different members."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (network.blockedEitherWay(first.id(), second.id())) {
            // Which of them blocked whom is theirs to know, not the introducer's.
            throw new Conflict("This introduction cannot be made.");
        }
        if (connections.areConnected(first.id(), second.id())) {
            throw new Conflict("These two are already connected.");
        }
        if (rows.proposedBetween(first.id(), second.id())) {
            throw new Conflict("An introduction between these two is already waiting for their answers.");
        }
        Instant now = clock.instant();
        // the daily count under a lock on the introducer; one waiting introduction per pair is a unique constraint
        Introduction created = savepoints.unlessDuplicate(() -> {
            locks.lockForLimits(me.id());
            if (rows.proposedSince(me.id(), now.minus(Duration.ofDays(1))) >= PER_DAY) {
                throw new TooManyRequests("You proposed " + PER_DAY + " introductions in the last 24 hours, the most allowed.",
                        Duration.ofHours(1));
            }
            return rows.insert(me.id(), first.id(), second.id(), reason, now);
        }).orElseThrow(() -> new Conflict("An introduction between these two is already waiting for their answers."));
        AuthenticityGuard.Assessment guard = AuthenticityGuard.assess(reason);
        return view(me, created, guard.warns() ? guard.triggers() : null);
    }

    public List<IntroductionView> mine(CurrentMember me) {
        return rows.involving(me.id()).stream().map(i -> view(me, i, null)).toList();
    }

    public IntroductionView get(CurrentMember me, String publicId) {
        return view(me, involving(me, publicId), null);
    }

    public IntroductionView accept(CurrentMember me, String publicId) {
        return answer(me, publicId, Answer.ACCEPTED);
    }

    public IntroductionView decline(CurrentMember me, String publicId) {
        return answer(me, publicId, Answer.DECLINED);
    }

    private IntroductionView answer(CurrentMember me, String publicId, Answer answer) {
        Introduction intro = involving(me, publicId);
        if (!intro.introduces(me.id())) {
            throw new Forbidden("Only the two members being introduced answer an introduction.");
        }
        Boolean done = tx.execute(status -> {
            if (!rows.answer(intro, me.id(), answer)) {
                return false;
            }
            Introduction now = rows.byId(intro.id()).orElseThrow();
            Instant at = clock.instant();
            if (answer == Answer.DECLINED) {
                rows.decide(intro.id(), Status.DECLINED, at);
            } else if (now.firstAnswer() == Answer.ACCEPTED && now.secondAnswer() == Answer.ACCEPTED
                    && rows.decide(intro.id(), Status.ACCEPTED, at)) {
                bothAccepted(now, at);
            }
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            Introduction now = rows.byId(intro.id()).orElseThrow();
            throw new Conflict(now.answerOf(me.id()) != null ? "You already answered this introduction."
                    : "This introduction was already declined.");
        }
        return view(me, rows.byId(intro.id()).orElseThrow(), null);
    }

    /** Connects the two and credits the introducer with an introduction to each, pending their confirmation. */
    private void bothAccepted(Introduction intro, Instant at) {
        connections.connect(intro.firstId(), intro.secondId(), at);
        for (long member : List.of(intro.introducerId(), intro.firstId(), intro.secondId())) {
            events.publishEvent(new WebhookEvent(member, WebhookEvent.INTRODUCTION_ACCEPTED,
                    Map.of("introductionId", intro.publicId())));
        }
        Map<Long, Member> people = members.byIds(List.of(intro.introducerId(), intro.firstId(), intro.secondId()));
        Member introducer = people.get(intro.introducerId());
        if (introducer == null || !introducer.isActive()) {
            return;
        }
        String introducersDay = today.of(introducer.id()).toString();
        for (long introduced : List.of(intro.firstId(), intro.secondId())) {
            Member member = people.get(introduced);
            Member other = people.get(intro.otherThan(introduced));
            String description = "Introduced you to " + other.displayName() + ": " + intro.reason();
            ledger.record(introducer.asCurrent(), new RecordExchange("GAVE", member.publicId(), null, "INTRODUCTION",
                    description.length() > 2000 ? description.substring(0, 2000) : description, 2, introducersDay, null, null));
        }
    }

    private Introduction involving(CurrentMember me, String publicId) {
        return rows.byPublicId(publicId == null ? "" : publicId.strip())
                .filter(i -> i.involves(me.id()))
                .orElseThrow(() -> new NotFound("There is no introduction with this id."));
    }

    private Member introducible(CurrentMember me, String publicId, String field, List<FieldError> errors) {
        if (publicId == null || publicId.isBlank()) {
            errors.add(new FieldError(field, "Name a member to introduce."));
            return null;
        }
        Member member = members.byPublicId(publicId.strip()).filter(Member::isActive).orElse(null);
        if (member == null || member.id() == me.id() || !connections.areConnected(me.id(), member.id())
                || network.blockedEitherWay(me.id(), member.id())) {
            errors.add(new FieldError(field, "You can introduce only members you are connected with."));
            return null;
        }
        return member;
    }

    private IntroductionView view(CurrentMember me, Introduction i, List<String> warnings) {
        Map<Long, Member> people = members.byIds(Set.of(i.introducerId(), i.firstId(), i.secondId()));
        String role = i.introducerId() == me.id() ? "INTRODUCER" : "INTRODUCED";
        String otherEmail = null;
        if (i.status() == Status.ACCEPTED && i.introduces(me.id())) {
            Member other = people.get(i.otherThan(me.id()));
            otherEmail = other == null ? null : other.email();
        }
        Answer mine = i.answerOf(me.id());
        return new IntroductionView(i.publicId(), i.status().name(), role, i.reason(), person(people.get(i.introducerId())),
                person(people.get(i.firstId())), person(people.get(i.secondId())), mine == null ? null : mine.name(),
                otherEmail, i.createdAt(), i.decidedAt(), warnings,
                (i.firstAnswer() == Answer.ACCEPTED ? 1 : 0) + (i.secondAnswer() == Answer.ACCEPTED ? 1 : 0));
    }

    private Person person(Member m) {
        if (m == null) {
            return new Person(null, "Former member", null);
        }
        return new Person(m.publicId(), m.displayName(), profiles.of(m.id()).seenBy(Audience.MEMBER).headline());
    }
}
