package org.reciprocity.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container sends errors that no controller handled (unknown paths, rejected
 * methods, filter errors): problem details for the API, a page that explains itself otherwise.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null && path.startsWith("/api/") || wantsJson(request)) {
            ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(), detailFor(status));
            return Problems.response(problem);
        }
        response.setStatus(status.value());
        return new ModelAndView("pages/error", Map.of(
                "layout", LayoutAdvice.of(request),
                "status", status.value(),
                "title", status.getReasonPhrase(),
                "message", detailFor(status)), status);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case BAD_REQUEST -> "bad-request";
            default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
        };
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. It may have been removed, or the link may be mistyped.";
            case FORBIDDEN -> "You may not do this. If you were filling in a form, reload the page and try again.";
            case UNAUTHORIZED -> "Sign in to continue.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
            case BAD_REQUEST -> "The request could not be understood.";
            case PAYLOAD_TOO_LARGE -> "The upload is larger than allowed.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. Nothing you submitted was half-saved; please try again."
                    : status.getReasonPhrase();
        };
    }

}
