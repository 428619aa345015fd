package org.reciprocity.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class LedgerPagesIntegrationTest extends LedgerTestSupport {

    @Test
    void recordConfirmAndThankWorkWithPlainFormsWithoutJavaScript() throws Exception {
        Account ana = newAccount("Ana Page");
        Account ben = newAccount("Ben Page");
        MockHttpSession anaSession = pageSession(ana);
        MockHttpSession benSession = pageSession(ben);
        mvc.perform(get("/ledger/record").param("member", ben.id()).session(anaSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"member:" + ben.id() + "\" checked")));
        mvc.perform(post("/ledger/record").session(anaSession).with(csrf())
                        .param("direction", "GAVE").param("counterpart", "member:" + ben.id()).param("kind", "FEEDBACK")
                        .param("description", "Reviewed the pitch deck").param("weight", "3")
                        .param("occurredOn", today().toString()))
                .andExpect(redirectedUrlPattern("/exchanges/*?recorded"));
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(apiGet("/api/v1/exchanges/inbox", ben.token()))
                .andReturn().getResponse().getContentAsString(), "$.items[0].id");
        mvc.perform(get("/ledger").session(benSession))
                .andExpect(content().string(containsString("Reviewed the pitch deck")))
                .andExpect(content().string(containsString("Waiting for your answer (<span id=\"inbox-count\">1</span>)")));
        mvc.perform(post("/exchanges/" + id + "/confirm").session(benSession).with(csrf()))
                .andExpect(redirectedUrl("/ledger?done=confirmed"));
        mvc.perform(post("/exchanges/" + id + "/thanks").session(benSession).with(csrf()).param("note", "Very helpful!"))
                .andExpect(redirectedUrl("/ledger?done=thanked"));
        mvc.perform(get("/exchanges/" + id).session(anaSession))
                .andExpect(content().string(containsString("Very helpful!")))
                .andExpect(content().string(containsString("confirmed")));
        mvc.perform(get("/ledger/members/" + ben.id()).session(anaSession))
                .andExpect(content().string(containsString("You and Ben Page")))
                .andExpect(content().string(containsString("Not yet returned to you")));
    }

    @Test
    void htmxAnswersReplaceOnlyTheRow() throws Exception {
        Account ana = newAccount("Ana Htmx");
        Account ben = newAccount("Ben Htmx");
        String id = record(ana, "GAVE", ben, 2, 1);
        mvc.perform(post("/exchanges/" + id + "/confirm").session(pageSession(ben)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirmed.")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void recordErrorsAreShownBesideTheFields() throws Exception {
        Account ana = newAccount("Ana Errors");
        mvc.perform(post("/ledger/record").session(pageSession(ana)).with(csrf())
                        .param("direction", "GAVE").param("counterpart", "").param("kind", "ADVICE")
                        .param("description", "").param("weight", "3").param("occurredOn", today().plusDays(5).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"occurredOn-error\"")))
                .andExpect(content().string(containsString("id=\"description-error\"")))
                .andExpect(content().string(containsString("id=\"counterpartMemberId-error\"")));
    }

    @Test
    void theDashboardShowsFlagsWithReasonsAndSuggestions() throws Exception {
        Account helen = newAccount("Helen Page");
        setCapacity(helen, 1);
        Account other = newAccount("Other Page");
        record(helen, "GAVE", other, 2, 1);
        record(helen, "GAVE", other, 2, 2);
        mvc.perform(get("/ledger").session(pageSession(helen)))
                .andExpect(content().string(containsString("You are giving too much")))
                .andExpect(content().string(containsString("you said you can give 1 a month")))
                .andExpect(content().string(containsString("Pause giving")));
    }

    @Test
    void anotherMembersExchangePageIsNotFound() throws Exception {
        Account ana = newAccount("Ana Private");
        Account ben = newAccount("Ben Private");
        Account eve = newAccount("Eve Private");
        String id = record(ana, "GAVE", ben, 2, 1);
        MockHttpSession eveSession = pageSession(eve);
        mvc.perform(get("/exchanges/" + id).session(eveSession)).andExpect(status().isNotFound());
        mvc.perform(post("/exchanges/" + id + "/confirm").session(eveSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/exchanges/" + id + "/correct").session(eveSession)).andExpect(status().isNotFound());
    }

}
