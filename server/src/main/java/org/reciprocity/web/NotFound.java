package org.reciprocity.web;

/** Something that does not exist, or that the caller may not know exists: always 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
