package org.reciprocity.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application; tests replace it to move time. It ticks in whole microseconds,
 * the precision both databases store: H2 rounds a finer instant when it stores it, so a time read back
 * would otherwise differ from the one written, and "not before now" checks would fail by nanoseconds.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
