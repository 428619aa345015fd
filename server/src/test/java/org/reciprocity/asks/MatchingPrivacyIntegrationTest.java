package org.reciprocity.asks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Matching sees only what every member may see: an offer shown to connections only, and the words of
 * favors between two other members, never shape a stranger's matches or their reasons.
 */
class MatchingPrivacyIntegrationTest extends AsksTestSupport {

    @Test
    void aConnectionsOnlyOfferNeverReachesAStrangersMatches() throws Exception {
        String word = uniqueWord();
        Account helper = member("Hidden Offerer");
        mvc.perform(apiPost("/api/v1/offers", helper.token(), json("title", "Help with " + word + " migrations",
                "details", "", "visibility", "CONNECTIONS"))).andExpect(status().isCreated());
        Account stranger = member("Stranger Asker");
        String ask = ask(stranger, "Who knows " + word + " migrations?", "COMMUNITY");
        String matches = mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", stranger.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(matches).doesNotContain(helper.id()).doesNotContain(word + " migrations");
    }

    @Test
    void theWordsOfOtherMembersFavorsAreNotSearchable() throws Exception {
        String word = uniqueWord();
        Account giver = member("Quiet Giver");
        Account receiver = member("Quiet Receiver");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", giver.token(), json("direction", "GAVE",
                "counterpartMemberId", receiver.id(), "kind", "ADVICE", "description", "Explained " + word + " tuning",
                "weight", 3, "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", receiver.token(), "")).andExpect(status().isOk());
        Account stranger = member("Curious Asker");
        String ask = ask(stranger, "Anyone who did " + word + " tuning?", "COMMUNITY");
        assertThat(matchIds(stranger, ask)).doesNotContain(giver.id(), receiver.id());
    }

    @Test
    void aPublicOfferStillMatchesWithItsReason() throws Exception {
        String word = uniqueWord();
        Account helper = member("Open Offerer");
        mvc.perform(apiPost("/api/v1/offers", helper.token(), json("title", "Reviews of " + word + " schemas",
                "details", "", "visibility", "COMMUNITY"))).andExpect(status().isCreated());
        Account asker = member("Open Asker");
        String ask = ask(asker, "Need a review of my " + word + " schemas", "COMMUNITY");
        String matches = mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", asker.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(matches).contains(helper.id()).contains("offers");
    }
}
