package org.reciprocity.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.db.MemberLocks;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.reciprocity.web.TooManyRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks (I3): a member registers an address for the events that concern them; each event becomes a
 * signed delivery that {@link WebhookDispatcher} sends and retries. The secret is shown once.
 */
@Service
public class Webhooks {

    static final int MAX_PER_MEMBER = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Registration(String url, List<String> events) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(String id, String url, List<String> events, Instant createdAt, String secret) {}

    /** One delivery in the log; {@code state} is PENDING, SENDING, DELIVERED or FAILED ({@link DeliveryState}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String id, String event, String state, int attempts, Integer lastStatus, String lastError,
                               Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {}

    private final WebhookRows rows;
    private final OutboundGuard guard;
    private final JsonMapper json;
    private final Clock clock;
    private final MemberLocks locks;
    private final TransactionTemplate tx;

    Webhooks(WebhookRows rows, OutboundGuard guard, JsonMapper json, Clock clock, MemberLocks locks, TransactionTemplate tx) {
        this.locks = locks;
        this.tx = tx;
        this.rows = rows;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
    }

    public WebhookView register(CurrentMember me, Registration body) {
        List<FieldError> errors = new ArrayList<>();
        String url = body == null || body.url() == null ? "" : body.url().strip();
        if (url.length() > 2000) {
            errors.add(new FieldError("url", "Keep the address under 2000 characters."));
        } else {
            guard.refusal(url).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String e : body == null || body.events() == null ? List.<String>of() : body.events()) {
            String clean = e == null ? "" : e.strip().toLowerCase(Locale.ROOT);
            if (!WebhookEvent.TYPES.contains(clean)) {
                errors.add(new FieldError("events", "Choose among " + String.join(", ", WebhookEvent.TYPES) + "."));
                break;
            }
            events.add(clean);
        }
        if (events.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("events"))) {
            errors.add(new FieldError("events", "Choose at least one event: " + String.join(", ", WebhookEvent.TYPES) + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        WebhookRows.Hook hook = tx.execute(status -> {
            locks.lockForLimits(me.id());
            if (rows.ofOwner(me.id()).size() >= MAX_PER_MEMBER) {
                throw new TooManyRequests("You have " + MAX_PER_MEMBER + " webhooks, the most allowed; delete one first.",
                        java.time.Duration.ofHours(1));
            }
            return rows.insert(me.id(), url, secret, List.copyOf(events), clock.instant());
        });
        return new WebhookView(hook.publicId(), hook.url(), hook.events(), hook.createdAt(), secret);
    }

    public List<WebhookView> mine(CurrentMember me) {
        return rows.ofOwner(me.id()).stream()
                .map(h -> new WebhookView(h.publicId(), h.url(), h.events(), h.createdAt(), null)).toList();
    }

    public void delete(CurrentMember me, String id) {
        if (!rows.delete(me.id(), id == null ? "" : id.strip())) {
            throw new NotFound("You have no webhook with this id.");
        }
    }

    public List<DeliveryView> deliveries(CurrentMember me, String id) {
        WebhookRows.Hook hook = rows.byPublicId(me.id(), id == null ? "" : id.strip())
                .orElseThrow(() -> new NotFound("You have no webhook with this id."));
        return rows.deliveries(hook.id(), 100).stream().map(d -> new DeliveryView(d.publicId(), d.event(), d.state().name(),
                d.attempts(), d.lastStatus(), d.lastError(), d.createdAt(),
                d.state() == DeliveryState.PENDING ? d.nextAttemptAt() : null, d.deliveredAt())).toList();
    }

    /**
     * Queues a delivery for each of the member's webhooks that asked for this event. It runs inside the
     * transaction that published the event: the delivery rows commit with the write they announce, and
     * the dispatcher sends them even after a crash (the delivery table is the outbox).
     */
    @EventListener
    void on(WebhookEvent event) {
        Instant now = clock.instant();
        for (WebhookRows.Hook hook : rows.ofOwner(event.memberId())) {
            if (hook.active() && hook.events().contains(event.type())) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("id", UUID.randomUUID().toString());
                payload.put("event", event.type());
                payload.put("createdAt", now.toString());
                payload.put("data", event.data());
                rows.enqueue(hook.id(), event.type(), json.writeValueAsString(payload), now);
            }
        }
    }
}
