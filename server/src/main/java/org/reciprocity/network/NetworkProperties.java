package org.reciprocity.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** reciprocity.network.*: the limits on connection requests. */
@ConfigurationProperties("reciprocity.network")
record NetworkProperties(int requestsPerWeek, int requestsFirstDay, int cooldownAfterDeclineDays, int maxPending) {
}
