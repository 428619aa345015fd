package org.reciprocity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over the size limit, or a broken multipart body, fails before any controller is chosen, so it is answered here: with
 * problem details in the API, and back to the import form with a message in pages. (Left to the
 * container's error page, the multipart body would be parsed again and the answer would be empty.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return Problems.response(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                    "The file is larger than 10 MB; split it into smaller files."));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/contacts/import?tooLarge")).build();
    }

    /** A multipart body without its boundary, cut short or otherwise broken: the client's mistake, 400. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> broken(HttpServletRequest request) {
        // on the container's error dispatch the request is /error: the path asked for is kept in an attribute
        Object asked = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = asked instanceof String original ? original : request.getRequestURI();
        if (path.startsWith("/api/")) {
            return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed upload",
                    "The upload is not a complete multipart/form-data body: send the file as the part 'file' with a boundary."));
        }
        if (path.startsWith("/contacts/import")) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/contacts/import?broken")).build();
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .body("The request says it is an upload (multipart/form-data) but its body is not a complete one.");
    }
}
