package org.reciprocity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. Tokens are read only
 * from that header, never from a query string, where they would end up in logs. A token that does
 * not authenticate is answered 401 at once rather than treated as anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute naming the token that authenticated the call, for per-token rate limits. */
    static final String TOKEN_ID = BearerTokenFilter.class.getName() + ".tokenId";

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final Clock clock;

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Authenticated found = tokens.authenticate(header.substring(7).strip(), clock.instant()).orElse(null);
        if (found == null) {
            problems.unauthorized(response, "The token is unknown, revoked, or belongs to a suspended account.");
            return;
        }
        request.setAttribute(TOKEN_ID, found.tokenId());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(FormLoginProvider.authenticated(found.member()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
