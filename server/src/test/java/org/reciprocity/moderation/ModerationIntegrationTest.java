package org.reciprocity.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.LedgerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * Moderation (issue 12, item 9): members report what they can see, once while a report is open; admins review
 * the queue, dismiss or act (suspending), and every moderation action is in the audit log with who, when and why.
 */
class ModerationIntegrationTest extends LedgerTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberReportsWhatTheyCanSeeOnceWhileTheReportIsOpen() throws Exception {
        Account rita = newAccount("Rita Reporter");
        Account sam = newAccount("Sam Spammer");
        Account other = newAccount("Oli Other");

        String body = mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", sam.id(), "reason", "Sends sales pitches")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.target.type").value("MEMBER"))
                .andExpect(jsonPath("$.target.member.memberId").value(sam.id()))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        // the report is its reporter's and the admins' to read, nobody else's
        mvc.perform(apiGet("/api/v1/reports/" + id, rita.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("Sends sales pitches"));
        mvc.perform(apiGet("/api/v1/reports/" + id, sam.token())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/reports/" + id, other.token())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/reports/" + id, admin().token())).andExpect(status().isOk());
        mvc.perform(apiGet("/api/v1/reports", rita.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(apiGet("/api/v1/reports", sam.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        // again while it is open: the same report
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", sam.id(), "reason", "Still at it")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.reason").value("Sends sales pitches"));

        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", rita.id(), "reason", "Me")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("reason", "Nothing named")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("memberId"));
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", sam.id(), "postingId", "x", "reason", "Two")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", other.id(), "reason", "  ")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", other.id(), "reason", "x".repeat(1001))))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", "no-such-member", "reason", "Who?")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("memberId"));
        mvc.perform(apiPost("/api/v1/reports", null, json("memberId", sam.id(), "reason", "Anonymous")))
                .andExpect(status().isUnauthorized());

        // a member who blocked the reporter is not there for them
        mvc.perform(apiPost("/api/v1/blocks", other.token(), json("memberId", rita.id()))).andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", other.id(), "reason", "Rude")))
                .andExpect(status().isUnprocessableContent());

        // a favor: its parties only; one with a private contact has nobody to report
        String favor = record(sam, "GAVE", rita, 2, 3);
        mvc.perform(apiPost("/api/v1/reports", other.token(), json("exchangeId", favor, "reason", "Not mine")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("exchangeId"));
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("exchangeId", favor, "reason", "This never happened")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.target.type").value("EXCHANGE"))
                .andExpect(jsonPath("$.target.member.memberId").value(sam.id()));

        // a posting: as far as the reporter can see it
        String ask = JsonPath.read(mvc.perform(apiPost("/api/v1/asks", sam.token(),
                        json("title", "Buy my course", "details", "", "visibility", "CONNECTIONS")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("postingId", ask, "reason", "Spam")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("postingId"));
        String open = JsonPath.read(mvc.perform(apiPost("/api/v1/asks", sam.token(),
                        json("title", "Buy my other course", "details", "", "visibility", "COMMUNITY")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("postingId", open, "reason", "Spam")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.target.title").value("Buy my other course"));
    }

    @Test
    void aDayOfReportsHasALimit() throws Exception {
        Account rita = newAccount("Rita Many");
        Account sam = newAccount("Sam Many");
        long reporter = jdbc.sql("select id from member where public_id = :id").param("id", rita.id()).query(Long.class).single();
        for (int i = 0; i < Moderation.REPORTS_PER_DAY; i++) {
            jdbc.sql("""
                    insert into report (public_id, reporter_id, target_type, target_ref, reason, status, created_at)
                    values (:id, :r, 'MEMBER', :ref, 'earlier', 'DISMISSED', :now)
                    """).param("id", java.util.UUID.randomUUID().toString()).param("r", reporter).param("ref", "m" + i)
                    .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        }
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", sam.id(), "reason", "One more")))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void adminsReviewTheQueueAndEveryActionIsInTheAuditLog() throws Exception {
        Account admin = admin();
        Account rita = newAccount("Rita Queue");
        Account sam = newAccount("Sam <b>Queue</b>");
        Account pat = newAccount("Pat Queue");
        String onSam = JsonPath.read(mvc.perform(apiPost("/api/v1/reports", rita.token(),
                        json("memberId", sam.id(), "reason", "Harassing <script>me</script>")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String onPat = JsonPath.read(mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", pat.id(), "reason", "Unsure")))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(apiGet("/api/v1/admin/reports", rita.token())).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/admin/reports/" + onPat + "/dismiss", rita.token(), "{}")).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/admin/audit-log", rita.token())).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/admin/reports", admin.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(onSam))).andExpect(jsonPath("$.items[*].id", hasItem(onPat)));
        mvc.perform(apiGet("/api/v1/admin/reports?status=sometimes", admin.token())).andExpect(status().isUnprocessableContent());

        mvc.perform(apiPost("/api/v1/admin/reports/" + onPat + "/dismiss", admin.token(), json("note", "Nothing wrong")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.resolution").value("Nothing wrong"));
        mvc.perform(apiPost("/api/v1/admin/reports/" + onPat + "/dismiss", admin.token(), "{}")).andExpect(status().isConflict());
        mvc.perform(apiPost("/api/v1/admin/reports/no-such-report/dismiss", admin.token(), "{}")).andExpect(status().isNotFound());
        // once dismissed, the member may report the same thing again
        mvc.perform(apiPost("/api/v1/reports", rita.token(), json("memberId", pat.id(), "reason", "Again"))).andExpect(status().isCreated());

        mvc.perform(apiPost("/api/v1/admin/reports/" + onSam + "/resolve", admin.token(), json("suspend", true)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(apiPost("/api/v1/admin/reports/" + onSam + "/resolve", admin.token(),
                        json("suspend", true, "note", "Harassment confirmed")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIONED"));
        mvc.perform(apiGet("/api/v1/me", sam.token())).andExpect(status().isUnauthorized());

        mvc.perform(apiPost("/api/v1/admin/members/" + sam.id() + "/unsuspend", admin.token(), json("reason", "Apologised")))
                .andExpect(status().isOk());
        mvc.perform(apiPut("/api/v1/admin/members/" + pat.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk());
        String log = mvc.perform(apiGet("/api/v1/admin/audit-log?limit=200", admin.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(log,
                        "$.items[?(@.subject.memberId == '" + sam.id() + "')].action"))
                .containsSubsequence("UNSUSPEND", "RESOLVE_REPORT", "SUSPEND");
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(log,
                        "$.items[?(@.subject.memberId == '" + sam.id() + "')].reason"))
                .contains("Apologised", "Harassment confirmed");
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(log,
                        "$.items[?(@.subject.memberId == '" + pat.id() + "')].action")).contains("VET", "DISMISS_REPORT");
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(log,
                        "$.items[?(@.action == 'SUSPEND' && @.subject.memberId == '" + sam.id() + "')].actor.memberId"))
                .containsOnly(admin.id());
        mvc.perform(apiPut("/api/v1/admin/members/" + pat.id() + "/vetted", admin.token(), "{\"vetted\": false}"))
                .andExpect(status().isOk());
    }

    @Test
    void theReportFormTheQueuePageAndTheAuditLogPage() throws Exception {
        Account admin = admin();
        Account rita = newAccount("Rita Page");
        Account sam = newAccount("Sam Page");
        MockHttpSession member = pageSession(rita);
        mvc.perform(get("/report?member=" + sam.id()).session(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Report this member")));
        mvc.perform(post("/report").session(member).with(csrf()).param("member", sam.id()).param("reason", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/report").session(member).with(csrf()).param("member", "nobody").param("reason", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("There is no member with this id.")));
        mvc.perform(post("/report").session(member).param("member", sam.id()).param("reason", "No token"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/report").session(member).with(csrf()).param("member", sam.id()).param("reason", "Spam <i>everywhere</i>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("your report was sent")));
        mvc.perform(get("/members/" + sam.id()).session(member))
                .andExpect(content().string(containsString("/report?member=" + sam.id())));

        MockHttpSession browser = pageSession(admin);
        // an admin can suspend from the member's page; a member sees no such form
        mvc.perform(get("/members/" + sam.id()).session(browser))
                .andExpect(content().string(containsString("action=\"/admin/suspensions\"")));
        mvc.perform(get("/members/" + sam.id()).session(member))
                .andExpect(content().string(not(containsString("action=\"/admin/suspensions\""))));
        mvc.perform(get("/admin/reports").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Spam &lt;i&gt;everywhere&lt;/i&gt;")))
                .andExpect(content().string(not(containsString("<i>everywhere</i>"))));
        String report = jdbc.sql("select public_id from report where reason = 'Spam <i>everywhere</i>'").query(String.class).single();
        mvc.perform(post("/admin/reports/" + report + "/resolve").session(browser).with(csrf()).param("note", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Say what you did and why")));
        mvc.perform(post("/admin/reports/" + report + "/dismiss").session(browser).with(csrf()).param("note", "Not spam"))
                .andExpect(redirectedUrl("/admin/reports?done=dismissed"));
        mvc.perform(post("/admin/reports/" + report + "/dismiss").session(browser).with(csrf()))
                .andExpect(redirectedUrl("/admin/reports?done=closed"));
        mvc.perform(get("/admin/audit").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("dismissed a report on")))
                .andExpect(content().string(containsString("Not spam")));
        mvc.perform(get("/admin/reports").session(member)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").session(member)).andExpect(status().isForbidden());
    }
}
