package org.reciprocity.asks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class AskPagesIntegrationTest extends AsksTestSupport {

    @Test
    void postingFormsNeedTheCsrfTokenAndExplainRulesBesideTheFields() throws Exception {
        Account ana = member("Ana Forms");
        MockHttpSession session = pageSession(ana);
        mvc.perform(post("/asks/new").session(session).param("kind", "ASK").param("title", "A fine title"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/asks/new").session(session).with(csrf()).param("kind", "OFFER")
                        .param("title", "Free workshop: 10x your revenue")
                        .param("details", "Book a call today to unlock exclusive pricing. Limited spots, guaranteed results!"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"commercial-error\"")));
        mvc.perform(post("/asks/new").session(session).with(csrf()).param("kind", "ASK")
                        .param("title", "<script>alert(1)</script> help").param("tags", "a, b").param("visibility", "COMMUNITY"))
                .andExpect(redirectedUrlPattern("/asks/*?created"));
        mvc.perform(get("/asks").session(session))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; help")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void aConnectionsOnlyAskPageIsNotFoundForOthersAndIntroductionsPageProposes() throws Exception {
        Account ana = member("Ana Pages");
        Account friend = member("Friend Pages");
        Account other = member("Other Pages");
        Account stranger = member("Stranger Pages");
        connect(ana, friend);
        connect(ana, other);
        String ask = ask(ana, "Only for friends", "CONNECTIONS");
        mvc.perform(get("/asks/" + ask).session(pageSession(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/asks/" + ask).session(pageSession(friend)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Pledge to help")));

        MockHttpSession session = pageSession(ana);
        mvc.perform(post("/introductions").session(session).with(csrf()).param("firstMemberId", friend.id())
                        .param("secondMemberId", other.id()).param("reason", "short"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/introductions").session(session).with(csrf()).param("firstMemberId", friend.id())
                        .param("secondMemberId", other.id()).param("reason", "You both restore old furniture."))
                .andExpect(redirectedUrl("/introductions?done=proposed"));
        mvc.perform(get("/introductions").session(pageSession(friend)))
                .andExpect(content().string(containsString("introduces you to")))
                .andExpect(content().string(not(containsString(other.email()))));
    }
}
