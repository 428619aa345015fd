package org.reciprocity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Named exceptions that reach a page controller become a page that explains itself, with the
 * status the API would use. Forms catch their own validation errors to show them beside the fields;
 * this is the fallback. The API's handler is consulted first for API controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request, response);
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), request, response);
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "This has changed", e.getMessage(), request, response);
    }

    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ModelAndView collided(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "This has changed", "Another request changed this at the same moment. Go back and"
                + " try again.", request, response);
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, "Please check your input", e.getMessage(), request, response);
    }

    @ExceptionHandler(TooManyRequests.class)
    ModelAndView tooMany(TooManyRequests e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return page(HttpStatus.TOO_MANY_REQUESTS, "Please wait",
                e.getMessage() + " Try again in " + e.waitInWords() + ".", request, response);
    }

    private static ModelAndView page(HttpStatus status, String title, String message, HttpServletRequest request,
                                     HttpServletResponse response) {
        response.setStatus(status.value());
        return new ModelAndView("pages/error", Map.of("layout", LayoutAdvice.of(request), "status", status.value(),
                "title", title, "message", message), status);
    }
}
