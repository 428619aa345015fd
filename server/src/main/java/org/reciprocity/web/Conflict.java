package org.reciprocity.web;

/** The request contradicts the current state (an e-mail already taken, a request already answered): 409. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
