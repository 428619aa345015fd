package org.reciprocity.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.asks.AskViews;
import org.reciprocity.asks.Asks;
import org.reciprocity.db.MemberLocks;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.ledger.LedgerViews;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.MemberViews;
import org.reciprocity.member.ModerationEvent;
import org.reciprocity.member.Suspensions;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.trust.SeedSet;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.ListPage;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.TooManyRequests;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moderation (X3): members report a member, a posting or a favor they can see; admins review the queue, dismiss
 * a report or act on it (suspending the member), and every action of theirs — suspensions and their lifting,
 * vetting, reports closed — goes into an audit log, in the action's own transaction.
 */
@Service
class Moderation {

    static final int MAX_REASON = 1000;
    static final int REPORTS_PER_DAY = 20;

    private final ModerationRows rows;
    private final MemberViews views;
    private final MemberRows members;
    private final Asks asks;
    private final Ledger ledger;
    private final Suspensions suspensions;
    private final MemberLocks locks;
    private final TransactionTemplate tx;
    private final Clock clock;

    Moderation(ModerationRows rows, MemberViews views, MemberRows members, Asks asks, Ledger ledger, Suspensions suspensions,
               MemberLocks locks, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.members = members;
        this.asks = asks;
        this.ledger = ledger;
        this.suspensions = suspensions;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
    }

