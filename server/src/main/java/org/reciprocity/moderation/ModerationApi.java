package org.reciprocity.moderation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reports by members, and the admins' review queue and audit log (X3). */
@RestController
@Tag(name = "Moderation")
class ModerationApi {

    record ReportBody(String memberId, String postingId, String exchangeId, String reason) {}

    record ResolveBody(String note, Boolean suspend) {}

    private final Moderation moderation;

    ModerationApi(Moderation moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/api/v1/reports")
    @Operation(summary = "Report a member, a posting or a favor to the admins",
            description = "Exactly one of memberId, postingId, exchangeId, with a reason (1-1000 characters): 201 {id, status: "
                    + "\"OPEN\"}. What the caller may not see is 422 on its field; a favor can be reported by its parties only. Reporting "
                    + "the same thing again while the first report is open answers that report (200). At most 20 a day (429).")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "200", description = "The caller's report of the same thing is still open: that report")
    ResponseEntity<ModerationViews.ReportView> report(@AuthenticationPrincipal CurrentMember me, @RequestBody ReportBody body) {
        if (body == null) {
            throw new InvalidInput("reason", "Send {memberId | postingId | exchangeId, reason}.");
        }
        ModerationViews.Filed filed = moderation.report(me, new ModerationViews.ReportRequest(body.memberId(), body.postingId(),
                body.exchangeId(), body.reason()));
        return filed.created()
                ? ResponseEntity.created(URI.create("/api/v1/admin/reports/" + filed.report().id())).body(filed.report())
                : ResponseEntity.ok(filed.report());
    }

    @GetMapping("/api/v1/reports")
    @Operation(summary = "The caller's own reports, newest first, with what the admins decided")
    ListPage<ModerationViews.ReportView> myReports(@AuthenticationPrincipal CurrentMember me,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor) {
        return moderation.mine(me, Cursor.of(limit, cursor));
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(summary = "A report: for its reporter and the admins only (404 for anyone else)")
    ModerationViews.ReportView getReport(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return moderation.seenBy(me, id);
    }

    @GetMapping("/api/v1/admin/reports")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The review queue: reports, newest first (admins only)",
            description = "status OPEN (the default), DISMISSED, ACTIONED or ALL; limit 1-200 and cursor as every list.")
    ListPage<ModerationViews.ReportView> reports(@RequestParam(required = false) String status,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String cursor) {
        return moderation.queue(status(status), Cursor.of(limit, cursor));
    }

    @PostMapping("/api/v1/admin/reports/{id}/dismiss")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Dismiss a report: nothing to act on (admins only)", description = "409 when it is already closed.")
    ModerationViews.ReportView dismiss(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                  @RequestBody(required = false) ResolveBody body) {
        return moderation.dismiss(me, id, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/admin/reports/{id}/resolve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Close a report as acted upon, suspending the member it concerns when suspend is true (admins only)",
            description = "A note is required: it is the suspension's reason and the audit log's. 409 when already closed.")
    ModerationViews.ReportView resolve(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                  @RequestBody(required = false) ResolveBody body) {
        return moderation.act(me, id, body == null ? null : body.note(), body != null && Boolean.TRUE.equals(body.suspend()));
    }

    @GetMapping("/api/v1/admin/audit-log")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every moderation action, newest first: who, when, what, on whom and why (admins only)")
    ListPage<ModerationViews.ActionView> auditLog(@RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor) {
        return moderation.auditLog(Cursor.of(limit, cursor));
    }

    static ModerationRows.Status status(String status) {
        if (status == null || status.isBlank()) {
            return ModerationRows.Status.OPEN;
        }
        if (status.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return ModerationRows.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "Ask for OPEN, DISMISSED, ACTIONED or ALL.");
        }
    }
}
