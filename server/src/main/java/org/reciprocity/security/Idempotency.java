package org.reciprocity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.Problems;
import org.reciprocity.web.BodyTooLarge;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on every API create (POST). The request runs in one transaction
 * together with the key's record, so after a crash either both the write and its record are there or
 * neither is: a retry with the same key then gets the first answer (marked
 * {@code Idempotency-Replayed: true}) or does the write for the first time, never twice. A repeat
 * that arrives while the first is running waits for it and gets its answer. The same key with another
 * body is refused with 422. Keys are scoped to the caller; anonymous callers (sign-up, token creation)
 * by an HMAC of their credentials, and bodies are compared by HMAC, so a stored record reveals no
 * password. Answers that carry a secret (a new token, a webhook's signing key) are never stored: a
 * repeat of such a request gets 409 instead. Server errors are not stored, so they can be retried.
 */
@Component
public class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final int SECRET_NOT_STORED = -1;
    private static final String DO_NOT_STORE = Idempotency.class.getName() + ".doNotStore";

    private final IdempotencyRows rows;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final ServerKey key;
    private final Clock clock;
    private final ClusterLocks locks;

    Idempotency(IdempotencyRows rows, JsonMapper json, TransactionTemplate tx, ServerKey key, Clock clock, ClusterLocks locks) {
        this.locks = locks;
        this.rows = rows;
        this.json = json;
        this.tx = tx;
        this.key = key;
        this.clock = clock;
    }

    /** Controllers call this when their answer holds a secret shown only once: it is then never stored. */
    public static void answerHoldsSecret(HttpServletRequest request) {
        request.setAttribute(DO_NOT_STORE, Boolean.TRUE);
    }

    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                handle(request, response, chain);
            }
        };
    }


    /** What the transaction decided: the chain ran inside it, or another request holds the key. */
    private record Outcome(boolean ran, IdempotencyRows.Stored replay) {}

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String idemKey = request.getHeader(HEADER).strip();
        if (idemKey.isEmpty() || idemKey.length() > 200 || idemKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            write(response, Problems.invalidInput(List.of(new FieldError(HEADER,
                    "Use a key of 1 to 200 visible ASCII characters, such as a UUID."))));
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        byte[] body;
        try {
            // a multipart body must stay with the container, which parses it into parts: hash the parts instead
            body = multipart ? partsOf(request) : request.getInputStream().readAllBytes();
        } catch (BodyTooLarge e) {
            write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", e.getMessage()));
            return;
        } catch (IllegalStateException | ServletException | IOException e) {
            // an upload over the size limit, or a broken multipart body: let Spring MVC answer it with its own error
            chain.doFilter(request, response);
            return;
        } catch (RuntimeException e) {
            if (!multipart) {
                throw e;
            }
            // a part the container refuses (Tomcat's InvalidFileNameException for a NUL in a file name): the
            // same, Spring MVC answers it as a broken upload
            chain.doFilter(request, response);
            return;
        }
        String scope = scope(request);
        String hash = key.hmacHex("idempotency-request", (request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n").getBytes(StandardCharsets.UTF_8), body);
        HttpServletRequest replayable = multipart ? request : new ReplayedBody(request, body);
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = tx.execute(status -> {
                if (!rows.claim(scope, idemKey, hash, clock.instant())) {
                    return new Outcome(false, rows.find(scope, idemKey).orElse(null));
                }
                try {
                    chain.doFilter(replayable, wrapped);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                if (wrapped.getStatus() >= 500 || status.isRollbackOnly()) {
                    status.setRollbackOnly();
                    return new Outcome(true, null);
                }
                boolean secret = Boolean.TRUE.equals(replayable.getAttribute(DO_NOT_STORE));
                rows.answer(scope, idemKey, secret ? SECRET_NOT_STORED : wrapped.getStatus(),
                        secret ? null : wrapped.getContentType(),
                        secret ? null : new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                return new Outcome(true, null);
            });
        } catch (ChainFailed e) {
            wrapped.copyBodyToResponse();
            if (e.getCause() instanceof ServletException s) {
                throw s;
            }
            throw (IOException) e.getCause();
        } catch (PessimisticLockingFailureException e) {
            // H2 gives up waiting for the first request's lock on the key: it is still running
            replay(null, hash, response);
            return;
        }
        if (outcome != null && !outcome.ran()) {
            replay(outcome.replay(), hash, response);
            return;
        }
        wrapped.copyBodyToResponse();
    }

    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }

    private void replay(IdempotencyRows.Stored stored, String hash, HttpServletResponse response) throws IOException {
        if (stored == null || stored.status() == 0) {
            write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry in a moment."));
            return;
        }
        if (!stored.requestHash().equals(hash)) {
            write(response, Problems.invalidInput(List.of(new FieldError(HEADER,
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request."))));
            return;
        }
        if (stored.status() == SECRET_NOT_STORED) {
            write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-secret-not-stored", "Already done",
                    "A request with this Idempotency-Key already succeeded. Its answer held a secret that is shown only"
                            + " once, so it cannot be repeated; list what you have to see the result."));
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

    /**
     * Keys belong to the caller. Unauthenticated creates (sign-up, token creation with HTTP Basic) are
     * scoped by an HMAC of their credentials header, so nobody can replay another person's response and
     * the stored scope does not give the credentials away.
     */
    private String scope(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember m) {
            return "member:" + m.id();
        }
        String credentials = request.getHeader("Authorization");
        return "anonymous:" + key.hmacHex("idempotency-scope", credentials == null ? "" : credentials).substring(0, 40);
    }

    private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (jakarta.servlet.http.Part part : request.getParts()) {
            all.write((part.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            try (var in = part.getInputStream()) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS, initialDelay = 5)
    void forgetOldKeys() {
        locks.runAlone("idempotency-clean-up", Duration.ofHours(1), Duration.ofMinutes(30), () ->
                rows.forgetBefore(clock.instant().minus(RETENTION)));
    }

    /** Lets the controller read a body that the filter has already read to hash it. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
