package org.reciprocity.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * reciprocity.webhooks.*: how deliveries are sent ({@code poll}, how often, is read by the scheduler).
 * {@code threads} deliveries at most are in flight per instance, {@code perHost} of them to one target
 * host; a claim holds a delivery for {@code lease}.
 */
@ConfigurationProperties("reciprocity.webhooks")
record WebhookProperties(@DefaultValue("PT30S") Duration retryBase,
                         @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration responseTimeout,
                         @DefaultValue("8") int threads, @DefaultValue("2") int perHost,
                         @DefaultValue("PT2M") Duration lease) {

    WebhookProperties {
        if (threads < 1 || perHost < 1) {
            throw new IllegalArgumentException("reciprocity.webhooks.threads and per-host must be at least 1");
        }
        // an attempt is cut off after connect + response timeouts; the lease must outlast it, or another
        // instance would claim a delivery that is still being sent
        if (lease.compareTo(connectTimeout.plus(responseTimeout)) <= 0) {
            throw new IllegalArgumentException("reciprocity.webhooks.lease must be longer than connect-timeout + response-timeout");
        }
    }

    /** The longest one attempt may take, all included. */
    Duration attemptDeadline() {
        return connectTimeout.plus(responseTimeout);
    }
}
