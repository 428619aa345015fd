package org.reciprocity.moderation;

import java.time.Instant;

/** What the moderation API and pages show: reports, their targets and the audit log. */
public final class ModerationViews {

    private ModerationViews() {
    }

    /** A report as the API and the queue show it. */
    public record ReportView(String id, String status, String reason, Instant createdAt, ModerationMember reporter, Target target,
                      ModerationMember resolvedBy, Instant resolvedAt, String resolution) {}

    public record ModerationMember(String memberId, String displayName) {}

    /** What was reported: its type and id, the member it concerns and, for a posting, its title. */
    public record Target(String type, String id, ModerationMember member, String title, String link) {}

    public record ActionView(Instant at, ModerationMember actor, String action, ModerationMember subject, String reportId, String reason) {}

    /** What a report form or request names: exactly one of the three. */
    public record ReportRequest(String memberId, String postingId, String exchangeId, String reason) {}

    /**
     * Reports what the member may see; a second report of the same thing while the first is open answers the
     * first ({@code created} false).
     */
    public record Filed(ReportView report, boolean created) {}
}
