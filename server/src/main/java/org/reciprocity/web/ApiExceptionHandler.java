package org.reciprocity.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Translates every error of the JSON API into RFC 9457 problem details, once. Page controllers
 * are plain {@code @Controller}s and are not covered: they render messages beside the fields.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return Problems.response(Problems.invalidInput(e.errors()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict with the current state", e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your account may not do this."));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        return Problems.response(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Malformed request",
                "Parameter '" + e.getName() + "' has an unusable value."));
    }

    /** Two requests met on the same rows and the database chose one (a deadlock or a lock it gave up waiting for). */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> collided(Exception e) {
        log.info("Concurrent requests collided; answered 409: {}", e.getMessage());
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict with the current state",
                "Another request changed this at the same moment. Try again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing you sent was lost or half-applied."));
    }

    /**
     * A parameter whose name or value Spring Security's firewall refuses (a NUL in a form body, say): it
     * checks when the parameters are first read, inside the controller, so the refusal arrives here.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(Exception e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Malformed request",
                "A parameter's name or value holds characters that are not allowed, such as NUL."));
    }

    /** A parameter the container could not decode (invalid UTF-8 that slipped past the request filter). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(Exception e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Malformed request",
                "A parameter is not valid percent-encoded UTF-8."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodyTooLarge.class) != null) {
            return new ResponseEntity<>(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    causedBy(ex, BodyTooLarge.class).getMessage()), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
        }
        StrictStrings.ControlCharacter control = causedBy(ex, StrictStrings.ControlCharacter.class);
        if (control != null) {
            return new ResponseEntity<>(Problems.invalidInput(List.of(new FieldError(control.field(),
                    "Text may not contain control characters such as NUL, nor half of a character."))), problemHeaders(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        MismatchedInputException mismatch = causedBy(ex, MismatchedInputException.class);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request body",
                mismatch != null && !mismatch.getPath().isEmpty()
                        ? "The field '" + StrictStrings.path(mismatch.getPath()) + "' does not have the expected type."
                        : "The body is not valid JSON of the expected shape.");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return new ResponseEntity<>(Problems.invalidInput(errors), problemHeaders(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            if (problem.getTitle() == null) {
                problem.setTitle(status.getReasonPhrase());
            }
            // Spring's own problems (405, 406, 415...) come as about:blank; every problem here names its kind
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create("/problems/" + slug(status)));
            }
        }
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, statusCode);
    }

    static String slug(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case BAD_REQUEST -> "bad-request";
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "too-large";
            default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
        };
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
