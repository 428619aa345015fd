package org.reciprocity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reciprocity.web.Problems;
import org.reciprocity.web.TooManyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the JSON API, per token and per client address, reads and writes apart. Every answer
 * carries the policies ({@code RateLimit-Policy}) and what is left of the tightest one
 * ({@code RateLimit}), in the structured-field form of the IETF draft "RateLimit header fields for
 * HTTP"; past a limit the answer is 429 with {@code Retry-After}.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemResponses problems;
    private final RateLimits.Rate tokenReads;
    private final RateLimits.Rate tokenWrites;
    private final RateLimits.Rate addressReads;
    private final RateLimits.Rate addressWrites;

    ApiRateLimitFilter(RateLimits limits, LimitsProperties.Api api, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
        Duration minute = Duration.ofMinutes(1);
        this.tokenReads = new RateLimits.Rate("token-reads", api.readsPerMinute(), minute);
        this.tokenWrites = new RateLimits.Rate("token-writes", api.writesPerMinute(), minute);
        this.addressReads = new RateLimits.Rate("address-reads", api.addressReadsPerMinute(), minute);
        this.addressWrites = new RateLimits.Rate("address-writes", api.addressWritesPerMinute(), minute);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        List<RateLimits.Decision> decisions = new ArrayList<>(2);
        decisions.add(limits.take(request.getRemoteAddr(), read ? addressReads : addressWrites));
        Object token = request.getAttribute(BearerTokenFilter.TOKEN_ID);
        if (token != null) {
            decisions.add(limits.take(token.toString(), read ? tokenReads : tokenWrites));
        }
        RateLimits.Decision tightest = decisions.stream()
                .min(Comparator.comparing((RateLimits.Decision d) -> d.allowed()).thenComparingLong(RateLimits.Decision::remaining))
                .orElseThrow();
        response.setHeader("RateLimit-Policy", String.join(", ", decisions.stream().map(d -> "\"" + d.rate().name()
                + "\";q=" + d.rate().permits() + ";w=" + d.rate().window().toSeconds()).toList()));
        response.setHeader("RateLimit", "\"" + tightest.rate().name() + "\";r=" + tightest.remaining() + ";t="
                + seconds(tightest.resetIn()));
        if (!tightest.allowed()) {
            TooManyRequests limit = new TooManyRequests("Too many " + (read ? "reads" : "writes") + " from "
                    + (tightest.rate().name().startsWith("token") ? "this token" : "this address") + ": at most "
                    + tightest.rate().permits() + " a minute.", tightest.retryAfter());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()));
            problems.write(response, Problems.tooManyRequests(limit));
            return;
        }
        chain.doFilter(request, response);
    }

    private static long seconds(Duration d) {
        return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    }
}
