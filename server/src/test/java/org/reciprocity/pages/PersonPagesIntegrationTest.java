package org.reciprocity.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;

/**
 * The person pages and the fixes found from outside (issue 11, items 3, 4, 6 and 9): each assertion here failed
 * before its fix, and none lets one member see or change another's data.
 */
class PersonPagesIntegrationTest extends IntegrationTest {

    static final String NOTE = "We met at the Lyon design meetup and talked about accessible forms.";

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String contact(Account owner, String name) throws Exception {
        return JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(), json("name", name, "tier", "CLOSE",
                        "email", "dora@example.org", "notes", "Likes sailing", "company", "Initech")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String html(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aContactPageReadsWithOneTimelineAndLogsAnInteractionWithoutLeavingIt() throws Exception {
        Account me = newAccount("Timeline Owner");
        Account other = newAccount("Timeline Other");
        String dora = contact(me, "Dora Timeline");
        mvc.perform(apiPost("/api/v1/exchanges", me.token(), json("direction", "GAVE", "contactId", dora, "kind", "ADVICE",
                "description", "Reviewed her pitch deck", "weight", 2, "occurredOn", today().minusDays(5).toString())))
                .andExpect(status().isCreated());
        MockHttpSession session = pageSession(me);
        mvc.perform(post("/agenda/interactions").session(session).with(csrf()).param("person", "contact:" + dora)
                        .param("type", "CALL").param("occurredOn", today().minusDays(40).toString())
                        .param("note", "Caught up about her move").param("returnTo", "contact"))
                .andExpect(redirectedUrl("/contacts/" + dora + "?done=logged"));
        String page = html(session, "/contacts/" + dora);
        assertThat(page).contains("href=\"mailto:dora@example.org\"").contains("Likes sailing").contains("Close")
                .contains("Reviewed her pitch deck").contains("Caught up about her move")
                .contains("/ledger/record?contact=" + dora).contains("/contacts/" + dora + "/edit");
        assertThat(page.indexOf("Reviewed her pitch deck")).as("newest first").isLessThan(page.indexOf("Caught up"));
        // the edit form moved to /edit; another member finds neither
        assertThat(html(session, "/contacts/" + dora + "/edit")).contains("name=\"notes\"");
        MockHttpSession theirs = pageSession(other);
        mvc.perform(get("/contacts/" + dora).session(theirs)).andExpect(status().isNotFound());
        mvc.perform(get("/contacts/" + dora + "/edit").session(theirs)).andExpect(status().isNotFound());
        mvc.perform(post("/agenda/interactions").session(theirs).with(csrf()).param("person", "contact:" + dora)
                .param("type", "CALL").param("occurredOn", today().toString()).param("returnTo", "contact"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theMemberPageOffersWhatTheRelationshipAllows() throws Exception {
        Account ana = newAccount("Ana Actions");
        Account ben = newAccount("Ben Actions");
        MockHttpSession session = pageSession(ana);
        assertThat(html(session, "/members/" + ben.id())).contains("/members/" + ben.id() + "/connect\">Connect");
        String request = JsonPath.read(mvc.perform(apiPost("/api/v1/connection-requests", ana.token(),
                json("toMemberId", ben.id(), "note", NOTE))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        assertThat(html(session, "/members/" + ben.id())).contains("Request sent").doesNotContain("/connect\">Connect");
        assertThat(html(pageSession(ben), "/members/" + ana.id())).contains("Answer the request");
        mvc.perform(apiPost("/api/v1/connection-requests/" + request + "/accept", ben.token(), "")).andExpect(status().isOk());
        assertThat(html(session, "/members/" + ben.id())).contains("Connected").contains("/introductions?first=" + ben.id())
                .doesNotContain("/connect\">Connect");
        // the connect form itself no longer lets a connected member write a note for a 409
        mvc.perform(get("/members/" + ben.id() + "/connect").session(session)).andExpect(redirectedUrl("/members/" + ben.id()));
    }

    @Test
    void anIntroductionSaysWhenOneSideAccepted() throws Exception {
        Account cara = newAccount("Cara Introducer");
        Account dan = newAccount("Dan Introduced");
        Account eva = newAccount("Eva Introduced");
        for (Account a : List.of(dan, eva)) {
            String r = JsonPath.read(mvc.perform(apiPost("/api/v1/connection-requests", cara.token(),
                    json("toMemberId", a.id(), "note", NOTE))).andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/connection-requests/" + r + "/accept", a.token(), "")).andExpect(status().isOk());
        }
        String intro = JsonPath.read(mvc.perform(apiPost("/api/v1/introductions", cara.token(), json("firstMemberId",
                        dan.id(), "secondMemberId", eva.id(), "reason", "You both build accessible booking systems.")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/introductions/" + intro + "/accept", dan.token(), "")).andExpect(status().isOk());
        assertThat(html(pageSession(cara), "/introductions")).contains("one accepted; waiting for the other");
        assertThat(html(pageSession(dan), "/introductions")).contains("you accepted; waiting for the other");
        assertThat(html(pageSession(eva), "/introductions")).contains("the other accepted; waiting for you");
    }

    @Test
    void theLedgerDrawsItsChartsFormatsFiguresAndOffersAButtonPerFlag() throws Exception {
        Account giver = newAccount("Giver Charts");
        Account taker = newAccount("Taker Charts");
        for (int i = 0; i < 3; i++) {
            String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", giver.token(), json("direction", "GAVE",
                            "counterpartMemberId", taker.id(), "kind", "ADVICE", "description", "Advice " + i, "weight", 1,
                            "occurredOn", today().minusDays(200 + 10 * i).toString())))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", taker.token(), "")).andExpect(status().isOk());
        }
        MockHttpSession session = pageSession(giver);
        String ledger = html(session, "/ledger");
        assertThat(ledger).contains("One-sided relationship").contains("Step back from this relationship")
                .contains("action=\"/profile/giving\"").contains("data-chart=").contains("/js/charts.js")
                .contains("<time datetime=\"" + today().minusDays(200) + "\"");
        // figures: one decimal at most, never 2.43
        assertThat(ledger).doesNotContainPattern("<strong id=\"given\">\\d+\\.\\d\\d");
        mvc.perform(post("/profile/giving").session(session).with(csrf()).param("paused", "true"))
                .andExpect(redirectedUrl("/ledger?done=paused"));
        mvc.perform(apiGet("/api/v1/me", giver.token())).andExpect(jsonPath("$.givingPaused").value(true));
        assertThat(html(session, "/ledger?done=paused")).contains("Giving paused")
                .doesNotContain("action=\"/profile/giving\""); // paused: no second "Pause giving"
        // the taker's agenda groups per person and says when with a relative date
        String agenda = html(pageSession(taker), "/agenda");
        assertThat(agenda.split("class=\"person-group\"", -1).length - 1).isEqualTo(1);
        // CSRF on the pause button
        mvc.perform(post("/profile/giving").session(session).param("paused", "false")).andExpect(status().isForbidden());
    }

    @Test
    void answeringOnTheLedgerBringsTheCountsUpToDate() throws Exception {
        Account a = newAccount("Count Giver");
        Account b = newAccount("Count Receiver");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", a.token(), json("direction", "GAVE",
                        "counterpartMemberId", b.id(), "kind", "ADVICE", "description", "One", "weight", 1,
                        "occurredOn", today().toString())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        MockHttpSession session = pageSession(b);
        assertThat(html(session, "/ledger")).contains("<span id=\"inbox-count\">1</span>");
        mvc.perform(post("/exchanges/" + favor + "/confirm").session(session).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span id=\"inbox-count\" hx-swap-oob=\"true\">0</span>")))
                .andExpect(content().string(containsString("<span id=\"unthanked-count\" hx-swap-oob=\"true\">")));
    }

    @Test
    void theRecordFormSpeaksInItsOwnWordsAndOffersFavorsToGiveBack() throws Exception {
        Account a = newAccount("Words Giver");
        Account b = newAccount("Words Receiver");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", b.token(), json("direction", "GAVE",
                        "counterpartMemberId", a.id(), "kind", "ADVICE", "description", "Helped with taxes", "weight", 2,
                        "occurredOn", today().minusDays(3).toString())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", a.token(), "")).andExpect(status().isOk());
        MockHttpSession session = pageSession(a);
        assertThat(html(session, "/ledger/record?member=" + b.id())).contains("<option value=\"" + favor + "\"")
                .contains("Helped with taxes").doesNotContain("the id of the favor");
        mvc.perform(post("/ledger/record").session(session).with(csrf()).param("direction", "GAVE").param("counterpart", "")
                        .param("kind", "ADVICE").param("description", "x").param("weight", "1")
                        .param("occurredOn", today().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose whom the favor was with")))
                .andExpect(content().string(not(containsString("(counterpartMemberId)"))));
    }

    @Test
    void theHomePageChecklistTicksItself() throws Exception {
        Account me = newAccount("Checklist Member");
        MockHttpSession session = pageSession(me);
        assertThat(html(session, "/")).contains("Getting started: 0 of 5 done").contains("Complete your profile")
                .contains("Import your contacts").contains("Connect with 3 people").contains("Record a first favor")
                .contains("Post an ask or an offer");
        contact(me, "Someone Known");
        mvc.perform(apiPut("/api/v1/me/profile", me.token(), json("headline", "Designer")
                .replaceFirst("}$", ",\"skills\":[\"accessibility\"]}"))).andExpect(status().isOk());
        assertThat(html(session, "/")).contains("Getting started: 2 of 5 done").contains("<s>Complete your profile</s>")
                .contains("<s>Import your contacts</s>");
    }

    @Test
    void losingTouchIsPagedInTheApiAndThePageAndTheFaviconIsServed() throws Exception {
        Account me = newAccount("Slipping Away");
        for (int i = 0; i < 5; i++) {
            contact(me, "Old Friend " + i);
        }
        clock.advance(java.time.Duration.ofDays(100));
        String first = mvc.perform(apiGet("/api/v1/losing-touch?limit=2", me.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2)).andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(first, "$.nextCursor");
        assertThat(cursor).isNotNull();
        mvc.perform(apiGet("/api/v1/losing-touch?limit=2&cursor=" + cursor, me.token()))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(apiGet("/api/v1/losing-touch?limit=201", me.token())).andExpect(status().isUnprocessableContent());
        assertThat(html(pageSession(me), "/losing-touch")).contains("5 relationships past their cadence");
        mvc.perform(get("/favicon.ico")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/favicon.svg"));
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    }
}
