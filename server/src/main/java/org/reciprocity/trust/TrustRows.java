package org.reciprocity.trust;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.BulkRows;
import org.reciprocity.db.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The seed set (vetted members), the runs of the computation and the scores the last one left. */
@Repository
class TrustRows {

    /** How often the instance running a computation says so. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** Silence after which a run's instance is taken to be gone: six missed heartbeats. */
    static final Duration ABANDONED_AFTER = HEARTBEAT.multipliedBy(6);

    enum Status { RUNNING, DONE, FAILED }

    enum Reason { ADMIN, SCHEDULE, CONFIRMATIONS }

    record Run(long id, String publicId, Status status, Reason reason, int progress, Integer members, Integer pairs,
               Integer iterations, Instant startedAt, Instant finishedAt, String failure) {}

    /** The trusters kept per member for the explanation. */
    static final int CONTRIBUTORS_KEPT = 3;

    record Contributor(long trusterId, double share) {}

    /**
     * A member's stored result: trust (and relative to the average, and as a percentile), decayed confirmed giving
     * and its percentile, the share of trust from vetted members, and the largest contributors, largest first.
     */
    record Score(long memberId, double score, double relative, double percentile, double generosity,
                 double generosityPercentile, double vettedShare, List<Contributor> contributors) {}

    /** A stored score as it is read, with when it was computed. */
    record StoredScore(Score score, Instant computedAt) {}

    private final JdbcClient jdbc;
    private final BulkRows bulk;

