package org.reciprocity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * A member's reputation (issue 12, items 2 and 4): trust with where it comes from, reliability, generosity and
 * gratitude, on the API and the profile, shown only as the member chooses and naming only people the viewer
 * may see.
 */
class ReputationIntegrationTest extends TrustTestSupport {

    record Community(Account admin, Account vera, Account hal) {}

    /** Hal helped Vera, whom an admin vetted, twice; she thanked one; he kept one pledge and let one lapse. */
    private Community community() throws Exception {
        Account admin = admin();
        Account vera = newAccount("Vera Vetted");
        Account hal = newAccount("Hal <b>Helper</b>");
        mvc.perform(apiPut("/api/v1/admin/members/" + vera.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk());
        String first = confirmedGift(hal, vera, 3, 20);
        confirmedGift(hal, vera, 2, 5);
        mvc.perform(apiPost("/api/v1/exchanges/" + first + "/thanks", vera.token(), json("note", "Thank you, Hal")))
                .andExpect(status().isCreated());
        String ask = ask(vera, "Reviewing a grant proposal");
        String kept = pledge(hal, ask);
        mvc.perform(apiPost("/api/v1/pledges/" + kept + "/fulfil", hal.token(), "")).andExpect(status().isOk());
        String lapsed = pledge(hal, ask(vera, "A second pair of eyes on a budget"));
        // lapsing takes a week past the due date (Asks.lapseOverdue): the pledge is put in that state directly
        jdbc.sql("update pledge set status = 'LAPSED', active_key = null where public_id = :id").param("id", lapsed).update();
        finishedRun(admin);
        return new Community(admin, vera, hal);
    }

    @Test
    void theReputationExplainsTrustAndGivesEachSignalWithItsCounts() throws Exception {
        Community c = community();
        Account reader = newAccount("Rita Reader");

        String body = mvc.perform(apiGet("/api/v1/members/" + c.hal().id() + "/reputation", reader.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(c.hal().id()))
                .andExpect(jsonPath("$.reliability").value(0.5))
                .andExpect(jsonPath("$.details.reliability.kept").value(1))
                .andExpect(jsonPath("$.details.reliability.lapsed").value(1))
                .andExpect(jsonPath("$.details.reliability.formula").value("(1 + 1) / (1 + 1 + 2)"))
                .andExpect(jsonPath("$.details.trust.vettedShare").value(1.0))
                .andExpect(jsonPath("$.details.trust.contributors[0].memberId").value(c.vera().id()))
                .andExpect(jsonPath("$.details.trust.contributors[0].share").value(1.0))
                .andExpect(jsonPath("$.computedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Double>read(body, "$.trust")).isPositive();
        assertThat(JsonPath.<Double>read(body, "$.trustPercentile")).isPositive();
        assertThat(JsonPath.<Double>read(body, "$.generosity")).isPositive();
        List<String> explanation = JsonPath.read(body, "$.explanation");
        assertThat(String.join(" ", explanation)).contains("Vera Vetted (100%)").contains("the average member's")
                .contains("100% of it comes from members the community's admins vetted");

        mvc.perform(apiGet("/api/v1/members/" + c.vera().id() + "/reputation", reader.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gratitude").value(0.5))
                .andExpect(jsonPath("$.details.gratitude.received").value(2))
                .andExpect(jsonPath("$.details.gratitude.thanked").value(1))
                .andExpect(jsonPath("$.details.gratitude.medianDaysToThank").value(20.0))
                .andExpect(jsonPath("$.reliability").value(0.5))
                .andExpect(jsonPath("$.details.reliability.kept").value(0));

        // someone who joined after the last computation: nothing is computed on reading
        Account newcomer = newAccount("Nell Newcomer");
        mvc.perform(apiGet("/api/v1/members/" + newcomer.id() + "/reputation", reader.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trust").value(nullValue()))
                .andExpect(jsonPath("$.trustPercentile").value(nullValue()))
                .andExpect(jsonPath("$.gratitude").value(nullValue()))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("has not been computed"))));

        // a disputed claim is told to its claimant, and to nobody else
        String claim = record(newcomer, "GAVE", c.vera(), 5, 2);
        mvc.perform(apiPost("/api/v1/exchanges/" + claim + "/dispute", c.vera().token(), json("reason", "Never happened")))
                .andExpect(status().isOk());
        mvc.perform(apiGet("/api/v1/members/" + newcomer.id() + "/reputation", newcomer.token()))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("One of your claims was disputed"))));
        mvc.perform(apiGet("/api/v1/members/" + newcomer.id() + "/reputation", reader.token()))
                .andExpect(jsonPath("$.explanation", not(hasItem(containsString("disputed by")))));
    }

    @Test
    void theMemberChoosesWhoSeesItAndBlocksHideIt() throws Exception {
        Community c = community();
        Account reader = newAccount("Rob Reader");
        String path = "/api/v1/members/" + c.hal().id() + "/reputation";
        mvc.perform(apiGet(path, null)).andExpect(status().isUnauthorized());
        mvc.perform(apiGet("/api/v1/members/no-such-member/reputation", reader.token())).andExpect(status().isNotFound());

        visibility(c.hal(), "PRIVATE");
        mvc.perform(apiGet(path, reader.token())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("does not share their reputation")));
        mvc.perform(apiGet(path, c.admin().token())).andExpect(status().isForbidden());
        mvc.perform(apiGet(path, c.hal().token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation", hasItem(containsString("To raise it"))));
        visibility(c.hal(), "CONNECTIONS");
        mvc.perform(apiGet(path, reader.token())).andExpect(status().isForbidden());
        visibility(c.hal(), "COMMUNITY");
        mvc.perform(apiGet(path, reader.token())).andExpect(status().isOk());

        // a member who blocked the reader is not there for them; a contributor who did is not named to them
        mvc.perform(apiPost("/api/v1/blocks", c.vera().token(), json("memberId", reader.id()))).andExpect(status().isCreated());
        mvc.perform(apiGet("/api/v1/members/" + c.vera().id() + "/reputation", reader.token())).andExpect(status().isNotFound());
        String body = mvc.perform(apiGet(path, reader.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.details.trust.contributors").isEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Vera");
    }

    @Test
    void theProfileShowsTheSignalsAndTheReputationPageTheirFormulas() throws Exception {
        Community c = community();
        Account reader = newAccount("Rae Reader");
        MockHttpSession browser = pageSession(reader);

        mvc.perform(get("/members/" + c.hal().id()).session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2>Reputation</h2>")))
                .andExpect(content().string(containsString("Kept 1 of 2 pledges")))
                .andExpect(content().string(containsString("/members/" + c.hal().id() + "/reputation")));
        mvc.perform(get("/members/" + c.hal().id() + "/reputation").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Hal &lt;b&gt;Helper&lt;/b&gt;'s reputation</h1>")))
                .andExpect(content().string(containsString("(1 + 1) / (1 + 1 + 2) = 0.50")))
                .andExpect(content().string(containsString("Vera Vetted")))
                .andExpect(content().string(containsString("Beta(kept + 1, lapsed + 1)")));
        // signed out, a reputation shared with members only is not shown
        mvc.perform(get("/members/" + c.hal().id())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("How these are computed"))));
        mvc.perform(get("/members/" + c.hal().id() + "/reputation")).andExpect(status().isForbidden());
        visibility(c.hal(), "PUBLIC");
        mvc.perform(get("/members/" + c.hal().id() + "/reputation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kept 1 of 2 pledges")));

        visibility(c.hal(), "PRIVATE");
        mvc.perform(get("/members/" + c.hal().id()).session(browser)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("How these are computed"))));
        mvc.perform(get("/members/" + c.hal().id() + "/reputation").session(browser)).andExpect(status().isForbidden());
        mvc.perform(get("/members/" + c.hal().id()).session(pageSession(c.hal()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("How these are computed")));
        mvc.perform(get("/profile/edit").session(pageSession(c.hal()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"visibility.reputation\"")));
    }

    private void visibility(Account member, String visibility) throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", member.token(), "{\"visibility\": {\"reputation\": \"" + visibility + "\"}}"))
                .andExpect(status().isOk());
    }

    private String ask(Account by, String title) throws Exception {
        String response = mvc.perform(apiPost("/api/v1/asks", by.token(), json("title", title, "details", "", "visibility", "COMMUNITY")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private String pledge(Account by, String askId) throws Exception {
        String response = mvc.perform(apiPost("/api/v1/asks/" + askId + "/pledges", by.token(),
                        json("note", "I can help", "dueOn", today().plusDays(7).toString())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
