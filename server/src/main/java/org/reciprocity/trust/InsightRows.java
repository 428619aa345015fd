package org.reciprocity.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The community_insight table: the dashboard's figures as each trust run left them, as JSON. */
@Repository
class InsightRows {

    /** The figures with members by internal id (names are read when shown). */
    record Stored(LocalDate from, LocalDate to, int members, int activeMembers, long favors, long links, long reciprocatedLinks,
                  double r, double density, double rho, double weighted, long cycles3, long[] giveTake,
                  List<Giver> topGivers, List<AtRisk> atRisk, List<Month> growth) {}

    record Giver(long memberId, int favors, long weight) {}

    record AtRisk(long giverId, long receiverId, int favors, long weight, LocalDate last) {}

    record Month(String month, int joined, int favors, int active) {}

    record Latest(Stored insight, Instant computedAt) {}

    /** Runs whose figures are kept: the newest few, for looking back a little. */
    private static final int KEPT = 20;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InsightRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(long runId, Stored insight, Instant computedAt) {
        jdbc.sql("insert into community_insight (run_id, computed_at, body) values (:run, :at, :body)")
                .param("run", runId).param("at", computedAt.atOffset(ZoneOffset.UTC)).param("body", json.writeValueAsString(insight))
                .update();
        jdbc.sql("""
                delete from community_insight where id < (select min(id) from (
                    select id from community_insight order by id desc limit :kept) as newest)
                """).param("kept", KEPT).update();
    }

    Optional<Latest> latest() {
        return jdbc.sql("select body, computed_at from community_insight order by id desc limit 1")
                .query((rs, n) -> new Latest(json.readValue(rs.getString(1), Stored.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant())).optional();
    }
}