    TrustRows(JdbcClient jdbc, BulkRows bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    // --- the seed set ----------------------------------------------------------------------------

    List<Long> vettedIds() {
        return jdbc.sql("select member_id from trust_seed order by member_id").query(Long.class).list();
    }

    boolean isVetted(long memberId) {
        return jdbc.sql("select count(*) from trust_seed where member_id = :m").param("m", memberId).query(Long.class).single() > 0;
    }

    /** Vets the member, or does nothing when they are already (the key decides): two admins vetting at once both succeed. */
    boolean vet(long memberId, Long adminId, Instant now) {
        return jdbc.sql("""
                insert into trust_seed (member_id, vetted_by, vetted_at) values (:m, :admin, :now)
                on conflict do nothing
                """).param("m", memberId).param("admin", adminId).param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    boolean unvet(long memberId) {
        return jdbc.sql("delete from trust_seed where member_id = :m").param("m", memberId).update() == 1;
    }

    // --- runs -----------------------------------------------------------------------------------

    /** A new running run; throws DuplicateKeyException when one is already running (running_slot is unique). */
    Run create(Reason reason, Instant now) {
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into trust_run (public_id, status, reason, running_slot, progress, started_at, heartbeat_at)
                values (:id, 'RUNNING', :reason, 1, 0, :now, :now)
                """).param("id", publicId).param("reason", reason.name()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        return byPublicId(publicId).orElseThrow();
    }

    Optional<Run> byPublicId(String publicId) {
        return jdbc.sql("select * from trust_run where public_id = :id").param("id", publicId).query(TrustRows::run).optional();
    }

    Optional<Run> running() {
        return jdbc.sql("select * from trust_run where running_slot = 1").query(TrustRows::run).optional();
    }

    /** The newest run, whatever its status. */
    Optional<Run> latest() {
        return jdbc.sql("select * from trust_run order by id desc limit 1").query(TrustRows::run).optional();
    }

    /** The run whose scores are the current ones. */
    Optional<Run> latestDone() {
        return jdbc.sql("select * from trust_run where status = 'DONE' order by finished_at desc, id desc limit 1")
                .query(TrustRows::run).optional();
    }

    void progress(long runId, int percent, Instant now) {
        jdbc.sql("update trust_run set progress = :p, heartbeat_at = :now where id = :id and status = 'RUNNING'")
                .param("p", percent).param("now", now.atOffset(ZoneOffset.UTC)).param("id", runId).update();
    }

    /** Ends a run; returns false when it was no longer running (marked abandoned meanwhile). */
    boolean finish(long runId, Status status, Integer members, Integer pairs, Integer iterations, String failure, Instant now) {
        return jdbc.sql("""
                update trust_run set status = :status, running_slot = null, progress = :progress, members = :members,
                       pairs = :pairs, iterations = :iterations, failure = :failure, finished_at = :now
                where id = :id and status = 'RUNNING'
                """).param("status", status.name()).param("progress", status == Status.DONE ? 100 : 0)
                .param("members", members).param("pairs", pairs).param("iterations", iterations)
                .param("failure", failure == null ? null : failure.substring(0, Math.min(500, failure.length())))
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", runId).update() == 1;
    }

    void beat(Collection<Long> runIds, Instant now) {
        if (!runIds.isEmpty()) {
            jdbc.sql("update trust_run set heartbeat_at = :now where id in (:ids) and status = 'RUNNING'")
                    .param("now", now.atOffset(ZoneOffset.UTC)).param("ids", List.copyOf(runIds)).update();
        }
    }

    /** Runs whose instance stopped cannot finish: say so, and free the slot for the next. */
    int failAbandoned(Instant now) {
        return jdbc.sql("""
                update trust_run set status = 'FAILED', running_slot = null, finished_at = :now,
                       failure = 'The instance running it stopped (a restart or a crash).'
                where status = 'RUNNING' and heartbeat_at < :cutoff
                """).param("now", now.atOffset(ZoneOffset.UTC))
                .param("cutoff", now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC)).update();
    }

    // --- scores ---------------------------------------------------------------------------------

    /**
     * Replaces every score by these, in the caller's transaction: readers see the old set or the new one. Written
     * with COPY on PostgreSQL (BulkRows): a million members' scores and contributors in seconds.
     */
    void replaceScores(List<Score> scores, Instant computedAt) {
        jdbc.sql("delete from trust_contributor").update();
        jdbc.sql("delete from trust_score").update();
        OffsetDateTime at = computedAt.atOffset(ZoneOffset.UTC);
        bulk.insert("trust_score", List.of("member_id", "score", "relative_score", "percentile", "generosity",
                        "generosity_percentile", "vetted_share", "computed_at"), scores,
                s -> new Object[] {s.memberId(), s.score(), s.relative(), s.percentile(), s.generosity(),
                        s.generosityPercentile(), s.vettedShare(), at});
        List<Object[]> contributors = new ArrayList<>();
        for (Score s : scores) {
            for (Contributor c : s.contributors()) {
                contributors.add(new Object[] {s.memberId(), c.trusterId(), c.share()});
            }
        }
        bulk.insert("trust_contributor", List.of("member_id", "truster_id", "share"), contributors, row -> row);
    }

    Map<Long, Double> relativeScores(Collection<Long> memberIds) {
        Map<Long, Double> scores = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(memberIds)) {
            jdbc.sql("select member_id, relative_score from trust_score where member_id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        scores.put(rs.getLong(1), rs.getDouble(2));
                    });
        }
        return scores;
    }

    Optional<StoredScore> score(long memberId) {
        List<Contributor> contributors = jdbc.sql("""
                        select truster_id, share from trust_contributor where member_id = :m order by share desc, truster_id
                        """).param("m", memberId).query((rs, n) -> new Contributor(rs.getLong(1), rs.getDouble(2))).list();
        return jdbc.sql("""
                        select member_id, score, relative_score, percentile, generosity, generosity_percentile, vetted_share,
                               computed_at
                        from trust_score where member_id = :m
                        """).param("m", memberId)
                .query((rs, n) -> new StoredScore(new Score(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), contributors), instant(rs, "computed_at")))
                .optional();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("public_id"), Status.valueOf(rs.getString("status")),
                Reason.valueOf(rs.getString("reason")), rs.getInt("progress"), (Integer) rs.getObject("members", Integer.class),
                rs.getObject("pairs", Integer.class), rs.getObject("iterations", Integer.class), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
