package org.reciprocity.web;

/** The caller knows the object but may not do this to it: 403. */
public class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message);
    }
}
