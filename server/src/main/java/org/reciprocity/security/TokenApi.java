package org.reciprocity.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.Problems;
import org.reciprocity.web.TooManyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and tokens")
class TokenApi {

    record CreateToken(String name) {}

    record TokenList(List<ApiTokens.Token> items, String nextCursor) {}

    private final PasswordAuthenticator authenticator;
    private final ApiTokens tokens;
    private final Clock clock;

    TokenApi(PasswordAuthenticator authenticator, ApiTokens tokens, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Create a personal access token",
            description = "Authenticate with HTTP Basic (e-mail:password). The token is shown only in this response.",
            security = @SecurityRequirement(name = org.reciprocity.web.ApiDocs.BASIC))
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<?> createToken(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                             @RequestBody(required = false) CreateToken body, HttpServletRequest request) {
        String[] credentials = basicCredentials(authorization);
        if (credentials == null) {
            return unauthorized("Send your e-mail and password with HTTP Basic authentication.");
        }
        CurrentMember member;
        try {
            member = authenticator.authenticate(credentials[0], credentials[1], request.getRemoteAddr());
        } catch (TooManyRequests e) {
            return Problems.response(e);
        } catch (BadCredentialsException | DisabledException e) {
            return unauthorized(e.getMessage());
        }
        ApiTokens.Issued issued = tokens.issue(member.id(), body == null ? null : body.name(), clock.instant());
        Idempotency.answerHoldsSecret(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "The caller's active tokens (never the secret values)")
    TokenList listTokens(@AuthenticationPrincipal CurrentMember me) {
        return new TokenList(tokens.active(me.id()), null);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
    void revokeToken(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        if (!tokens.revoke(me.id(), id, clock.instant())) {
            throw new NotFound("You have no active token with this id.");
        }
    }

    record Revoked(int revoked) {}

    @PostMapping("/api/v1/tokens/revoke-all")
    @Operation(summary = "Revoke every token of the caller, the one making this call included")
    Revoked revokeAllTokens(@AuthenticationPrincipal CurrentMember me) {
        return new Revoked(tokens.revokeAll(me.id(), clock.instant()));
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"reciprocity\", charset=\"UTF-8\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail));
    }

    /** e-mail and password from a Basic header, or null when it is absent or malformed. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
