package org.reciprocity.member;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Community settings for admins: open or invite-only sign-up, invite links, suspensions. */
@Controller
class AdminPages {

    private final CommunitySettingRows settings;
    private final InviteRows invites;
    private final MemberRows members;
    private final Suspensions suspensions;
    private final Clock clock;
    private final String baseUrl;

    AdminPages(CommunitySettingRows settings, InviteRows invites, MemberRows members, Suspensions suspensions, Clock clock,
               @Value("${reciprocity.base-url}") String baseUrl) {
        this.settings = settings;
        this.invites = invites;
        this.members = members;
        this.suspensions = suspensions;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/admin")
    String admin(@RequestParam(required = false) String saved, @RequestParam(required = false) String rebuilt,
                 @RequestParam(required = false) String suspended, @RequestParam(required = false) String lifted,
                 Model model) {
        return page(model, null, saved != null ? "Settings saved."
                : rebuilt != null ? "The matching index was rebuilt from the database."
                : suspended != null ? "The account is suspended and signed out everywhere."
                : lifted != null ? "The suspension is lifted: the member can sign in again." : null);
    }

    @PostMapping("/admin/suspensions")
    String suspend(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String member,
                   @RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
        try {
            suspensions.suspend(me, suspensions.memberIdOf(member), reason);
        } catch (InvalidInput e) {
            response.setStatus(422);
            return page(model, null, null, e.byField(), new SuspendForm(member, reason));
        } catch (Conflict e) {
            response.setStatus(409);
            return page(model, null, null, Map.of("member", e.getMessage()), new SuspendForm(member, reason));
        }
        return "redirect:/admin?suspended";
    }

    @PostMapping("/admin/suspensions/{id}/lift")
    String lift(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        try {
            suspensions.unsuspend(me, id, "Lifted on the administration page");
        } catch (Conflict e) {
            // lifted already (another admin, another tab): the page shows the list as it is now
        }
        return "redirect:/admin?lifted";
    }


    @PostMapping("/admin/signup-mode")
    String signupMode(@RequestParam SignupMode mode) {
        settings.setSignupMode(mode);
        return "redirect:/admin?saved";
    }

    @PostMapping("/admin/invites")
    String invite(@AuthenticationPrincipal CurrentMember me, Model model) {
        InviteRows.Created created = invites.create(me.id(), clock.instant());
        return page(model, AdminApi.inviteUrl(baseUrl, created.code()), null);
    }

    private String page(Model model, String newInviteUrl, String notice) {
        return page(model, newInviteUrl, notice, Map.of(), new SuspendForm("", ""));
    }

    private String page(Model model, String newInviteUrl, String notice, Map<String, String> errors, SuspendForm form) {
        model.addAttribute("mode", settings.signupMode());
        model.addAttribute("invites", invites.recent(20));
        model.addAttribute("newInviteUrl", newInviteUrl);
        model.addAttribute("memberCount", members.count());
        model.addAttribute("notice", notice);
        model.addAttribute("suspensions", suspensions.recent(50));
        model.addAttribute("suspendForm", form);
        model.addAttribute("errors", errors);
        return "pages/admin";
    }
}
