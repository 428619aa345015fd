package org.reciprocity.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.ExchangeKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a whole ledger at once (the demo community): rows, their history and thank-you notes, in
 * batches. It bypasses the rules of {@link Ledger} on purpose and is only for trusted, generated data.
 */
@Repository
public class LedgerSeedRows {

    /** A favor already answered: confirmed ones may carry the receiver's thanks. */
    public record Favor(long giverId, long receiverId, boolean recordedByReceiver, ExchangeKind kind,
                        String description, int weight, LocalDate occurredOn, ExchangeStatus status, String thanks,
                        String disputeReason) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    LedgerSeedRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void seed(List<Favor> favors, Instant now) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Map<String, Favor> byPublicId = new HashMap<>();
        for (Favor f : favors) {
            String publicId = UUID.randomUUID().toString();
            byPublicId.put(publicId, f);
            long recorder = f.recordedByReceiver() ? f.receiverId() : f.giverId();
            long counterpart = f.recordedByReceiver() ? f.giverId() : f.receiverId();
            rows.add(new MapSqlParameterSource("publicId", publicId).addValue("recorder", recorder)
                    .addValue("counterpart", counterpart)
                    .addValue("direction", (f.recordedByReceiver() ? Direction.RECEIVED : Direction.GAVE).name())
                    .addValue("kind", f.kind().name()).addValue("description", f.description())
                    .addValue("weight", f.weight()).addValue("occurredOn", f.occurredOn())
                    .addValue("status", f.status().name()).addValue("reason", f.disputeReason())
                    .addValue("created", recordedAt(f, now)).addValue("changed", answeredAt(f, now)));
        }
        batch.batchUpdate("""
                insert into exchange (public_id, recorder_id, counterpart_id, direction, kind, description, weight,
                                      occurred_on, status, dispute_reason, created_at, status_changed_at)
                values (:publicId, :recorder, :counterpart, :direction, :kind, :description, :weight, :occurredOn,
                        :status, :reason, :created, :changed)
                """, rows.toArray(MapSqlParameterSource[]::new));
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, public_id from exchange").query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        List<MapSqlParameterSource> events = new ArrayList<>();
        List<MapSqlParameterSource> thanks = new ArrayList<>();
        byPublicId.forEach((publicId, f) -> {
            long id = ids.get(publicId);
            long recorder = f.recordedByReceiver() ? f.receiverId() : f.giverId();
            long counterpart = f.recordedByReceiver() ? f.giverId() : f.receiverId();
            events.add(event(id, recorder, "RECORDED", null, recordedAt(f, now)));
            if (f.status() == ExchangeStatus.CONFIRMED || f.status() == ExchangeStatus.DISPUTED) {
                events.add(event(id, counterpart, f.status().name(), f.disputeReason(), answeredAt(f, now)));
            }
            if (f.status() == ExchangeStatus.CONFIRMED && f.thanks() != null) {
                var at = answeredAt(f, now).plusHours(2);
                thanks.add(new MapSqlParameterSource("e", id).addValue("a", f.receiverId()).addValue("note", f.thanks())
                        .addValue("at", at));
                events.add(event(id, f.receiverId(), "THANKED", null, at));
            }
        });
        batch.batchUpdate("insert into exchange_event (exchange_id, actor_id, event, detail, at) values (:e, :a, :ev, :d, :at)",
                events.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("insert into thanks (exchange_id, author_id, note, created_at) values (:e, :a, :note, :at)",
                thanks.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource event(long exchangeId, long actor, String event, String detail,
                                               java.time.OffsetDateTime at) {
        return new MapSqlParameterSource("e", exchangeId).addValue("a", actor).addValue("ev", event)
                .addValue("d", detail).addValue("at", at);
    }

    private static java.time.OffsetDateTime recordedAt(Favor f, Instant now) {
        return earliest(f.occurredOn().atTime(18, 0).toInstant(ZoneOffset.UTC), now);
    }

    /** The counterpart answered the day after it was recorded (never in the future). */
    private static java.time.OffsetDateTime answeredAt(Favor f, Instant now) {
        return f.status() == ExchangeStatus.PENDING ? recordedAt(f, now)
                : earliest(f.occurredOn().plusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC), now);
    }

    private static java.time.OffsetDateTime earliest(Instant a, Instant b) {
        return (a.isBefore(b) ? a : b).atOffset(ZoneOffset.UTC);
    }
}
