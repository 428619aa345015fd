package org.reciprocity.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.reciprocity.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Problem details written by security filters, which run before Spring MVC's error handling. */
@Component
class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"reciprocity\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail));
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }
}
