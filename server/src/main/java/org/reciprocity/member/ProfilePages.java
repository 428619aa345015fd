package org.reciprocity.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.SessionSignIn;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Editing one's profile, a member's page, and the member directory. */
@Controller
class ProfilePages {

    private final List<ProfileSection> sections;
    private final MemberViews views;
    private final MemberRows members;
    private final SessionSignIn signIn;
    private final Relationships relationships;

    ProfilePages(MemberViews views, MemberRows members, SessionSignIn signIn, List<ProfileSection> sections,
                 Relationships relationships) {
        this.relationships = relationships;
        this.sections = List.copyOf(sections);
        this.views = views;
        this.members = members;
        this.signIn = signIn;
    }

    @GetMapping("/profile/edit")
    String edit(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String welcome, Model model) {
        return editPage(model, ProfileForm.of(views.own(me)), Map.of(), welcome != null);
    }

    @PostMapping("/profile/edit")
    String save(@AuthenticationPrincipal CurrentMember me, @RequestParam MultiValueMap<String, String> params,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        ProfileForm form = ProfileForm.of(params);
        try {
            views.update(me, form.toUpdate());
            signIn.refresh(request, response);
        } catch (InvalidInput e) {
            response.setStatus(422);
            return editPage(model, form, e.byField(), false);
        }
        return "redirect:/members/" + me.publicId() + "?saved";
    }

    private String editPage(Model model, ProfileForm form, Map<String, String> errors, boolean welcome) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("welcome", welcome);
        return "pages/profile-edit";
    }

    /** The ledger's "Pause giving" and "Resume giving" buttons. */
    @PostMapping("/profile/giving")
    String giving(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "true") boolean paused) {
        views.setGivingPaused(me, paused);
        return "redirect:/ledger?done=" + (paused ? "paused" : "resumed");
    }

    @GetMapping("/members/{id}")
    String member(@AuthenticationPrincipal CurrentMember viewer, @PathVariable String id,
                  @RequestParam(required = false) String saved, Model model) {
        Member shown = views.visible(id, viewer);
        MemberView member = views.view(shown, viewer);
        model.addAttribute("member", member);
        model.addAttribute("sections", sections.stream().map(section -> section.of(shown.id(), viewer))
                .filter(Objects::nonNull).toList());
        boolean own = viewer != null && viewer.publicId().equals(member.id());
        model.addAttribute("own", own);
        model.addAttribute("standing", viewer == null || own ? Relationships.Standing.NONE : relationships.standing(viewer.id(), shown.id()));
        model.addAttribute("signedIn", viewer != null);
        model.addAttribute("admin", viewer != null && viewer.isAdmin());
        model.addAttribute("notice", saved != null ? "Your profile was saved. This is how it looks to you; others see the fields you allowed them." : null);
        return "pages/member";
    }

    @GetMapping("/members")
    String directory(@AuthenticationPrincipal CurrentMember viewer, @RequestParam(required = false) String cursor,
                     @RequestParam(required = false) String before, @RequestParam(required = false) String q,
                     Model model) {
        String text = q == null ? "" : q.strip();
        long after = Cursor.position(cursor);
        Long back = before == null || before.isBlank() ? null : Cursor.position(before);
        MemberViews.Found found;
        if (text.isEmpty() && back == null) {
            List<Member> rows = views.directoryPage(viewer, after, PAGE_SIZE + 1);
            boolean more = rows.size() > PAGE_SIZE;
            List<Member> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
            found = new MemberViews.Found(shown, more ? shown.get(shown.size() - 1).id() : null,
                    after > 0 && !shown.isEmpty() ? shown.get(0).id() : null);
        } else {
            found = views.search(viewer, text, after, back, PAGE_SIZE);
        }
        model.addAttribute("members", views.views(found.members(), viewer));
        model.addAttribute("q", text);
        model.addAttribute("next", found.nextAfter() == null ? null : link(text, "cursor", found.nextAfter()));
        model.addAttribute("previous", found.previousBefore() == null ? null : link(text, "before", found.previousBefore()));
        return "pages/members";
    }

    static final int PAGE_SIZE = 30;

    private static String link(String q, String param, long position) {
        return "/members?" + (q.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&")
                + param + "=" + Cursor.token(position);
    }
}
