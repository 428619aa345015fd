package org.reciprocity.introductions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The introduction table. Every read is scoped to one of the three people. */
@Repository
class IntroductionRows {

    enum Status { PROPOSED, ACCEPTED, DECLINED }

    enum Answer { ACCEPTED, DECLINED }

    record Introduction(long id, String publicId, long introducerId, long firstId, long secondId, String reason,
                        Status status, Answer firstAnswer, Answer secondAnswer, Instant createdAt, Instant decidedAt) {

        boolean involves(long member) {
            return introducerId == member || firstId == member || secondId == member;
        }

        boolean introduces(long member) {
            return firstId == member || secondId == member;
        }

        long otherThan(long member) {
            return firstId == member ? secondId : firstId;
        }

        Answer answerOf(long member) {
            return firstId == member ? firstAnswer : secondId == member ? secondAnswer : null;
        }
    }

    private static final String COLUMNS = """
            id, public_id, introducer_id, first_id, second_id, reason, status, first_answer, second_answer, created_at, decided_at
            """;

    private final JdbcClient jdbc;

    IntroductionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Introduction insert(long introducer, long first, long second, String reason, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into introduction (public_id, introducer_id, first_id, second_id, reason, status, created_at,
                                          proposed_pair)
                values (:publicId, :introducer, :first, :second, :reason, 'PROPOSED', :now, :pair)
                """).param("publicId", UUID.randomUUID().toString()).param("introducer", introducer)
                .param("first", first).param("second", second).param("reason", reason).param("now", utc(now))
                .param("pair", org.reciprocity.db.PairKey.of(first, second))
                .update(keys, "id");
        return byId(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    Optional<Introduction> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from introduction where id = :id").param("id", id)
                .query(IntroductionRows::map).optional();
    }

    Optional<Introduction> byPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from introduction where public_id = :id").param("id", publicId)
                .query(IntroductionRows::map).optional();
    }

    List<Introduction> involving(long member) {
        return jdbc.sql("select " + COLUMNS + """
                 from introduction where introducer_id = :m or first_id = :m or second_id = :m order by id desc
                """).param("m", member).query(IntroductionRows::map).list();
    }

    boolean proposedBetween(long a, long b) {
        return jdbc.sql("""
                select count(*) from introduction where status = 'PROPOSED'
                  and ((first_id = :a and second_id = :b) or (first_id = :b and second_id = :a))
                """).param("a", a).param("b", b).query(Long.class).single() > 0;
    }

    int proposedSince(long introducer, Instant since) {
        return jdbc.sql("select count(*) from introduction where introducer_id = :m and created_at >= :since")
                .param("m", introducer).param("since", utc(since)).query(Integer.class).single();
    }

    /** Records one introduced member's answer; false if they had answered or the introduction was decided. */
    boolean answer(Introduction intro, long member, Answer answer) {
        String column = intro.firstId() == member ? "first_answer" : "second_answer";
        return jdbc.sql("update introduction set " + column + " = :answer where id = :id and status = 'PROPOSED' and "
                        + column + " is null")
                .param("answer", answer.name()).param("id", intro.id()).update() == 1;
    }

    /** Decides a proposed introduction; false if another call decided it first. */
    boolean decide(long id, Status to, Instant now) {
        return jdbc.sql("update introduction set status = :to, decided_at = :now, proposed_pair = null where id = :id and status = 'PROPOSED'")
                .param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
    }

    private static Introduction map(ResultSet rs, int row) throws SQLException {
        String first = rs.getString("first_answer");
        String second = rs.getString("second_answer");
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Introduction(rs.getLong("id"), rs.getString("public_id"), rs.getLong("introducer_id"),
                rs.getLong("first_id"), rs.getLong("second_id"), rs.getString("reason"),
                Status.valueOf(rs.getString("status")), first == null ? null : Answer.valueOf(first),
                second == null ? null : Answer.valueOf(second), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
