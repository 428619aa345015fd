package org.reciprocity.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report and moderation_action tables. */
@Repository
class ModerationRows {

    enum TargetType { MEMBER, POSTING, EXCHANGE }

    enum Status { OPEN, DISMISSED, ACTIONED }

    record Report(long id, String publicId, Long reporterId, TargetType targetType, String targetRef, Long targetMemberId,
                  String targetTitle, String reason, Status status, Instant createdAt, Long resolvedBy, Instant resolvedAt,
                  String resolution) {}

    record Action(long id, Long actorId, String actorName, String action, Long subjectId, String subjectName, Long reportId,
                  String reason, Instant at) {}

    private final JdbcClient jdbc;

    ModerationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open report, or empty when the reporter already has one open on this target (open_key is unique). */
    Optional<Report> insertIfNone(long reporterId, TargetType type, String targetRef, Long targetMemberId, String title,
                                  String reason, Instant now) {
        String publicId = UUID.randomUUID().toString();
        int inserted = jdbc.sql("""
                insert into report (public_id, reporter_id, target_type, target_ref, target_member_id, target_title, reason,
                                    status, open_key, created_at)
                select :id, :reporter, :type, :ref, :member, :title, :reason, 'OPEN', :key, :now from (values (1)) as one (x)
                where not exists (select 1 from report where open_key = :key)
                """).param("id", publicId).param("reporter", reporterId).param("type", type.name()).param("ref", targetRef)
                .param("member", targetMemberId).param("title", title).param("reason", reason)
                .param("key", openKey(reporterId, type, targetRef)).param("now", utc(now)).update();
        return inserted == 1 ? byPublicId(publicId) : Optional.empty();
    }

    Optional<Report> openOf(long reporterId, TargetType type, String targetRef) {
        return jdbc.sql("select * from report where open_key = :key").param("key", openKey(reporterId, type, targetRef))
                .query(ModerationRows::report).optional();
    }

    Optional<Report> byPublicId(String publicId) {
        return jdbc.sql("select * from report where public_id = :id").param("id", publicId).query(ModerationRows::report).optional();
    }

    long reportedSince(long reporterId, Instant since) {
        return jdbc.sql("select count(*) from report where reporter_id = :r and created_at > :since")
                .param("r", reporterId).param("since", utc(since)).query(Long.class).single();
    }

    /** Reports with this status (all when null), newest first, after the cursor's id. */
    List<Report> page(Status status, long beforeId, int limit) {
        // the status filter is written out rather than "(:status is null or ...)": PostgreSQL cannot type a null parameter
        var query = status == null
                ? jdbc.sql("select * from report where id < :before order by id desc limit :limit")
                : jdbc.sql("select * from report where status = :status and id < :before order by id desc limit :limit")
                        .param("status", status.name());
        return query.param("before", beforeId).param("limit", limit).query(ModerationRows::report).list();
    }

    List<Report> byReporter(long reporterId, long beforeId, int limit) {
        return jdbc.sql("select * from report where reporter_id = :r and id < :before order by id desc limit :limit")
                .param("r", reporterId).param("before", beforeId).param("limit", limit).query(ModerationRows::report).list();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from report where status = 'OPEN'").query(Long.class).single();
    }

    /** Closes an open report; false when it was no longer open (another admin, another tab). */
    boolean resolve(long id, Status to, long adminId, String resolution, Instant now) {
        return jdbc.sql("""
                update report set status = :to, open_key = null, resolved_by = :admin, resolved_at = :now, resolution = :note
                where id = :id and status = 'OPEN'
                """).param("to", to.name()).param("admin", adminId).param("now", utc(now)).param("note", resolution)
                .param("id", id).update() == 1;
    }

    void log(long actorId, String actorName, String action, Long subjectId, String subjectName, Long reportId, String reason,
             Instant now) {
        jdbc.sql("""
                insert into moderation_action (actor_id, actor_name, action, subject_id, subject_name, report_id, reason, at)
                values (:actor, :actorName, :action, :subject, :subjectName, :report, :reason, :at)
                """).param("actor", actorId).param("actorName", actorName).param("action", action).param("subject", subjectId)
                .param("subjectName", subjectName).param("report", reportId).param("reason", reason).param("at", utc(now))
                .update();
    }

    List<Action> actions(long beforeId, int limit) {
        return jdbc.sql("select * from moderation_action where id < :before order by id desc limit :limit")
                .param("before", beforeId).param("limit", limit).query((rs, n) -> new Action(rs.getLong("id"),
                        rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("action"),
                        rs.getObject("subject_id", Long.class), rs.getString("subject_name"),
                        rs.getObject("report_id", Long.class), rs.getString("reason"), instant(rs, "at"))).list();
    }

    String publicIdOf(long reportId) {
        return jdbc.sql("select public_id from report where id = :id").param("id", reportId).query(String.class).optional()
                .orElse(null);
    }

    private static String openKey(long reporterId, TargetType type, String targetRef) {
        return reporterId + ":" + type.name() + ":" + targetRef;
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getString("public_id"), rs.getObject("reporter_id", Long.class),
                TargetType.valueOf(rs.getString("target_type")), rs.getString("target_ref"),
                rs.getObject("target_member_id", Long.class), rs.getString("target_title"), rs.getString("reason"),
                Status.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getObject("resolved_by", Long.class),
                instant(rs, "resolved_at"), rs.getString("resolution"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
