package org.reciprocity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * Trust computed in the background from confirmed favors (issue 12, items 1 and 3): an admin starts a run
 * and follows it, vetted members seed it, disputed and pending favors add nothing, and enough new
 * confirmations start the next run by themselves; the admin page shows the run and keeps the seed set.
 * Only admins reach any of it.
 */
class TrustIntegrationTest extends TrustTestSupport {

    @Test
    void anAdminRecomputesTrustWhichFlowsFromVettedMembersToThoseTheyConfirmedFavorsFrom() throws Exception {
        Account admin = admin();
        Account vetted = newAccount("Vera Vetted");
        Account helper = newAccount("Hal Helper");
        Account claimant = newAccount("Carl Claimant");
        Account pending = newAccount("Pat Pending");
        Account nobody = newAccount("Nora Nobody");

        mvc.perform(apiPut("/api/v1/admin/members/" + vetted.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.vetted").value(true))
                .andExpect(jsonPath("$.memberId").value(vetted.id()));
        // vetting twice is vetting
        mvc.perform(apiPut("/api/v1/admin/members/" + vetted.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.vetted").value(true));

        confirmedGift(helper, vetted, 4, 10);
        String claim = record(claimant, "GAVE", vetted, 5, 3);
        mvc.perform(apiPost("/api/v1/exchanges/" + claim + "/dispute", vetted.token(), json("reason", "That never happened")))
                .andExpect(status().isOk());
        record(pending, "GAVE", vetted, 5, 3);

        String run = finishedRun(admin);
        mvc.perform(apiGet("/api/v1/admin/trust/recompute/" + run, admin.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.progress").value(100)).andExpect(jsonPath("$.computedAt").isNotEmpty());

        assertThat(trust(helper)).as("a confirmed favor to a vetted member").isGreaterThan(0);
        assertThat(trust(vetted)).as("a seed").isGreaterThan(0);
        assertThat(trust(claimant)).as("a disputed claim").isZero();
        assertThat(trust(pending)).as("a pending favor").isZero();
        assertThat(trust(nobody)).isZero();

        // no longer vetted: the next run gives her only what the admins' seed passes on, which is nothing here
        mvc.perform(apiPut("/api/v1/admin/members/" + vetted.id() + "/vetted", admin.token(), "{\"vetted\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.vetted").value(false));
        finishedRun(admin);
        assertThat(trust(helper)).isZero();
        assertThat(trust(vetted)).isZero();
        mvc.perform(apiPut("/api/v1/admin/members/" + vetted.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk());
    }

    @Test
    void enoughNewConfirmationsStartTheNextRunAndOneRunsAtATime() throws Exception {
        Account admin = admin();
        Account a = newAccount("Ada Again");
        Account b = newAccount("Bo Again");
        finishedRun(admin);
        recompute.startIfDue();
        assertThat(latestStatus()).as("nothing new since the last run").isEqualTo("DONE");

        clock.advance(Duration.ofSeconds(1));
        confirmedGift(a, b, 2, 1);
        confirmedGift(b, a, 2, 1);
        recompute.startIfDue();
        String reason = jdbc.sql("select reason from trust_run order by id desc limit 1").query(String.class).single();
        assertThat(reason).isEqualTo("CONFIRMATIONS");
        awaitDone(jdbc.sql("select public_id from trust_run order by id desc limit 1").query(String.class).single(), admin);

        // a run already going is the answer to a second request, on any instance (the unique running slot)
        jdbc.sql("""
                insert into trust_run (public_id, status, reason, running_slot, progress, started_at, heartbeat_at)
                values ('held-by-another-instance', 'RUNNING', 'ADMIN', 1, 10, :now, :now)
                """).param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        try {
            mvc.perform(apiPost("/api/v1/admin/trust/recompute", admin.token(), ""))
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").value("held-by-another-instance"))
                    .andExpect(jsonPath("$.progress").value(10));
            // its instance stops beating: after a minute any instance marks it failed and the slot is free again
            jdbc.sql("update trust_run set heartbeat_at = :old where public_id = 'held-by-another-instance'")
                    .param("old", clock.instant().minus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC)).update();
            recompute.beatAndFailAbandoned();
            mvc.perform(apiGet("/api/v1/admin/trust/recompute/held-by-another-instance", admin.token()))
                    .andExpect(jsonPath("$.status").value("FAILED")).andExpect(jsonPath("$.failure").isNotEmpty());
        } finally {
            jdbc.sql("update trust_run set status = 'FAILED', running_slot = null where public_id = 'held-by-another-instance'").update();
        }
        finishedRun(admin);
    }

    @Test
    void onlyAdminsStartFollowAndVet() throws Exception {
        Account admin = admin();
        Account member = newAccount("Mo Member");
        Account other = newAccount("Oz Other");
        String run = finishedRun(admin);
        mvc.perform(apiPost("/api/v1/admin/trust/recompute", member.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/admin/trust/recompute/" + run, member.token())).andExpect(status().isForbidden());
        mvc.perform(apiPut("/api/v1/admin/members/" + other.id() + "/vetted", member.token(), "{\"vetted\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(apiPut("/api/v1/admin/members/" + member.id() + "/vetted", member.token(), "{\"vetted\": true}"))
                .andExpect(status().isForbidden());

        mvc.perform(apiGet("/api/v1/admin/trust/recompute/no-such-run", admin.token())).andExpect(status().isNotFound());
        mvc.perform(apiPut("/api/v1/admin/members/no-such-member/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isNotFound());
        mvc.perform(apiPut("/api/v1/admin/members/" + other.id() + "/vetted", admin.token(), "{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("vetted"));
        mvc.perform(apiPut("/api/v1/admin/members/" + other.id() + "/vetted", admin.token(), "{\"vetted\": \"yes\"}"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theAdminPageFollowsTheComputationAndKeepsTheSeedSet() throws Exception {
        Account admin = admin();
        Account vera = newAccount("Vera <b>Page</b>");
        Account member = newAccount("Mia Member");
        MockHttpSession browser = pageSession(admin);

        mvc.perform(post("/admin/trust/vetted").session(browser).with(csrf()).param("member", vera.email()))
                .andExpect(redirectedUrl("/admin/trust?done=vetted"));
        mvc.perform(get("/admin/trust?done=vetted").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vera &lt;b&gt;Page&lt;/b&gt;")))
                .andExpect(content().string(containsString("the next computation starts from them too")));
        mvc.perform(post("/admin/trust/vetted").session(browser).with(csrf()).param("member", "nobody@nowhere.test"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("No member has this e-mail address or id.")));
        mvc.perform(post("/admin/trust/vetted").session(browser).param("member", vera.email()))
                .andExpect(status().isForbidden()); // no CSRF token

        mvc.perform(post("/admin/trust/recompute").session(browser).with(csrf()))
                .andExpect(redirectedUrl("/admin/trust?done=started"));
        String latest = jdbc.sql("select public_id from trust_run order by id desc limit 1").query(String.class).single();
        awaitDone(latest, admin);
        mvc.perform(get("/admin/trust").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Members scored")));

        mvc.perform(post("/admin/trust/vetted/" + vera.id() + "/remove").session(browser).with(csrf()))
                .andExpect(redirectedUrl("/admin/trust?done=unvetted"));
        mvc.perform(get("/admin/trust").session(browser))
                .andExpect(content().string(not(containsString("Vera &lt;b&gt;Page&lt;/b&gt;"))));

        MockHttpSession notAdmin = pageSession(member);
        mvc.perform(get("/admin/trust").session(notAdmin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/trust/recompute").session(notAdmin).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/trust/vetted").session(notAdmin).with(csrf()).param("member", member.email()))
                .andExpect(status().isForbidden());
    }

    private String latestStatus() {
        return jdbc.sql("select status from trust_run order by id desc limit 1").query(String.class).single();
    }
}
