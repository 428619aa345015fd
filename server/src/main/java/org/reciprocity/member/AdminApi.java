package org.reciprocity.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Idempotency;
import org.reciprocity.web.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class AdminApi {

    record Settings(SignupMode signupMode, Boolean allowPrivateWebhookTargets) {}

    record InviteLink(String id, String code, String url, Instant expiresAt) {}

    record SuspensionRequest(String reason) {}

    /** A member's account status as an admin sees it; the suspension fields are null once it is lifted. */
    record AccountStatus(String memberId, String displayName, MemberStatus status, Instant suspendedAt, String reason) {}

    private final CommunitySettingRows settings;
    private final InviteRows invites;
    private final Suspensions suspensions;
    private final Clock clock;
    private final String baseUrl;

    AdminApi(CommunitySettingRows settings, InviteRows invites, Suspensions suspensions, Clock clock,
             @Value("${reciprocity.base-url}") String baseUrl) {
        this.settings = settings;
        this.invites = invites;
        this.suspensions = suspensions;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/admin/settings")
    @Operation(summary = "Community settings (admins only)")
    Settings getSettings() {
        return new Settings(settings.signupMode(), settings.allowPrivateWebhookTargets());
    }

    @PutMapping("/api/v1/admin/settings")
    @Operation(summary = "Change community settings (admins only)",
            description = "signupMode OPEN or INVITE_ONLY; allowPrivateWebhookTargets lets webhooks call loopback and "
                    + "private addresses (off by default: the SSRF guard). Absent fields stay as they are.")
    Settings changeSettings(@RequestBody Settings body) {
        if (body.signupMode() == null && body.allowPrivateWebhookTargets() == null) {
            throw new InvalidInput("signupMode", "Use OPEN or INVITE_ONLY.");
        }
        if (body.signupMode() != null) {
            settings.setSignupMode(body.signupMode());
        }
        if (body.allowPrivateWebhookTargets() != null) {
            settings.setAllowPrivateWebhookTargets(body.allowPrivateWebhookTargets());
        }
        return getSettings();
    }

    @PostMapping("/api/v1/admin/invites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a single-use invite link, valid for 14 days (admins only)")
    InviteLink createInvite(@AuthenticationPrincipal CurrentMember me, HttpServletRequest request) {
        InviteRows.Created created = invites.create(me.id(), clock.instant());
        Idempotency.answerHoldsSecret(request);
        return new InviteLink(created.id(), created.code(), inviteUrl(baseUrl, created.code()), created.expiresAt());
    }

    @PostMapping("/api/v1/admin/members/{id}/suspend")
    @Operation(summary = "Suspend a member (admins only)",
            description = "A reason is required and kept. The member's sessions end on every instance, their tokens answer "
                    + "401, they cannot sign in and others stop finding them. Suspending a suspended member answers the "
                    + "suspension as it stands; an admin cannot suspend themself (409).")
    AccountStatus suspend(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                          @RequestBody(required = false) SuspensionRequest body) {
        MemberRows.Suspension s = suspensions.suspend(me, id, body == null ? null : body.reason());
        return new AccountStatus(s.member().publicId(), s.member().displayName(), s.member().status(), s.suspendedAt(),
                s.reason());
    }

    @PostMapping("/api/v1/admin/members/{id}/unsuspend")
    @Operation(summary = "Lift a member's suspension (admins only)",
            description = "The account is active again as it was; 409 when it is not suspended. An optional reason is kept "
                    + "in the moderation audit log.")
    AccountStatus unsuspend(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                            @RequestBody(required = false) SuspensionRequest body) {
        Member member = suspensions.unsuspend(me, id, body == null ? null : body.reason());
        return new AccountStatus(member.publicId(), member.displayName(), member.status(), null, null);
    }

    static String inviteUrl(String baseUrl, String code) {
        return baseUrl.replaceAll("/+$", "") + "/signup?invite=" + code;
    }
}
