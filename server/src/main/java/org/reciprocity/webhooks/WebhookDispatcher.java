package org.reciprocity.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued webhook deliveries: a POST of the JSON payload signed with HMAC-SHA256 over
 * {@code <timestamp>.<body>} ({@code Reciprocity-Signature: t=<unix seconds>,v1=<hex>}). A failure is
 * retried with exponential back-off (base, 2×base, 4×base, …) up to {@value #MAX_ATTEMPTS} attempts.
 */
@Component
public class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 8;
    static final String SIGNATURE = "Reciprocity-Signature";

    private final WebhookRows rows;
    private final OutboundGuard guard;
    private final Clock clock;
    private final Duration base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDispatcher(WebhookRows rows, OutboundGuard guard, Clock clock,
                      @Value("${reciprocity.webhooks.retry-base:PT30S}") Duration base) {
        this.rows = rows;
        this.guard = guard;
        this.clock = clock;
        this.base = base;
    }

    /** Sends what is due; returns how many deliveries succeeded. */
    @Scheduled(fixedDelayString = "${reciprocity.webhooks.poll:PT5S}", initialDelayString = "${reciprocity.webhooks.poll:PT5S}")
    public synchronized int runDue() {
        int delivered = 0;
        for (WebhookRows.Delivery d : rows.due(clock.instant(), 50)) {
            Optional<WebhookRows.Hook> hook = rows.byId(d.webhookId());
            if (hook.isPresent() && attempt(hook.get(), d)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(WebhookRows.Hook hook, WebhookRows.Delivery d) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        Integer status = null;
        String error;
        Optional<String> refusal = guard.refusal(hook.url());
        if (refusal.isPresent()) {
            rows.attempted(d.id(), "FAILED", attempts, null, null, "Not sent: " + refusal.get(), now);
            return false;
        }
        try {
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Reciprocity-Webhooks/1")
                    .header("Reciprocity-Event", d.event())
                    .header("Reciprocity-Delivery", d.publicId())
                    .header(SIGNATURE, "t=" + timestamp + ",v1=" + sign(hook.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                rows.attempted(d.id(), "DELIVERED", attempts, null, status, null, now);
                return true;
            }
            error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean last = attempts >= MAX_ATTEMPTS;
        rows.attempted(d.id(), last ? "FAILED" : "PENDING", attempts, last ? null : now.plus(base.multipliedBy(1L << (attempts - 1))),
                status, error, now);
        return false;
    }

    /** The hex HMAC-SHA256 of {@code <timestamp>.<body>} with the webhook's secret: what receivers recompute. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
