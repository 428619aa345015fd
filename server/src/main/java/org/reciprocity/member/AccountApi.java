package org.reciprocity.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import org.reciprocity.security.ApiTokens;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and tokens")
class AccountApi {

    record Created(String id, String email, String displayName) {}

    record PasswordChange(String currentPassword, String newPassword, Boolean revokeTokens) {}

    private final Accounts accounts;
    private final MemberViews views;
    private final MemberRows members;
    private final ApiTokens tokens;
    private final Clock clock;

    AccountApi(Accounts accounts, MemberViews views, MemberRows members, ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.accounts = accounts;
        this.views = views;
        this.members = members;
    }

    @PostMapping("/api/v1/accounts")
    @Operation(summary = "Create an account (public)",
            description = "The first account of a community is its admin. In an invite-only community, pass the invite code.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Created> signUp(@RequestBody SignUp body, HttpServletRequest request) {
        Member member = accounts.signUp(body, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.publicId()))
                .body(new Created(member.publicId(), member.email(), member.displayName()));
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's full profile, with e-mail, role and visibility settings")
    MemberView getMe(@AuthenticationPrincipal CurrentMember me) {
        return views.own(me);
    }

    @PutMapping("/api/v1/me/profile")
    @Operation(summary = "Replace the caller's profile",
            description = "List and text fields are replaced; visibility entries left out keep their setting.")
    MemberView updateProfile(@AuthenticationPrincipal CurrentMember me, @RequestBody ProfileUpdate body) {
        return views.update(me, body);
    }

    @PutMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password; every signed-in browser session ends",
            description = "With revokeTokens true, every API token of the account is revoked too (this one included).")
    void changePassword(@AuthenticationPrincipal CurrentMember me, @RequestBody PasswordChange body) {
        accounts.changePassword(me, body.currentPassword(), body.newPassword(), null);
        if (Boolean.TRUE.equals(body.revokeTokens())) {
            tokens.revokeAll(me.id(), clock.instant());
        }
    }

    @GetMapping("/api/v1/members/{id}")
    @Operation(summary = "A member, with the fields the caller may see")
    MemberView getMember(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return views.view(id, me);
    }

    @GetMapping("/api/v1/members")
    @Operation(summary = "The community's members in sign-up order, with the headline where the caller may see it; "
            + "q finds members whose name, headline, skills, industry, location or culture hold every word, "
            + "looking only in the fields the caller may see")
    ListPage<MemberView> listMembers(@AuthenticationPrincipal CurrentMember me,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) String q) {
        Cursor page = Cursor.of(limit, cursor);
        if (q != null && !q.isBlank()) {
            MemberViews.Found found = views.search(me, q, page.after(), null, page.limit());
            return Cursor.pageAt(views.views(found.members(), me), found.nextAfter());
        }
        return page.pageOf(views.directoryPage(me, page.after(), page.fetchSize()), Member::id, shown -> views.views(shown, me));
    }
}
