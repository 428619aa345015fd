package org.reciprocity.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.reciprocity.security.ApiTokens;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.SessionSignIn;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.TooManyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Home, sign-up and the account page (password and API tokens). */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final MemberViews views;
    private final MemberRows members;
    private final CommunitySettingRows settings;
    private final ApiTokens tokens;
    private final SessionSignIn signIn;
    private final Clock clock;
    private final List<OnboardingStep> steps;

    AccountPages(Accounts accounts, MemberViews views, MemberRows members, CommunitySettingRows settings, ApiTokens tokens,
                 SessionSignIn signIn, Clock clock, List<OnboardingStep> steps) {
        this.steps = List.copyOf(steps);
        this.accounts = accounts;
        this.views = views;
        this.members = members;
        this.settings = settings;
        this.tokens = tokens;
        this.signIn = signIn;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentMember me, Model model) {
        model.addAttribute("me", me == null ? null : views.own(me));
        model.addAttribute("memberCount", members.count());
        model.addAttribute("steps", me == null ? List.of() : steps.stream().map(step -> step.of(me.id()))
                .sorted(java.util.Comparator.comparingInt(OnboardingStep.Step::order)).toList());
        return "pages/home";
    }

    @GetMapping("/signup")
    String signUpForm(@RequestParam(required = false) String invite, Model model) {
        return signUpPage(model, SignupForm.empty(invite), Map.of(), null);
    }

    @PostMapping("/signup")
    String signUp(SignupForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            Member member = accounts.signUp(form.toSignUp(), request.getRemoteAddr());
            signIn.signIn(member.asCurrent(), request, response);
            return "redirect:/profile/edit?welcome";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return signUpPage(model, form, e.byField(), null);
        } catch (Conflict e) {
            response.setStatus(409);
            return signUpPage(model, form, Map.of("email", e.getMessage()), null);
        } catch (Forbidden e) {
            response.setStatus(403);
            return signUpPage(model, form, Map.of(), e.getMessage());
        } catch (TooManyRequests e) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            return signUpPage(model, form, Map.of(), e.getMessage() + " (about " + e.waitInWords() + ")");
        }
    }

    private String signUpPage(Model model, SignupForm form, Map<String, String> errors, String problem) {
        model.addAttribute("form", new SignupForm(form.email(), form.displayName(), null, form.invite()));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("inviteOnly", settings.signupMode() == SignupMode.INVITE_ONLY);
        return "pages/signup";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done, Model model) {
        String notice = "revoked".equals(done) ? "The token was revoked; it no longer works."
                : "revokedAll".equals(done) ? "Every API token of your account was revoked."
                : "signedOutElsewhere".equals(done) ? "Every other browser where you were signed in is signed out." : null;
        return accountPage(me, model, null, Map.of(), notice);
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentMember me, @RequestParam String currentPassword,
                          @RequestParam String newPassword, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        try {
            accounts.changePassword(me, currentPassword, newPassword, request.getSession().getId());
        } catch (InvalidInput e) {
            response.setStatus(422);
            return accountPage(me, model, null, e.byField(), null);
        }
        model.addAttribute("offerRevokeAll", true);
        return accountPage(me, model, null, Map.of(),
                "Your password was changed. Every other session of your account was signed out.");
    }

    @PostMapping("/account/sessions/end-others")
    String endOtherSessions(@AuthenticationPrincipal CurrentMember me, HttpServletRequest request) {
        accounts.endOtherSessions(me, request.getSession().getId());
        return "redirect:/account?done=signedOutElsewhere";
    }

    @PostMapping("/account/tokens/revoke-all")
    String revokeAllTokens(@AuthenticationPrincipal CurrentMember me) {
        tokens.revokeAll(me.id(), clock.instant());
        return "redirect:/account?done=revokedAll";
    }

    @PostMapping("/account/tokens")
    String createToken(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String name,
                       HttpServletResponse response, Model model) {
        try {
            // rendered, not redirected: the secret must not end up in a URL or the browser history
            return accountPage(me, model, tokens.issue(me.id(), name, clock.instant()), Map.of(), null);
        } catch (InvalidInput e) {
            response.setStatus(422);
            return accountPage(me, model, null, Map.of("tokenName", e.getMessage()), null);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        tokens.revoke(me.id(), id, clock.instant());
        if (htmx != null) {
            model.addAttribute("message", "Revoked.");
            return "fragments/revoked";
        }
        return "redirect:/account?done=revoked";
    }

    private String accountPage(CurrentMember me, Model model, ApiTokens.Issued issued, Map<String, String> errors,
                               String notice) {
        model.addAttribute("me", views.own(me));
        model.addAttribute("tokens", tokens.active(me.id()));
        model.addAttribute("issued", issued);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("sessions", accounts.sessionCount(me));
        if (!model.containsAttribute("offerRevokeAll")) {
            model.addAttribute("offerRevokeAll", false);
        }
        return "pages/account";
    }
}
