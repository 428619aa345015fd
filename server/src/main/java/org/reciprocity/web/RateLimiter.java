package org.reciprocity.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.reciprocity.core.limit.SlidingWindow;

/**
 * An exact sliding-window limit per key ("6 failed sign-ins a minute per address"), held in memory
 * with a bounded, expiring map so that a flood of distinct keys cannot exhaust the heap. Limits that
 * must survive a restart or span several servers are counted in the database by their feature.
 */
public final class RateLimiter {

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, SlidingWindow> windows;

    public RateLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.windows = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(200_000).build();
    }

    /** How long to wait before the next event under {@code key}, or empty while there is room. */
    public Optional<Duration> retryAfter(String key) {
        SlidingWindow w = windows.getIfPresent(key);
        if (w == null) {
            return Optional.empty();
        }
        synchronized (w) {
            return w.retryAfter(clock.instant());
        }
    }

    public void record(String key) {
        SlidingWindow w = windows.get(key, k -> new SlidingWindow(max, window));
        synchronized (w) {
            w.record(clock.instant());
        }
    }

    /** Records the event if there is room; throws with the wait otherwise. */
    public void acquire(String key, String message) {
        SlidingWindow w = windows.get(key, k -> new SlidingWindow(max, window));
        synchronized (w) {
            Optional<Duration> wait = w.retryAfter(clock.instant());
            if (wait.isPresent()) {
                throw new TooManyRequests(message, wait.get());
            }
            w.record(clock.instant());
        }
    }
}
