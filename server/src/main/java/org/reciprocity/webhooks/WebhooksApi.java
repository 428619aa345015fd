package org.reciprocity.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.reciprocity.security.Idempotency;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.ListPage;
import org.reciprocity.webhooks.Webhooks.DeliveryView;
import org.reciprocity.webhooks.Webhooks.Registration;
import org.reciprocity.webhooks.Webhooks.WebhookView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class WebhooksApi {

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/webhooks")
    @Operation(summary = "Register an HTTPS address for events that concern you",
            description = "events: exchange.recorded, exchange.confirmed, ask.matched, introduction.accepted. The answer "
                    + "holds the signing secret, shown only once. Each POST carries Reciprocity-Signature: "
                    + "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">; failures are retried with back-off.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WebhookView> registerWebhook(@AuthenticationPrincipal CurrentMember me, @RequestBody Registration body,
                                         HttpServletRequest request) {
        WebhookView created = webhooks.register(me, body);
        Idempotency.answerHoldsSecret(request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/webhooks")
    @Operation(summary = "The caller's webhooks")
    ListPage<WebhookView> listWebhooks(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(webhooks.mine(me), null);
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @Operation(summary = "Delete a webhook and its delivery log")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deleteWebhook(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        webhooks.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    @Operation(summary = "The delivery log of a webhook, newest first: state, attempts, last status or error",
            description = "state: PENDING (waiting for its next attempt, at nextAttemptAt), SENDING (an attempt is under "
                    + "way), DELIVERED (answered 2xx) or FAILED (refused as a private address, or 8 attempts failed).")
    ListPage<DeliveryView> listDeliveries(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return new ListPage<>(webhooks.deliveries(me, id), null);
    }
}
