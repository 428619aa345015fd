package org.reciprocity.member;

import java.time.Clock;
import org.reciprocity.security.CurrentMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Community settings for admins: open or invite-only sign-up, and invite links. */
@Controller
class AdminPages {

    private final CommunitySettingRows settings;
    private final InviteRows invites;
    private final MemberRows members;
    private final Clock clock;
    private final String baseUrl;

    AdminPages(CommunitySettingRows settings, InviteRows invites, MemberRows members, Clock clock,
               @Value("${reciprocity.base-url}") String baseUrl) {
        this.settings = settings;
        this.invites = invites;
        this.members = members;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/admin")
    String admin(@RequestParam(required = false) String saved, @RequestParam(required = false) String rebuilt,
                 Model model) {
        return page(model, null, saved != null ? "Settings saved."
                : rebuilt != null ? "The matching index was rebuilt from the database." : null);
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
        model.addAttribute("mode", settings.signupMode());
        model.addAttribute("invites", invites.recent(20));
        model.addAttribute("newInviteUrl", newInviteUrl);
        model.addAttribute("memberCount", members.count());
        model.addAttribute("notice", notice);
        return "pages/admin";
    }
}
