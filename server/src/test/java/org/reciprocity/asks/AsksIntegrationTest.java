package org.reciprocity.asks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsksIntegrationTest extends AsksTestSupport {

    @Test
    void anAskIsCreatedOpenWithDefaultsAndBadInputIsExplainedPerField() throws Exception {
        Account ana = member("Ana Asker");
        mvc.perform(apiPost("/api/v1/asks", ana.token(), json("title", "Review my pitch deck", "details", "Seed round",
                        "tags", List.of())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/asks/")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.visibility").value("COMMUNITY"))
                .andExpect(jsonPath("$.expiresOn").value(today().plusDays(30).toString()));
        mvc.perform(apiPost("/api/v1/asks", ana.token(), json("title", "x", "visibility", "FRIENDS",
                        "expiresOn", "tomorrow")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("visibility")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("expiresOn")));
        mvc.perform(apiPost("/api/v1/asks", ana.token(), json("title", "Old", "expiresOn", today().minusDays(2).toString())))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        mvc.perform(apiGet("/api/v1/asks", ana.token())).andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aSalesPitchOfferMustBeMarkedCommercial() throws Exception {
        Account victor = member("Victor Pitch");
        String pitch = json("title", "Free workshop: scale your revenue",
                "details", "Limited time offer! Book a call today to unlock exclusive pricing and guaranteed results.");
        mvc.perform(apiPost("/api/v1/offers", victor.token(), pitch))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("commercial"))
                .andExpect(jsonPath("$.errors[0].message", containsString("sales pitch")));
        mvc.perform(apiPost("/api/v1/offers", victor.token(), pitch.replace("}", ",\"commercial\":true}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.commercial").value(true))
                .andExpect(jsonPath("$.warnings").isArray());
        mvc.perform(apiPost("/api/v1/offers", victor.token(), json("title", "Happy to review CVs of juniors")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.commercial").value(false));
    }

    @Test
    void aConnectionsOnlyAskIsInvisibleToOthersAndOnlyTheAuthorSeesMatches() throws Exception {
        Account ana = member("Ana Private");
        Account friend = member("Friend F");
        Account stranger = member("Stranger S");
        connect(ana, friend);
        String ask = ask(ana, "Need a quiet favor", "CONNECTIONS");

        mvc.perform(apiGet("/api/v1/asks/" + ask, friend.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.mine").value(false));
        mvc.perform(apiGet("/api/v1/asks/" + ask, stranger.token())).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", stranger.token(),
                json("note", "", "dueOn", today().plusDays(3).toString()))).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", stranger.token())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", friend.token())).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/close", friend.token(), "{}")).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", ana.token())).andExpect(status().isOk());
    }

    @Test
    void matchesHonourPauseCapacityBlocksAndClosenessAndSayWhy() throws Exception {
        String word = uniqueWord();
        Account asker = member("Asker A");
        Account close = member("Close Helper", word + " coaching");
        Account far = member("Far Helper", word + " coaching");
        Account paused = member("Paused Helper", word + " coaching");
        Account full = member("Full Helper", word + " coaching");
        Account blocked = member("Blocked Helper", word + " coaching");
        Account nobody = member("Unrelated", "gardening");
        String skills = "\"skills\": [\"" + word + " coaching\"], ";
        profile(paused, skills + "\"givingPaused\": true");
        profile(full, skills + "\"capacityPerMonth\": 1");
        mvc.perform(apiPost("/api/v1/exchanges", full.token(), json("direction", "GAVE", "counterpartMemberId", far.id(),
                "kind", "ADVICE", "description", "advice", "weight", 1, "occurredOn", today().toString())))
                .andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/blocks", blocked.token(), json("memberId", asker.id()))).andExpect(status().isCreated());
        connect(asker, close);

        String ask = ask(asker, "Looking for " + word + " coaching", "COMMUNITY");
        List<String> ids = matchIds(asker, ask);

        assertThat(ids).containsExactly(close.id(), far.id());
        assertThat(ids).doesNotContain(asker.id(), paused.id(), full.id(), blocked.id(), nobody.id());
        mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", asker.token()))
                .andExpect(jsonPath("$.items[0].displayName").value("Close Helper"))
                .andExpect(jsonPath("$.items[0].reasons", hasItem("skills: " + word + " coaching")))
                .andExpect(jsonPath("$.items[0].reasons", hasItem("one of your connections")))
                .andExpect(jsonPath("$.items[0].score").isNumber());

        profile(paused, skills + "\"givingPaused\": false");
        assertThat(matchIds(asker, ask)).contains(paused.id());
    }

    @Test
    void pledgeFulfilRecordsThePendingFavorLinkedToTheAskAndOnlyTheHelperMayFulfil() throws Exception {
        Account asker = member("Asker P");
        Account helper = member("Helper P");
        Account other = member("Other P");
        String ask = ask(asker, "Help me move a sofa", "COMMUNITY");
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", helper.token(),
                        json("note", "Saturday works", "dueOn", today().plusDays(3).toString())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PLEDGED"));
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", helper.token(),
                json("note", "again", "dueOn", today().plusDays(3).toString()))).andExpect(status().isConflict());
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", asker.token(),
                json("note", "me", "dueOn", today().plusDays(3).toString()))).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", other.token(), json("note", "no date")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        String pledge = JsonPath.read(mvc.perform(apiGet("/api/v1/pledges", helper.token()))
                .andReturn().getResponse().getContentAsString(), "$.items[0].id");

        mvc.perform(apiPost("/api/v1/pledges/" + pledge + "/fulfil", asker.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/pledges/" + pledge + "/fulfil", other.token(), "")).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/pledges/" + pledge, other.token())).andExpect(status().isNotFound());
        String fulfilled = mvc.perform(apiPost("/api/v1/pledges/" + pledge + "/fulfil", helper.token(), ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FULFILLED"))
                .andReturn().getResponse().getContentAsString();
        String exchange = JsonPath.read(fulfilled, "$.exchangeId");
        mvc.perform(apiGet("/api/v1/exchanges/inbox", asker.token()))
                .andExpect(jsonPath("$.items[0].id").value(exchange))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.items[0].askId").value(ask));
        mvc.perform(apiPost("/api/v1/pledges/" + pledge + "/fulfil", helper.token(), "")).andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/asks/" + ask, asker.token())).andExpect(jsonPath("$.pledges[0].status").value("FULFILLED"));
        mvc.perform(apiGet("/api/v1/asks/" + ask, other.token())).andExpect(jsonPath("$.pledges.length()").value(0));
    }

    @Test
    void aPledgeLeftOpenSevenDaysPastItsDueDateLapsesAndCountsAgainstReliability() throws Exception {
        String word = uniqueWord();
        Account asker = member("Asker L");
        Account helper = member("Lapsing Helper", word + " repair");
        String ask = ask(asker, "Someone for " + word + " repair?", "COMMUNITY");
        String pledge = pledge(helper, ask, today().plusDays(1));

        clock.advance(Duration.ofDays(8));
        mvc.perform(apiGet("/api/v1/pledges/" + pledge, helper.token())).andExpect(jsonPath("$.status").value("PLEDGED"));
        clock.advance(Duration.ofDays(1));
        mvc.perform(apiGet("/api/v1/pledges/" + pledge, helper.token())).andExpect(jsonPath("$.status").value("LAPSED"));
        mvc.perform(apiPost("/api/v1/pledges/" + pledge + "/fulfil", helper.token(), ""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("lapsed")));

        String again = ask(asker, "Another " + word + " repair", "COMMUNITY");
        mvc.perform(apiGet("/api/v1/asks/" + again + "/matches", asker.token()))
                .andExpect(jsonPath("$.items[0].reasons", hasItem("kept 0 of 1 pledge")));
    }

    @Test
    void anExchangeMayOnlyNameAnAskOfOneOfItsParties() throws Exception {
        Account a = member("Party A");
        Account b = member("Party B");
        Account c = member("Party C");
        String asksOfC = ask(c, "Unrelated ask", "COMMUNITY");
        String asksOfB = ask(b, "Related ask", "COMMUNITY");
        String favor = "{\"direction\":\"GAVE\",\"counterpartMemberId\":\"" + b.id() + "\",\"kind\":\"ADVICE\","
                + "\"description\":\"advice\",\"weight\":2,\"occurredOn\":\"" + today() + "\",\"askId\":\"%s\"}";
        mvc.perform(apiPost("/api/v1/exchanges", a.token(), favor.formatted(asksOfC)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("askId"));
        mvc.perform(apiPost("/api/v1/exchanges", a.token(), favor.formatted(asksOfB))).andExpect(status().isCreated());
    }

    @Test
    void giveFirstListsAsksTheCallerCouldHelpWithUnlessTheyPausedGiving() throws Exception {
        String word = uniqueWord();
        Account helper = member("Giver G", word + " translation");
        Account asker = member("Asker G");
        Account blocker = member("Blocker G");
        String ask = ask(asker, "Need " + word + " translation of a letter", "COMMUNITY");
        ask(blocker, "Also need " + word + " translation", "COMMUNITY");
        mvc.perform(apiPost("/api/v1/blocks", blocker.token(), json("memberId", helper.id()))).andExpect(status().isCreated());

        mvc.perform(apiGet("/api/v1/me/give-first", helper.token()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ask))
                .andExpect(jsonPath("$.items[0].author.displayName").value("Asker G"))
                .andExpect(jsonPath("$.items[0].reasons", hasItem("matches what you give: " + word + " translation")))
                .andExpect(jsonPath("$.items[0].reasons", hasItem("no one has pledged to help yet")));
        profile(helper, "\"skills\": [\"" + word + " translation\"], \"givingPaused\": true");
        mvc.perform(apiGet("/api/v1/me/give-first", helper.token())).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void opportunitiesAreRoutedToMembersWhoseSkillsMatchRespectingVisibility() throws Exception {
        String word = uniqueWord();
        Account poster = member("Poster O");
        Account fit = member("Fit O", word + " engineering");
        Account connectedFit = member("Connected Fit O", word + " engineering");
        connect(poster, connectedFit);
        mvc.perform(apiPost("/api/v1/opportunities", poster.token(),
                json("title", "Hiring a " + word + " engineer", "visibility", "CONNECTIONS"))).andExpect(status().isCreated());

        mvc.perform(apiGet("/api/v1/me/opportunities", connectedFit.token()))
                .andExpect(jsonPath("$.items[0].title").value("Hiring a " + word + " engineer"));
        mvc.perform(apiGet("/api/v1/me/opportunities", fit.token()))
                .andExpect(jsonPath("$.items[*].title", org.hamcrest.Matchers.not(hasItem("Hiring a " + word + " engineer"))));
    }

    @Test
    void mutualBenefitFindsConnectionsWhoCanHelpEachOther() throws Exception {
        String w1 = uniqueWord();
        String w2 = uniqueWord();
        Account me = member("Middle M");
        Account bea = member("Bea M", w1 + " design");
        Account carl = member("Carl M", w2 + " accounting");
        connect(me, bea);
        connect(me, carl);
        ask(bea, "Looking for " + w2 + " accounting help", "COMMUNITY");
        ask(carl, "Need " + w1 + " design for my shop", "COMMUNITY");

        mvc.perform(apiGet("/api/v1/me/mutual-benefit", me.token()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].firstGives", containsString("can help with")))
                .andExpect(jsonPath("$.items[*].first.displayName", hasItem(org.hamcrest.Matchers.oneOf("Bea M", "Carl M"))));
        mvc.perform(apiGet("/api/v1/me/mutual-benefit", bea.token())).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void onlyAnAdminRebuildsTheIndex() throws Exception {
        Account someone = member("Someone R");
        mvc.perform(apiPost("/api/v1/admin/match-index/rebuild", someone.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/admin/match-index/rebuild", admin().token(), ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members").isNumber());
    }

    @Test
    void privateSkillsAreNeverMatchedOrQuoted() throws Exception {
        String word = uniqueWord();
        Account asker = member("Asker V");
        Account secretive = member("Secretive V");
        profile(secretive, "\"skills\": [\"" + word + " auditing\"], \"visibility\": {\"skills\": \"PRIVATE\"}");
        Account open = member("Open V", word + " auditing");
        String ask = ask(asker, "Need " + word + " auditing", "COMMUNITY");
        assertThat(matchIds(asker, ask)).containsExactly(open.id());
        profile(secretive, "\"skills\": [\"" + word + " auditing\"], \"visibility\": {\"skills\": \"COMMUNITY\"}");
        assertThat(matchIds(asker, ask)).contains(secretive.id());
    }

    @Test
    void theArchiveHoldsTheMembersPostingsPledgesAndIntroductions() throws Exception {
        Account asker = member("Archivist A");
        Account helper = member("Archivist H");
        String ask = ask(asker, "Archive me please", "COMMUNITY");
        pledge(helper, ask, today().plusDays(2));
        mvc.perform(apiGet("/api/v1/me/archive", asker.token()))
                .andExpect(jsonPath("$.postings[0].title").value("Archive me please"))
                .andExpect(jsonPath("$.postings[0].pledges[0].helper.displayName").value("Archivist H"));
        mvc.perform(apiGet("/api/v1/me/archive", helper.token()))
                .andExpect(jsonPath("$.pledges[0].askTitle").value("Archive me please"))
                .andExpect(jsonPath("$.introductions").isArray());
    }
}
