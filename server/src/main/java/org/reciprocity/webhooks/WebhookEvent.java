package org.reciprocity.webhooks;

import java.util.Map;

/**
 * Something happened that concerns {@code memberId}; their webhooks subscribed to {@code type} get it.
 * Publish it as a Spring event inside the write's transaction; the deliveries are queued in it.
 */
public record WebhookEvent(long memberId, String type, Map<String, Object> data) {

    public static final String EXCHANGE_RECORDED = "exchange.recorded";
    public static final String EXCHANGE_CONFIRMED = "exchange.confirmed";
    public static final String ASK_MATCHED = "ask.matched";
    public static final String INTRODUCTION_ACCEPTED = "introduction.accepted";

    public static final java.util.List<String> TYPES =
            java.util.List.of(EXCHANGE_RECORDED, EXCHANGE_CONFIRMED, ASK_MATCHED, INTRODUCTION_ACCEPTED);
}
