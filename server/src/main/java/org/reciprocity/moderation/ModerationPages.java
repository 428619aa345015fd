package org.reciprocity.moderation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The report form for members; the review queue and the audit log under /admin, for admins only (SecurityConfig). */
@Controller
class ModerationPages {

    private final Moderation moderation;

    ModerationPages(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/report")
    String form(@RequestParam(required = false) String member, @RequestParam(required = false) String posting,
                @RequestParam(required = false) String exchange, Model model) {
        return formPage(model, new ModerationViews.ReportRequest(member, posting, exchange, ""), Map.of());
    }

    @PostMapping("/report")
    String send(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String member,
                @RequestParam(required = false) String posting, @RequestParam(required = false) String exchange,
                @RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
        ModerationViews.ReportRequest request = new ModerationViews.ReportRequest(member, posting, exchange, reason);
        try {
            ModerationViews.Filed filed = moderation.report(me, request);
            model.addAttribute("report", filed.report());
            model.addAttribute("created", filed.created());
            return "pages/report-sent";
        } catch (InvalidInput e) {
            response.setStatus(422);
            // the target's field errors belong next to the reason: it is the one field the form shows
            Map<String, String> errors = e.byField().containsKey("reason") ? e.byField()
                    : Map.of("reason", String.join(" ", e.byField().values()));
            return formPage(model, request, errors);
        }
    }

    private String formPage(Model model, ModerationViews.ReportRequest request, Map<String, String> errors) {
        model.addAttribute("request", request);
        model.addAttribute("errors", errors);
        return "pages/report";
    }

    @GetMapping("/admin/reports")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                 @RequestParam(required = false) String done, Model model) {
        ModerationRows.Status shown = ModerationApi.status(status);
        model.addAttribute("page", moderation.queue(shown, Cursor.of(30, cursor)));
        model.addAttribute("status", shown == null ? "ALL" : shown.name());
        model.addAttribute("open", moderation.openReports());
        model.addAttribute("notice", done == null ? null : switch (done) {
            case "dismissed" -> "The report is dismissed.";
            case "actioned" -> "The report is closed as acted upon.";
            case "suspended" -> "The member is suspended and signed out everywhere; the report is closed.";
            case "closed" -> "Another admin closed this report first.";
            default -> null;
        });
        model.addAttribute("errors", Map.of());
        return "pages/admin-reports";
    }

    @PostMapping("/admin/reports/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                   @RequestParam(required = false) String note) {
        try {
            moderation.dismiss(me, id, note);
        } catch (Conflict e) {
            return "redirect:/admin/reports?done=closed";
        }
        return "redirect:/admin/reports?done=dismissed";
    }

    @PostMapping("/admin/reports/{id}/resolve")
    String resolve(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String suspend, HttpServletResponse response, Model model) {
        boolean suspending = "true".equals(suspend);
        try {
            moderation.act(me, id, note, suspending);
        } catch (Conflict e) {
            return "redirect:/admin/reports?done=closed";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("page", moderation.queue(ModerationRows.Status.OPEN, Cursor.of(30, null)));
            model.addAttribute("status", "OPEN");
            model.addAttribute("open", moderation.openReports());
            model.addAttribute("notice", null);
            model.addAttribute("errors", Map.of(id, e.byField().getOrDefault("note", e.getMessage())));
            return "pages/admin-reports";
        }
        return "redirect:/admin/reports?done=" + (suspending ? "suspended" : "actioned");
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", moderation.auditLog(Cursor.of(50, cursor)));
        return "pages/admin-audit";
    }
}
