package org.reciprocity.network;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their per-line errors; the job row is the progress the page and the API show. */
@Repository
class ContactImportRows {

    /** Errors kept per job; a file with more bad lines reports the first ones and the count. */
    static final int MAX_ERRORS = 1000;

    record Job(long id, String publicId, long ownerId, ImportFormat format, String status, int total, int processed,
               int imported, int merged, int skipped, String failure) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ContactImportRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Job create(long ownerId, ImportFormat format, int total, Instant now) {
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into contact_import (public_id, owner_id, format, status, total, processed, imported, merged, created_at,
                                            heartbeat_at)
                values (:id, :owner, :format, 'RUNNING', :total, 0, 0, 0, :now, :now)
                """).param("id", publicId).param("owner", ownerId).param("format", format.name()).param("total", total)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
        return byPublicId(ownerId, publicId).orElseThrow();
    }

    Optional<Job> byPublicId(long ownerId, String publicId) {
        return jdbc.sql("""
                select id, public_id, owner_id, format, status, total, processed, imported, merged, skipped, failure
                from contact_import where public_id = :id and owner_id = :owner
                """).param("id", publicId).param("owner", ownerId)
                .query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), ImportFormat.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getString(11)))
                .optional();
    }

    void progress(long id, int total, int processed, int imported, int merged) {
        jdbc.sql("update contact_import set total = :total, processed = :p, imported = :i, merged = :m where id = :id")
                .param("total", total).param("p", processed).param("i", imported).param("m", merged).param("id", id).update();
    }

    void finish(long id, String status, String failure, Instant now) {
        jdbc.sql("update contact_import set status = :s, failure = :f, finished_at = :now where id = :id")
                .param("s", status).param("f", failure).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }

    /** The parser's report: the lines it could not import as they were, and how many rows it skipped whole. */
    void errors(long id, List<ParsedFile.LineError> errors, int skipped) {
        jdbc.sql("update contact_import set skipped = :skipped where id = :id").param("skipped", skipped).param("id", id)
                .update();
        batch.batchUpdate("insert into contact_import_error (import_id, line, message) values (:id, :line, :message)",
                errors.stream().limit(MAX_ERRORS).map(e -> new MapSqlParameterSource("id", id).addValue("line", e.line())
                        .addValue("message", e.message().length() > 500 ? e.message().substring(0, 500) : e.message()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    List<ParsedFile.LineError> errorsOf(long id) {
        return jdbc.sql("select line, message from contact_import_error where import_id = :id order by line")
                .param("id", id).query((rs, n) -> new ParsedFile.LineError(rs.getInt(1), rs.getString(2))).list();
    }

    /** How often the instance running an import says so. */
    static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(10);
    /** Silence after which an import's instance is taken to be gone: six missed heartbeats. */
    static final java.time.Duration ABANDONED_AFTER = HEARTBEAT.multipliedBy(6);

    /** The running instance's imports are alive. */
    void beat(java.util.Collection<Long> ids, Instant now) {
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(List.copyOf(ids))) {
            jdbc.sql("update contact_import set heartbeat_at = :now where id in (:ids) and status = 'RUNNING'")
                    .param("now", now.atOffset(ZoneOffset.UTC)).param("ids", chunk).update();
        }
    }

    /** Imports whose instance stopped cannot finish; say so instead of showing them running forever. */
    int failAbandoned(Instant now) {
        return jdbc.sql("""
                update contact_import set status = 'FAILED', failure = 'The server restarted during the import; import the file again.',
                       finished_at = :now where status = 'RUNNING' and heartbeat_at < :cutoff
                """).param("now", now.atOffset(ZoneOffset.UTC)).param("cutoff", now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC))
                .update();
    }
}
