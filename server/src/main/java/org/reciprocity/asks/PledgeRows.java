package org.reciprocity.asks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The pledge table. */
@Repository
class PledgeRows {

    private static final String COLUMNS = "id, public_id, ask_id, helper_id, note, due_on, status, exchange_ref, created_at";

    private final JdbcClient jdbc;

    PledgeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Pledge insert(long askId, long helperId, String note, LocalDate dueOn, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pledge (public_id, ask_id, helper_id, note, due_on, status, created_at, status_changed_at,
                                    active_key)
                values (:publicId, :ask, :helper, :note, :due, 'PLEDGED', :now, :now, :active)
                """).param("publicId", UUID.randomUUID().toString()).param("ask", askId).param("helper", helperId)
                .param("active", askId + ":" + helperId)
                .param("note", note).param("due", dueOn).param("now", PostingRows.utc(now))
                .update(keys, "id");
        return byId(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    Optional<Pledge> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from pledge where id = :id").param("id", id).query(PledgeRows::map).optional();
    }

    Optional<Pledge> byPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from pledge where public_id = :id").param("id", publicId)
                .query(PledgeRows::map).optional();
    }

    List<Pledge> ofAsk(long askId) {
        return jdbc.sql("select " + COLUMNS + " from pledge where ask_id = :ask order by id").param("ask", askId)
                .query(PledgeRows::map).list();
    }

    List<Pledge> ofHelper(long helperId) {
        return jdbc.sql("select " + COLUMNS + " from pledge where helper_id = :h order by due_on, id").param("h", helperId)
                .query(PledgeRows::map).list();
    }

    /** How many active pledges each of these asks has. */
    Map<Long, Integer> activeCounts(Collection<Long> askIds) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(askIds)) {
            jdbc.sql("select ask_id, count(*) from pledge where ask_id in (:ids) and status in ('PLEDGED', 'FULFILLED') group by ask_id")
                    .param("ids", chunk).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return counts;
    }

    /** Open pledges due before the date: the candidates for lapsing, each then judged in its helper's day. */
    List<Pledge> openDueBefore(LocalDate cutoff) {
        return jdbc.sql("select " + COLUMNS + " from pledge where status = 'PLEDGED' and due_on < :cutoff order by id")
                .param("cutoff", cutoff).query(PledgeRows::map).list();
    }

    /** Moves an active pledge to {@code to}; false if it was no longer active. */
    boolean finish(long id, PledgeStatus to, String exchangeRef, Instant now) {
        return jdbc.sql("""
                update pledge set status = :to, exchange_ref = :exchange, status_changed_at = :now, active_key = null
                where id = :id and status = 'PLEDGED'
                """).param("to", to.name()).param("exchange", exchangeRef)
                .param("now", PostingRows.utc(now)).param("id", id).update() == 1;
    }

    Map<Long, PledgeRecord> records(Collection<Long> helperIds) {
        Map<Long, PledgeRecord> records = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(helperIds)) {
            jdbc.sql("""
                    select helper_id, sum(case when status = 'FULFILLED' then 1 else 0 end),
                           sum(case when status = 'LAPSED' then 1 else 0 end)
                    from pledge where helper_id in (:ids) group by helper_id
                    """).param("ids", chunk)
                    .query((rs, n) -> records.put(rs.getLong(1), new PledgeRecord(rs.getInt(2), rs.getInt(3)))).list();
        }
        return records;
    }

    private static Pledge map(ResultSet rs, int row) throws SQLException {
        return new Pledge(rs.getLong("id"), rs.getString("public_id"), rs.getLong("ask_id"), rs.getLong("helper_id"),
                rs.getString("note"), rs.getObject("due_on", LocalDate.class), PledgeStatus.valueOf(rs.getString("status")),
                rs.getString("exchange_ref"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
