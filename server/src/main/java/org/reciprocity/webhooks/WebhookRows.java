package org.reciprocity.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook and webhook_delivery tables. */
@Repository
class WebhookRows {

    record Hook(long id, String publicId, long ownerId, String url, String secret, List<String> events, boolean active,
                Instant createdAt) {}

    record Delivery(long id, String publicId, long webhookId, String event, String payload, DeliveryState state,
                    int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                    Instant deliveredAt, Instant leaseUntil) {}

    private static final String HOOK = "id, public_id, owner_id, url, secret, events, active, created_at";
    private static final String DELIVERY = """
            id, public_id, webhook_id, event, payload, state, attempts, next_attempt_at, last_status, last_error,
            created_at, delivered_at, lease_until
            """;

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Hook insert(long owner, String url, String secret, List<String> events, Instant now) {
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into webhook (public_id, owner_id, url, secret, events, active, created_at)
                values (:id, :owner, :url, :secret, :events, true, :now)
                """).param("id", publicId).param("owner", owner).param("url", url).param("secret", secret)
                .param("events", String.join(",", events)).param("now", utc(now)).update();
        return byPublicId(owner, publicId).orElseThrow();
    }

    Optional<Hook> byPublicId(long owner, String publicId) {
        return jdbc.sql("select " + HOOK + " from webhook where owner_id = :owner and public_id = :id")
                .param("owner", owner).param("id", publicId).query(WebhookRows::hook).optional();
    }

    Optional<Hook> byId(long id) {
        return jdbc.sql("select " + HOOK + " from webhook where id = :id").param("id", id).query(WebhookRows::hook).optional();
    }

    List<Hook> ofOwner(long owner) {
        return jdbc.sql("select " + HOOK + " from webhook where owner_id = :owner order by id").param("owner", owner)
                .query(WebhookRows::hook).list();
    }

    boolean delete(long owner, String publicId) {
        return jdbc.sql("delete from webhook where owner_id = :owner and public_id = :id").param("owner", owner)
                .param("id", publicId).update() == 1;
    }

    void enqueue(long webhookId, String event, String payload, Instant now) {
        jdbc.sql("""
                insert into webhook_delivery (public_id, webhook_id, event, payload, state, attempts, next_attempt_at, created_at)
                values (:id, :hook, :event, :payload, 'PENDING', 0, :now, :now)
                """).param("id", UUID.randomUUID().toString()).param("hook", webhookId).param("event", event)
                .param("payload", payload).param("now", utc(now)).update();
    }

    /**
     * Due deliveries, oldest first, locked until the calling transaction ends: pending ones whose time has
     * come, and SENDING ones whose lease ran out. Rows another transaction holds are skipped, not waited for,
     * and so are the deliveries of the webhooks in {@code skipHooks}.
     */
    List<Delivery> lockDue(Instant now, int limit, Collection<Long> skipHooks) {
        List<Long> skip = new ArrayList<>(skipHooks);
        skip.add(-1L); // never empty: "not in ()" is not SQL
        return jdbc.sql("select " + DELIVERY + """
                 from webhook_delivery
                where ((state = 'PENDING' and next_attempt_at <= :now) or (state = 'SENDING' and lease_until <= :now))
                  and webhook_id not in (:skip)
                order by next_attempt_at, id
                limit :limit
                for update skip locked
                """).param("now", utc(now)).param("skip", skip).param("limit", limit).query(WebhookRows::delivery).list();
    }

    /** Marks locked deliveries as being sent by this instance until {@code until}. */
    void lease(Collection<Long> ids, Instant until) {
        if (!ids.isEmpty()) {
            jdbc.sql("update webhook_delivery set state = 'SENDING', lease_until = :until where id in (:ids)")
                    .param("until", utc(until)).param("ids", List.copyOf(ids)).update();
        }
    }

    List<Delivery> deliveries(long webhookId, int limit) {
        return jdbc.sql("select " + DELIVERY + " from webhook_delivery where webhook_id = :hook order by id desc limit :limit")
                .param("hook", webhookId).param("limit", limit).query(WebhookRows::delivery).list();
    }

    /**
     * Records an attempt made under the lease ending {@code lease}. False when that lease is no longer held
     * (it ran out and another instance claimed the delivery, or the webhook was deleted): the result is
     * then dropped, since the new holder records its own.
     */
    boolean attempted(long id, Instant lease, DeliveryState state, int attempts, Instant next, Integer status, String error,
                      Instant now) {
        return jdbc.sql("""
                update webhook_delivery set state = :state, attempts = :attempts, next_attempt_at = :next,
                       last_status = :status, last_error = :error, lease_until = null,
                       delivered_at = coalesce(:delivered, delivered_at)
                where id = :id and state = 'SENDING' and lease_until = :lease
                """).param("state", state.name()).param("attempts", attempts)
                .param("next", next == null ? null : utc(next), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("status", status, java.sql.Types.INTEGER)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("delivered", state == DeliveryState.DELIVERED ? utc(now) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id).param("lease", utc(lease)).update() == 1;
    }

    private static Hook hook(ResultSet rs, int row) throws SQLException {
        return new Hook(rs.getLong("id"), rs.getString("public_id"), rs.getLong("owner_id"), rs.getString("url"),
                rs.getString("secret"), Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        OffsetDateTime next = rs.getObject("next_attempt_at", OffsetDateTime.class);
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        OffsetDateTime lease = rs.getObject("lease_until", OffsetDateTime.class);
        return new Delivery(rs.getLong("id"), rs.getString("public_id"), rs.getLong("webhook_id"), rs.getString("event"),
                rs.getString("payload"), DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                next == null ? null : next.toInstant(), rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), delivered == null ? null : delivered.toInstant(),
                lease == null ? null : lease.toInstant());
    }

    /**
     * In microseconds, the databases' precision: H2 rounds a nanosecond instant when it stores it but
     * compares a parameter at full precision, so a delivery due "now" could seem due a microsecond later.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
