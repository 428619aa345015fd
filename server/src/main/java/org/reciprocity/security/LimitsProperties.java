package org.reciprocity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The abuse limits (reciprocity.limits.*; defaults and meanings in application.yml).
 *
 * @param signInFreeFailures      failed sign-ins per account and per address before the back-off starts
 * @param signInMaxBackoff        the longest wait the back-off imposes between two attempts
 * @param concurrentPasswordChecks password hashes (19 MiB of argon2 each) computed at once; more wait briefly, then get 429
 * @param signupsPerHourPerAddress accounts created from one address in an hour
 * @param tokensPerMember         active API tokens a member may hold
 * @param unsolicitedFavorsPerDay favors a member may record in 24 hours with members they are not connected to
 * @param unsolicitedPendingPerMember such favors waiting for one member's answer at once
 * @param postingsPerDay          asks, offers and opportunities a member may post in 24 hours
 * @param api                     request rates of the JSON API
 */
@ConfigurationProperties("reciprocity.limits")
public record LimitsProperties(int signInFreeFailures, Duration signInMaxBackoff, int concurrentPasswordChecks,
                               int signupsPerHourPerAddress, int tokensPerMember, int unsolicitedFavorsPerDay,
                               int unsolicitedPendingPerMember, int postingsPerDay, Api api) {

    /**
     * Requests a minute per token and per client address, reads (GET, HEAD) and writes counted apart;
     * anonymous calls count against their address only.
     */
    public record Api(int readsPerMinute, int writesPerMinute, int addressReadsPerMinute, int addressWritesPerMinute) {}
}
