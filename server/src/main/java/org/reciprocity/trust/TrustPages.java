package org.reciprocity.trust;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Suspensions;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Under /admin, so only admins reach it (SecurityConfig): the trust computation's status and the seed set. */
@Controller
class TrustPages {

    private final TrustRecompute recompute;
    private final SeedSet seeds;
    private final MemberRows members;
    private final Suspensions suspensions;

    TrustPages(TrustRecompute recompute, SeedSet seeds, MemberRows members, Suspensions suspensions) {
        this.recompute = recompute;
        this.seeds = seeds;
        this.members = members;
        this.suspensions = suspensions;
    }

    @GetMapping("/admin/trust")
    String page(@RequestParam(required = false) String done, Model model) {
        String notice = done == null ? null : switch (done) {
            case "started" -> "The computation started; this page follows its progress.";
            case "vetted" -> "The member is vetted: the next computation starts from them too.";
            case "unvetted" -> "The member is no longer vetted.";
            default -> null;
        };
        return page(model, notice, Map.of(), "");
    }

    @PostMapping("/admin/trust/recompute")
    String start() {
        recompute.start(TrustRows.Reason.ADMIN);
        return "redirect:/admin/trust?done=started";
    }

    @PostMapping("/admin/trust/vetted")
    String vet(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String member,
               HttpServletResponse response, Model model) {
        try {
            Member found = members.byPublicId(suspensions.memberIdOf(member)).orElseThrow();
            seeds.vet(found.id(), me.id());
        } catch (InvalidInput e) {
            response.setStatus(422);
            return page(model, null, e.byField(), member == null ? "" : member);
        }
        return "redirect:/admin/trust?done=vetted";
    }

    @PostMapping("/admin/trust/vetted/{id}/remove")
    String unvet(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        members.byPublicId(id).ifPresent(m -> seeds.unvet(m.id(), me.id()));
        return "redirect:/admin/trust?done=unvetted";
    }

    private String page(Model model, String notice, Map<String, String> errors, String member) {
        model.addAttribute("run", recompute.latest().map(TrustRunView::of).orElse(null));
        Map<Long, Member> vetted = members.byIds(seeds.vettedIds());
        List<VettedMember> list = vetted.values().stream().sorted(Comparator.comparing(Member::displayName))
                .map(m -> new VettedMember(m.publicId(), m.displayName(), m.email())).toList();
        model.addAttribute("vetted", list);
        model.addAttribute("admins", members.activeAdminIds().size());
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        model.addAttribute("member", member);
        return "pages/admin-trust";
    }
}
