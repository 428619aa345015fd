package org.reciprocity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.reciprocity.ledger.LedgerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs the trust computation as an admin does, and reads what it stored. */
abstract class TrustTestSupport extends LedgerTestSupport {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TrustRecompute recompute;

    /** Starts a run (or joins the one going), waits until it is done and returns its id. */
    protected String finishedRun(Account admin) throws Exception {
        String body = mvc.perform(apiPost("/api/v1/admin/trust/recompute", admin.token(), ""))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        awaitDone(id, admin);
        return id;
    }

    protected void awaitDone(String id, Account admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String body = mvc.perform(apiGet("/api/v1/admin/trust/recompute/" + id, admin.token()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(body, "$.status");
            if ("DONE".equals(status)) {
                return;
            }
            assertThat(status).as(body).isEqualTo("RUNNING");
            assertThat(System.nanoTime()).as("the run did not finish within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    protected double trust(Account member) {
        return jdbc.sql("""
                select coalesce(max(s.score), -1) from member m left join trust_score s on s.member_id = m.id
                where m.public_id = :id
                """).param("id", member.id()).query(Double.class).single();
    }
}
