package org.reciprocity.asks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The change feed that keeps every instance's match index current (table {@code index_change}, V10): a row
 * per changed member or posting, written in the transaction of the change, and a row asking every instance
 * to rebuild. Each instance reads the rows after the last it applied; applying a row is idempotent (it
 * re-reads the member or posting), so rows are read again for a short while to catch a transaction that
 * took its id early and committed late.
 */
@Repository
class IndexChangeRows {

    enum Kind { MEMBER, POSTING, REBUILD }

    record Change(long id, Kind kind, long refId) {}

    /** How long a change is read again after it appeared: longer than any write transaction stays open. */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    /** How long rows are kept: an instance down for longer rebuilds its index instead of catching up. */
    private static final Duration KEPT = Duration.ofDays(7);

    private final JdbcClient jdbc;

    IndexChangeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the change's id. */
    long record(Kind kind, long refId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into index_change (kind, ref_id, created_at) values (:kind, :ref, :now)")
                .param("kind", kind.name()).param("ref", refId).param("now", now.atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** When the row was written, if the feed still holds it. */
    Optional<Instant> createdAt(long id) {
        return jdbc.sql("select created_at from index_change where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).optional();
    }

    long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from index_change").query(Long.class).single();
    }

    /** Changes after {@code afterId}, and those of the last {@link #OVERLAP} again, oldest first. */
    List<Change> since(long afterId, Instant now) {
        return jdbc.sql("""
                select id, kind, ref_id from index_change where id > :after or created_at > :recent order by id
                """).param("after", afterId).param("recent", now.minus(OVERLAP).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Change(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getLong(3))).list();
    }

    int forgetOld(Instant now) {
        return jdbc.sql("delete from index_change where created_at < :cutoff")
                .param("cutoff", now.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
    }
}
