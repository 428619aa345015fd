package org.reciprocity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session a fixed time after sign-in (default 12 h) however active it is; the
 * container's idle timeout (30 min) handles sessions left alone.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = AbsoluteSessionTimeout.class.getName() + ".signedInAt";

    private final Duration limit;
    private final Clock clock;

    AbsoluteSessionTimeout(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && signedInAt.plus(limit).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