    ModerationViews.Filed report(CurrentMember me, ModerationViews.ReportRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInput("reason", "Say what is wrong: the admins read it before they decide.");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Keep the reason under " + MAX_REASON + " characters.");
        }
        int named = (blank(request.memberId()) ? 0 : 1) + (blank(request.postingId()) ? 0 : 1)
                + (blank(request.exchangeId()) ? 0 : 1);
        if (named != 1) {
            throw new InvalidInput("memberId", "Name one member, posting or favor to report (memberId, postingId or exchangeId).");
        }
        ResolvedTarget target = resolve(me, request);
        if (target.memberId() != null && target.memberId() == me.id()) {
            throw new InvalidInput(target.field(), "You cannot report yourself or what you posted.");
        }
        return tx.execute(status -> {
            locks.lockForLimits(me.id());
            var open = rows.openOf(me.id(), target.type(), target.ref());
            if (open.isPresent()) {
                return new ModerationViews.Filed(view(open.get()), false);
            }
            Instant now = clock.instant();
            if (rows.reportedSince(me.id(), now.minus(Duration.ofDays(1))) >= REPORTS_PER_DAY) {
                throw new TooManyRequests("You sent " + REPORTS_PER_DAY + " reports in the last 24 hours, the most allowed. "
                        + "The admins will read them.", Duration.ofHours(1));
            }
            ModerationRows.Report created = rows.insertIfNone(me.id(), target.type(), target.ref(), target.memberId(),
                    target.title(), reason, now).orElseThrow(() -> new Conflict("This report was just sent."));
            return new ModerationViews.Filed(view(created), true);
        });
    }

    private record ResolvedTarget(ModerationRows.TargetType type, String ref, Long memberId, String title, String field) {}

    /**
     * The target as the reporter may see it. What they may not see does not exist for them; named in a body, as
     * any id there, it is a field error (422), not a missing resource.
     */
    private ResolvedTarget resolve(CurrentMember me, ModerationViews.ReportRequest request) {
        try {
            return find(me, request);
        } catch (NotFound e) {
            String field = !blank(request.memberId()) ? "memberId" : !blank(request.postingId()) ? "postingId" : "exchangeId";
            throw new InvalidInput(field, e.getMessage());
        }
    }

    private ResolvedTarget find(CurrentMember me, ModerationViews.ReportRequest request) {
        if (!blank(request.memberId())) {
            Member member = views.visible(request.memberId().strip(), me);
            return new ResolvedTarget(ModerationRows.TargetType.MEMBER, member.publicId(), member.id(), null, "memberId");
        }
        if (!blank(request.postingId())) {
            AskViews.PostingView posting = asks.get(me, request.postingId().strip());
            Long author = posting.author() == null ? null
                    : members.byPublicId(posting.author().memberId()).map(Member::id).orElse(null);
            return new ResolvedTarget(ModerationRows.TargetType.POSTING, posting.id(), author,
                    posting.title().length() > 200 ? posting.title().substring(0, 200) : posting.title(), "postingId");
        }
        LedgerViews.ExchangeView exchange = ledger.get(me, request.exchangeId().strip());
        if (exchange.counterpart() == null || exchange.counterpart().memberId() == null) {
            throw new InvalidInput("exchangeId", "A favor with one of your private contacts concerns nobody else: "
                    + "there is nothing to report.");
        }
        Long other = members.byPublicId(exchange.counterpart().memberId()).map(Member::id).orElse(null);
        return new ResolvedTarget(ModerationRows.TargetType.EXCHANGE, exchange.id(), other, null, "exchangeId");
    }

    /** A report, for its reporter and the admins; anyone else is told there is none. */
    ModerationViews.ReportView seenBy(CurrentMember me, String reportId) {
        return rows.byPublicId(reportId == null ? "" : reportId)
                .filter(r -> me.isAdmin() || r.reporterId() != null && r.reporterId() == me.id())
                .map(this::view).orElseThrow(() -> new NotFound("There is no report with this id."));
    }

    /** The member's own reports, newest first. */
    ListPage<ModerationViews.ReportView> mine(CurrentMember me, Cursor cursor) {
        List<ModerationRows.Report> page = rows.byReporter(me.id(), before(cursor), cursor.fetchSize());
        return cursor.pageOf(page, ModerationRows.Report::id, shown -> shown.stream().map(this::view).toList());
    }

    // --- the admins' side ---------------------------------------------------------------------

    /** Reports with this status (all when null), newest first. */
    ListPage<ModerationViews.ReportView> queue(ModerationRows.Status status, Cursor cursor) {
        List<ModerationRows.Report> page = rows.page(status, before(cursor), cursor.fetchSize());
        return cursor.pageOf(page, ModerationRows.Report::id, shown -> {
            Set<Long> people = new HashSet<>();
            shown.forEach(r -> {
                add(people, r.reporterId());
                add(people, r.targetMemberId());
                add(people, r.resolvedBy());
            });
            Map<Long, Member> named = members.byIds(people);
            return shown.stream().map(r -> view(r, named)).toList();
        });
    }

    long openReports() {
        return rows.countOpen();
    }

    ModerationViews.ReportView dismiss(CurrentMember admin, String reportId, String note) {
        return close(admin, reportId, ModerationRows.Status.DISMISSED, note, "DISMISS_REPORT");
    }

    /** Closes a report as acted upon, suspending the member it concerns first when {@code suspend} is set. */
    ModerationViews.ReportView act(CurrentMember admin, String reportId, String note, boolean suspend) {
        ModerationRows.Report report = rows.byPublicId(reportId).orElseThrow(() -> new NotFound("There is no report with this id."));
        String why = note(note, true);
        return tx.execute(status -> {
            if (suspend) {
                Member target = report.targetMemberId() == null ? null : members.byId(report.targetMemberId()).orElse(null);
                if (target == null) {
                    throw new Conflict("The member this report concerns no longer has an account.");
                }
                if (target.isActive()) {
                    suspensions.suspend(admin, target.publicId(), why);
                }
            }
            return close(admin, report, ModerationRows.Status.ACTIONED, why, "RESOLVE_REPORT");
        });
    }

    private ModerationViews.ReportView close(CurrentMember admin, String reportId, ModerationRows.Status to, String note, String action) {
        ModerationRows.Report report = rows.byPublicId(reportId).orElseThrow(() -> new NotFound("There is no report with this id."));
        String why = note(note, false);
        return tx.execute(status -> close(admin, report, to, why, action));
    }

    private ModerationViews.ReportView close(CurrentMember admin, ModerationRows.Report report, ModerationRows.Status to, String why, String action) {
        Instant now = clock.instant();
        if (!rows.resolve(report.id(), to, admin.id(), why, now)) {
            throw new Conflict("This report was already closed.");
        }
        Member subject = report.targetMemberId() == null ? null : members.byId(report.targetMemberId()).orElse(null);
        rows.log(admin.id(), admin.displayName(), action, subject == null ? null : subject.id(),
                subject == null ? null : subject.displayName(), report.id(), why.isEmpty() ? "(no note)" : why, now);
        return view(rows.byPublicId(report.publicId()).orElseThrow());
    }

    /** The moderation actions, newest first. */
    ListPage<ModerationViews.ActionView> auditLog(Cursor cursor) {
        List<ModerationRows.Action> page = rows.actions(before(cursor), cursor.fetchSize());
        return cursor.pageOf(page, ModerationRows.Action::id, shown -> {
            Set<Long> people = new HashSet<>();
            shown.forEach(a -> {
                add(people, a.actorId());
                add(people, a.subjectId());
            });
            Map<Long, Member> named = members.byIds(people);
            Map<Long, String> reports = new HashMap<>();
            List<ModerationViews.ActionView> views = new ArrayList<>(shown.size());
            for (ModerationRows.Action a : shown) {
                views.add(new ModerationViews.ActionView(a.at(), person(a.actorId(), a.actorName(), named), a.action(),
                        a.subjectName() == null ? null : person(a.subjectId(), a.subjectName(), named),
                        a.reportId() == null ? null : reports.computeIfAbsent(a.reportId(), rows::publicIdOf), a.reason()));
            }
            return views;
        });
    }

    /** Newest first: the cursor holds the id of the last row shown, and the first page starts above every id. */
    private static long before(Cursor cursor) {
        return cursor.after() == 0 ? Long.MAX_VALUE : cursor.after();
    }

    // --- the audit log of actions taken elsewhere ---------------------------------------------

    /** Runs in the suspension's transaction (published inside it): both are kept or neither. */
    @EventListener
    void on(ModerationEvent event) {
        logAbout(event.adminId(), event.action(), event.memberId(), event.reason());
    }

    @EventListener
    void on(SeedSet.VettingChanged event) {
        logAbout(event.adminId(), event.vetted() ? "VET" : "UNVET", event.memberId(),
                event.vetted() ? "Vetted: seeds trust" : "No longer vetted");
    }

    private void logAbout(long adminId, String action, long memberId, String reason) {
        Map<Long, Member> named = members.byIds(List.of(adminId, memberId));
        Member admin = named.get(adminId);
        Member subject = named.get(memberId);
        rows.log(adminId, admin == null ? "(deleted)" : admin.displayName(), action, memberId,
                subject == null ? null : subject.displayName(), null, reason == null || reason.isBlank() ? "(no reason given)" : reason,
                clock.instant());
    }

    // --- views ----------------------------------------------------------------------------------

    private ModerationViews.ReportView view(ModerationRows.Report r) {
        Set<Long> people = new HashSet<>();
        add(people, r.reporterId());
        add(people, r.targetMemberId());
        add(people, r.resolvedBy());
        return view(r, members.byIds(people));
    }

    private ModerationViews.ReportView view(ModerationRows.Report r, Map<Long, Member> named) {
        ModerationViews.ModerationMember concerned = r.targetMemberId() == null ? null : person(named.get(r.targetMemberId()));
        String link = switch (r.targetType()) {
            case MEMBER -> "/members/" + r.targetRef();
            case POSTING -> "/asks/" + r.targetRef();
            case EXCHANGE -> null; // a favor is its two parties' alone: admins see who and why, not its page
        };
        return new ModerationViews.ReportView(r.publicId(), r.status().name(), r.reason(), r.createdAt(), person(named.get(r.reporterId())),
                new ModerationViews.Target(r.targetType().name(), r.targetRef(), concerned, r.targetTitle(), link),
                r.resolvedBy() == null ? null : person(named.get(r.resolvedBy())), r.resolvedAt(), r.resolution());
    }

    private static ModerationViews.ModerationMember person(Member m) {
        return m == null ? new ModerationViews.ModerationMember(null, "(deleted account)") : new ModerationViews.ModerationMember(m.publicId(), m.displayName());
    }

    private static ModerationViews.ModerationMember person(Long id, String name, Map<Long, Member> named) {
        Member m = id == null ? null : named.get(id);
        return m == null ? new ModerationViews.ModerationMember(null, name) : new ModerationViews.ModerationMember(m.publicId(), m.displayName());
    }

    private static String note(String note, boolean required) {
        String why = note == null ? "" : note.strip();
        if (required && why.isEmpty()) {
            throw new InvalidInput("note", "Say what you did and why: the other admins read it in the audit log.");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInput("note", "Keep the note under " + MAX_REASON + " characters.");
        }
        return why;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void add(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
