package org.reciprocity.core.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts events in a sliding window ("at most 25 failed sign-ins per hour") exactly, unlike a
 * token bucket, which lets a burst through at each refill. Holds at most {@code max} instants.
 * Not thread-safe: callers synchronise on the instance.
 */
public final class SlidingWindow {

    private final int max;
    private final Duration window;
    private final Deque<Instant> events = new ArrayDeque<>();

    public SlidingWindow(int max, Duration window) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.max = max;
        this.window = window;
    }

    /** Records one event at {@code now}. */
    public void record(Instant now) {
        forgetBefore(now);
        if (events.size() == max) {
            events.removeFirst();
        }
        events.addLast(now);
    }

    /**
     * When the window is full at {@code now}, how long until one more event is allowed;
     * empty while there is room.
     */
    public Optional<Duration> retryAfter(Instant now) {
        forgetBefore(now);
        if (events.size() < max) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, events.peekFirst().plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    public int count(Instant now) {
        forgetBefore(now);
        return events.size();
    }

    public boolean isEmpty(Instant now) {
        return count(now) == 0;
    }

    private void forgetBefore(Instant now) {
        Instant horizon = now.minus(window);
        while (!events.isEmpty() && !events.peekFirst().isAfter(horizon)) {
            events.removeFirst();
        }
    }
}
