package org.reciprocity.web;

import java.time.Duration;

/** A limit is reached: 429 with Retry-After in the API, a message with the wait in a page. */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, never zero: what the Retry-After header carries. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** "3 minutes", "40 seconds": the wait as a person reads it. */
    public String waitInWords() {
        long seconds = retryAfterSeconds();
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
