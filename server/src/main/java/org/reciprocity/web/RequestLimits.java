package org.reciprocity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter every request meets, before security or any reader: a body larger than
 * {@code reciprocity.limits.max-body-size} (1 MB; uploads have their own limit) is refused with 413
 * before it is read, and a query or form parameter that is not valid percent-encoded UTF-8, or holds a
 * NUL or another control character, is refused with 400. The API answers problem details; pages get
 * the error page.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLimitsFilter(
            @Value("${reciprocity.limits.max-body-size:1MB}") DataSize maxBody, JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(maxBody.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final long maxBody;
        private final JsonMapper json;

        Filter(long maxBody, JsonMapper json) {
            this.maxBody = maxBody;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            boolean multipart = contentType.startsWith("multipart/");
            if (!multipart && request.getContentLengthLong() > maxBody) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                        "The request body is larger than " + DataSize.ofBytes(maxBody).toKilobytes() + " kB.");
                return;
            }
            if (!contentType.isEmpty() && !concrete(request.getContentType())) {
                refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                        "Content-Type must name one type, such as application/json, not '" + printable(request.getContentType()) + "'.");
                return;
            }
            String problem = queryProblem(request.getQueryString());
            if (problem == null && contentType.startsWith("application/x-www-form-urlencoded")) {
                problem = parameterProblem(request);
            }
            if (problem != null) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "bad-request", "Malformed request", problem);
                return;
            }
            chain.doFilter(multipart ? request : new Bounded(request, maxBody), response);
        }

        /** A Content-Type that parses, names one type (no wildcards) and, if it names a charset, one this runtime has. */
        static boolean concrete(String contentType) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                String charset = type.getParameter("charset");
                boolean knownCharset = charset == null || java.nio.charset.Charset.isSupported(charset.replace("\"", ""));
                return !type.isWildcardType() && !type.isWildcardSubtype() && knownCharset;
            } catch (IllegalArgumentException e) {
                // InvalidMediaTypeException, InvalidMimeTypeException and an illegal charset name are all of this kind
                return false;
            }
        }

        private static String printable(String s) {
            String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
            return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
        }

        /** Why the raw query string is unusable, or null: each name and value must decode to clean UTF-8. */
        static String queryProblem(String query) {
            if (query == null || query.isEmpty()) {
                return null;
            }
            for (String pair : query.split("&", -1)) {
                for (String part : pair.split("=", 2)) {
                    String decoded = decode(part);
                    if (decoded == null) {
                        return "A query parameter is not valid percent-encoded UTF-8.";
                    }
                    if (hasControl(decoded)) {
                        return "A query parameter holds a control character (such as NUL), which is not allowed.";
                    }
                }
            }
            return null;
        }

        /** Form fields: the container decodes them; a field it could not decode, or a control character, is refused. */
        private static String parameterProblem(HttpServletRequest request) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) {
                return "A form field is not valid percent-encoded UTF-8.";
            }
            for (Map.Entry<String, String[]> e : parameters.entrySet()) {
                for (String value : e.getValue()) {
                    // form text may span lines; other control characters have no place in it
                    if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
                        return "The field '" + e.getKey() + "' holds a control character (such as NUL), which is not allowed.";
                    }
                }
            }
            return null;
        }

        private static boolean hasControl(String s) {
            return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        }

        /** Percent-decoding with '+' as space, strict UTF-8; null when it is not well formed. */
        static String decode(String s) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= s.length()) {
                        return null;
                    }
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    bytes.write(hi << 4 | lo);
                    i += 2;
                } else if (c == '+') {
                    bytes.write(' ');
                } else if (c > 0x7f) {
                    byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(raw, 0, raw.length);
                } else {
                    bytes.write(c);
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                            String title, String detail) throws IOException {
            if (request.getRequestURI().startsWith("/api/")) {
                ProblemDetail problem = Problems.of(status, type, title, detail);
                response.setStatus(status.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Problems.asMap(problem));
            } else {
                response.sendError(status.value(), detail);
            }
        }
    }

    /** A request whose body stream fails once more than the limit was read (for bodies without a length). */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
