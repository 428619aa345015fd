package org.reciprocity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.reciprocity.member.CurrentMember;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on every API create (POST): the first response is stored, a repeat
 * with the same key and body gets it again (marked {@code Idempotency-Replayed: true}), the same key
 * with another body is refused with 422, and a repeat while the first is still running gets 409.
 * Keys are scoped to the caller and kept for 24 hours. Server errors are not stored, so they can be
 * retried.
 */
@Component
public class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final int IN_PROGRESS = 0;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public OncePerRequestFilter filter() {
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

    private record Stored(String requestHash, int status, String contentType, String body) {}

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            write(response, Problems.invalidInput(java.util.List.of(new FieldError(HEADER,
                    "Use a key of 1 to 200 characters, such as a UUID."))));
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        byte[] body;
        try {
            // a multipart body must stay with the container, which parses it into parts: hash the parts instead
            body = multipart ? partsOf(request) : request.getInputStream().readAllBytes();
        } catch (IllegalStateException | ServletException e) {
            // an upload over the size limit: let Spring MVC answer it with its own error
            chain.doFilter(request, response);
            return;
        }
        String scope = scope(request);
        String hash = hash(request, body);
        try {
            jdbc.sql("""
                    insert into idempotency_record (scope, idem_key, request_hash, status, created_at)
                    values (:scope, :key, :hash, 0, :now)
                    """).param("scope", scope).param("key", key).param("hash", hash)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            replay(scope, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(multipart ? request : new ReplayedBody(request, body), wrapped);
            if (wrapped.getStatus() < 500) {
                jdbc.sql("""
                        update idempotency_record set status = :status, content_type = :type, body = :body
                        where scope = :scope and idem_key = :key
                        """).param("status", wrapped.getStatus()).param("type", wrapped.getContentType())
                        .param("body", new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .param("scope", scope).param("key", key).update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("delete from idempotency_record where scope = :scope and idem_key = :key")
                        .param("scope", scope).param("key", key).update();
            }
            wrapped.copyBodyToResponse();
        }
    }

    private void replay(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, status, content_type, body from idempotency_record
                where scope = :scope and idem_key = :key
                """).param("scope", scope).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (stored.isEmpty() || stored.get().status() == IN_PROGRESS) {
            write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry in a moment."));
            return;
        }
        if (!stored.get().requestHash().equals(hash)) {
            write(response, Problems.invalidInput(java.util.List.of(new FieldError(HEADER,
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request."))));
            return;
        }
        response.setStatus(stored.get().status());
        response.setHeader("Idempotency-Replayed", "true");
        if (stored.get().contentType() != null) {
            response.setContentType(stored.get().contentType());
        }
        if (stored.get().body() != null) {
            response.getOutputStream().write(stored.get().body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void write(HttpServletResponse response, org.springframework.http.ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

    /**
     * Keys belong to the caller. Unauthenticated creates (sign-up, token creation with HTTP Basic) are
     * scoped by their credentials header, so nobody can replay another person's response.
     */
    private static String scope(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember m) {
            return "member:" + m.id();
        }
        String credentials = request.getHeader("Authorization");
        return "anonymous:" + sha256(credentials == null ? "" : credentials).substring(0, 40);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (jakarta.servlet.http.Part part : request.getParts()) {
            all.write((part.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            try (var in = part.getInputStream()) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS, initialDelay = 5)
    void forgetOldKeys() {
        jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", clock.instant().minus(RETENTION).atOffset(ZoneOffset.UTC)).update();
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
