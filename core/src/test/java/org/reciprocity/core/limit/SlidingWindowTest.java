package org.reciprocity.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void allowsUpToMaxEventsThenAsksToWaitUntilTheOldestLeavesTheWindow() {
        SlidingWindow window = new SlidingWindow(3, Duration.ofMinutes(1));
        window.record(T0);
        window.record(T0.plusSeconds(10));
        assertThat(window.retryAfter(T0.plusSeconds(20))).isEmpty();
        window.record(T0.plusSeconds(20));
        assertThat(window.retryAfter(T0.plusSeconds(30))).contains(Duration.ofSeconds(30));
        assertThat(window.retryAfter(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void doesNotLetABurstThroughAtTheBoundaryLikeAFixedWindowWould() {
        SlidingWindow window = new SlidingWindow(2, Duration.ofHours(1));
        window.record(T0.plusSeconds(3590));
        window.record(T0.plusSeconds(3599));
        // a fixed hourly window would reset at T0+3600; the sliding one still counts both
        assertThat(window.retryAfter(T0.plusSeconds(3601))).isPresent();
        assertThat(window.count(T0.plusSeconds(3601))).isEqualTo(2);
    }

    @Test
    void forgetsEventsOlderThanTheWindow() {
        SlidingWindow window = new SlidingWindow(5, Duration.ofMinutes(1));
        window.record(T0);
        assertThat(window.isEmpty(T0.plusSeconds(61))).isTrue();
    }

    @Test
    void neverHoldsMoreThanMaxEvents() {
        SlidingWindow window = new SlidingWindow(2, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            window.record(T0.plusSeconds(i));
        }
        assertThat(window.count(T0.plusSeconds(10))).isEqualTo(2);
        assertThat(window.retryAfter(T0.plusSeconds(10))).contains(Duration.ofSeconds(58));
    }
}
