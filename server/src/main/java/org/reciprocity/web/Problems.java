package org.reciprocity.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem details the same way wherever an error leaves the API. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidInput(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "The input breaks a rule",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields need attention.");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail tooManyRequests(TooManyRequests limit) {
        ProblemDetail problem = of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", limit.getMessage());
        problem.setProperty("retryAfterSeconds", limit.retryAfterSeconds());
        return problem;
    }

    /** The problem as RFC 9457 members, extensions at the top level, for writers outside Spring MVC. */
    public static java.util.Map<String, Object> asMap(ProblemDetail problem) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> response(TooManyRequests limit) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(tooManyRequests(limit));
    }
}
