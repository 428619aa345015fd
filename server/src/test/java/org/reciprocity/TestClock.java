package org.reciprocity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the integration tests can move forward. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
