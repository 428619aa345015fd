package org.reciprocity.webhooks;

/** Where a webhook delivery stands; stored by name in {@code webhook_delivery.state}. */
enum DeliveryState {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    PENDING,
    /** Claimed by an instance that is sending it, until {@code lease_until}; due again after that. */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Refused by the SSRF guard, or every attempt failed. */
    FAILED
}
