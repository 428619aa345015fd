package org.reciprocity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("reciprocity.session")
record SessionProperties(Duration idleTimeout, Duration absoluteTimeout) {
}
