package org.reciprocity.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.PairKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The connection_request and member_block tables. */
@Repository
class ConnectionRequestRows {

    enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    record Request(long id, String publicId, long fromId, long toId, String note, Status status, Instant createdAt,
                   Instant answeredAt) {}

    private static final String COLUMNS = "id, public_id, from_id, to_id, note, status, created_at, answered_at";

    private final JdbcClient jdbc;

    ConnectionRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Request insert(long from, long to, String note, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into connection_request (public_id, from_id, to_id, note, status, created_at, pending_pair)
                values (:publicId, :from, :to, :note, 'PENDING', :now, :pair)
                """).param("publicId", UUID.randomUUID().toString()).param("from", from).param("to", to)
                .param("note", note).param("now", utc(now)).param("pair", PairKey.of(from, to)).update(keys, "id");
        return byId(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    Optional<Request> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from connection_request where id = :id").param("id", id)
                .query(ConnectionRequestRows::map).optional();
    }

    Optional<Request> byPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from connection_request where public_id = :id").param("id", publicId)
                .query(ConnectionRequestRows::map).optional();
    }

    /** Moves a pending request to {@code to}; false when it was answered meanwhile. */
    boolean answer(long id, Status to, Instant now) {
        return jdbc.sql("""
                update connection_request set status = :to, answered_at = :now, pending_pair = null
                where id = :id and status = 'PENDING'
                """)
                .param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
    }

    Optional<Request> pendingBetween(long a, long b) {
        return jdbc.sql("select " + COLUMNS + """
                 from connection_request where status = 'PENDING'
                   and ((from_id = :a and to_id = :b) or (from_id = :b and to_id = :a))
                """).param("a", a).param("b", b).query(ConnectionRequestRows::map).optional();
    }

    /** Requests sent by the member since {@code since}, oldest first. */
    List<Instant> sentSince(long from, Instant since) {
        return jdbc.sql("select created_at from connection_request where from_id = :from and created_at > :since order by created_at")
                .param("from", from).param("since", utc(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    int pendingFrom(long from) {
        return jdbc.sql("select count(*) from connection_request where from_id = :from and status = 'PENDING'")
                .param("from", from).query(Integer.class).single();
    }

    /** When the latest declined or withdrawn request from one member to another was answered. */
    Optional<Instant> lastRefusal(long from, long to) {
        return jdbc.sql("""
                select max(answered_at) from connection_request
                where from_id = :from and to_id = :to and status in ('DECLINED', 'WITHDRAWN')
                """).param("from", from).param("to", to)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    /** Who sent the pending request between two members, if one waits. */
    Optional<Long> pendingFrom(long a, long b) {
        return jdbc.sql("""
                select from_id from connection_request
                where status = 'PENDING' and ((from_id = :a and to_id = :b) or (from_id = :b and to_id = :a))
                """).param("a", a).param("b", b).query(Long.class).optional();
    }

    List<Request> incoming(long to) {
        return jdbc.sql("select " + COLUMNS + " from connection_request where to_id = :to and status = 'PENDING' order by id desc")
                .param("to", to).query(ConnectionRequestRows::map).list();
    }

    List<Request> outgoing(long from) {
        return jdbc.sql("select " + COLUMNS + " from connection_request where from_id = :from and status = 'PENDING' order by id desc")
                .param("from", from).query(ConnectionRequestRows::map).list();
    }

    void withdrawBetween(long a, long b, Instant now) {
        jdbc.sql("""
                update connection_request set status = 'WITHDRAWN', answered_at = :now, pending_pair = null
                where status = 'PENDING' and ((from_id = :a and to_id = :b) or (from_id = :b and to_id = :a))
                """).param("a", a).param("b", b).param("now", utc(now)).update();
    }

    private static Request map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new Request(rs.getLong("id"), rs.getString("public_id"), rs.getLong("from_id"), rs.getLong("to_id"),
                rs.getString("note"), Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), answered == null ? null : answered.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
