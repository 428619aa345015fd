package org.reciprocity.asks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2 of PRODUCT.md: the open-source developer answers many asks from strangers; the matcher
 * and the opportunity routing put him in front of those who need his skills.
 */
class OpenSourceScenarioIntegrationTest extends AsksTestSupport {

    @Test
    void theOpenSourceDeveloperTopsMatchesForAsksInHisFieldAndOpeningsReachHim() throws Exception {
        String lang = uniqueWord();
        Account tomas = member("Tomas Maintainer", lang, "PostgreSQL", "Code review", "Open source");
        profile(tomas, "\"headline\": \"Open-source maintainer, " + lang + " and PostgreSQL\", \"skills\": [\"" + lang
                + "\", \"PostgreSQL\", \"Code review\", \"Open source\"], \"capacityPerMonth\": 20");
        mvc.perform(apiPost("/api/v1/offers", tomas.token(), json("title", "Code review for " + lang + " projects")))
                .andExpect(status().isCreated());
        Account dabbler = member("Dabbler", lang);
        Account generalist = member("Generalist", "PostgreSQL", "Project management");
        // Tomás has helped strangers with this before: confirmed favors he gave
        for (int i = 0; i < 3; i++) {
            Account stranger = member("Stranger " + i);
            String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", tomas.token(), json("direction", "GAVE",
                            "counterpartMemberId", stranger.id(), "kind", "ADVICE",
                            "description", "Answered a question about a slow " + lang + " build", "weight", 2,
                            "occurredOn", today().minusDays(40 + i).toString())))
                    .andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", stranger.token(), "")).andExpect(status().isOk());
        }

        for (String title : List.of("Slow " + lang + " build and a PostgreSQL query", "Code review of my " + lang + " library",
                "Open source " + lang + " project needs a reviewer")) {
            Account asker = member("Asker of " + title.substring(0, 4));
            String ask = ask(asker, title, "COMMUNITY");
            List<String> ids = matchIds(asker, ask);
            assertThat(ids).as(title).startsWith(tomas.id());
            assertThat(ids).contains(dabbler.id());
        }
        assertThat(generalist).isNotNull();

        Account employer = member("Employer");
        mvc.perform(apiPost("/api/v1/opportunities", employer.token(),
                json("title", "Hiring: senior " + lang + " engineer", "tags", List.of()))).andExpect(status().isCreated());
        String routed = mvc.perform(apiGet("/api/v1/me/opportunities", tomas.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(routed, "$.items[*].title")).contains("Hiring: senior " + lang + " engineer");
        String elsewhere = mvc.perform(apiGet("/api/v1/me/opportunities", generalist.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(elsewhere, "$.items[*].title")).doesNotContain("Hiring: senior " + lang + " engineer");
    }
}
