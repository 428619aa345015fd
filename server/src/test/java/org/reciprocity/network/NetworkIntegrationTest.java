package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.Accounts;
import org.reciprocity.member.Member;
import org.reciprocity.member.Profile;
import org.reciprocity.security.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

class NetworkIntegrationTest extends IntegrationTest {

    private static final String NOTE = "We met at the Lyon design meetup and talked about accessible forms.";

    @Autowired
    Accounts accounts;
    @Autowired
    Passwords passwords;

    private String hash;

    private ResultActions request(Account from, String toId, String note) throws Exception {
        return mvc.perform(apiPost("/api/v1/connection-requests", from.token(), json("toMemberId", toId, "note", note)));
    }

    private String requestId(Account from, Account to) throws Exception {
        return JsonPath.read(request(from, to.id(), NOTE).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING")).andReturn().getResponse().getContentAsString(), "$.id");
    }

    /** Members created directly (no password hashing per member), for the limits that need many recipients. */
    private List<String> quickMembers(int count) {
        if (hash == null) {
            hash = passwords.hash(PASSWORD);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Member m = accounts.createPrefilled("quick-" + UUID.randomUUID() + "@example.org", "Quick " + i, hash,
                    Profile.empty(), false, clock.instant());
            ids.add(m.publicId());
        }
        return ids;
    }

    @Test
    void eachRefusalOfANoteHasItsOwnReason() throws Exception {
        Account ana = newAccount("Ana Note");
        Account ben = newAccount("Ben Note");
        request(ana, ben.id(), "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Add a personal note")));
        request(ana, ben.id(), "Nice to meet you!").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at least 20")));
        request(ana, ben.id(), "x".repeat(301)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("300 characters")));
        for (String stock : new String[] {"Hi Ben Note, I'd like to add you to my professional network on LinkedIn.",
                "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen",
                "Bonjour, j'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn",
                "Hola Ben! Me gustaría añadirte a mi red profesional en LinkedIn."}) {
            request(ana, ben.id(), stock).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("default invitation text")));
        }
        request(ana, ben.id(), NOTE).andExpect(status().isCreated()).andExpect(jsonPath("$.warnings").doesNotExist());
    }

    @Test
    void aPitchyNoteIsSentWithTheWarningsSoTheAuthorSeesThem() throws Exception {
        Account victor = newAccount("Victor Pitch");
        Account ben = newAccount("Ben Target");
        mvc.perform(apiPost("/api/v1/connection-requests/preview", victor.token(),
                        json("toMemberId", ben.id(), "note", "Book a call today to unlock my premium program, limited spots!")))
                .andExpect(jsonPath("$.warnings").value(hasItem(containsString("Book a call"))));
        request(victor, ben.id(), "Book a call today to unlock my premium program, limited spots!")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings").isArray());
    }

    @Test
    void acceptingConnectsBothMembersAndOnlyTheRecipientMayAnswer() throws Exception {
        Account ana = newAccount("Ana Accept");
        Account ben = newAccount("Ben Accept");
        Account eve = newAccount("Eve Accept");
        String id = requestId(ana, ben);
        mvc.perform(apiGet("/api/v1/connection-requests", ben.token())).andExpect(jsonPath("$.items[0].note").value(NOTE));
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/accept", ana.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/accept", eve.token(), "")).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/withdraw", ben.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/accept", ben.token(), ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/decline", ben.token(), "")).andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/connections", ana.token()))
                .andExpect(jsonPath("$.items[0].memberId").value(ben.id()))
                .andExpect(jsonPath("$.items[0].displayName").value("Ben Accept"))
                .andExpect(jsonPath("$.items[0].since").isString());
        request(ana, ben.id(), NOTE).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/connections/" + ben.id()).header("Authorization", ana.bearer())).andExpect(status().isNoContent());
        mvc.perform(apiGet("/api/v1/connections", ben.token())).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(delete("/api/v1/connections/" + ben.id()).header("Authorization", ana.bearer())).andExpect(status().isNotFound());
    }

    @Test
    void afterADeclineNoNewRequestToThatPersonFor21Days() throws Exception {
        Account ana = newAccount("Ana Declined");
        Account ben = newAccount("Ben Declines");
        String id = requestId(ana, ben);
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/decline", ben.token(), "")).andExpect(status().isOk());
        request(ana, ben.id(), NOTE).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("21 days")));
        clock.advance(Duration.ofDays(20));
        request(ana, ben.id(), NOTE).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        request(ana, ben.id(), NOTE).andExpect(status().isCreated());
    }

    @Test
    void aNewAccountSendsTenRequestsOnItsFirstDay() throws Exception {
        Account fresh = newAccount("Fresh Sender");
        List<String> targets = quickMembers(11);
        for (int i = 0; i < 10; i++) {
            request(fresh, targets.get(i), NOTE).andExpect(status().isCreated());
        }
        request(fresh, targets.get(10), NOTE).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("first day")));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        request(fresh, targets.get(10), NOTE).andExpect(status().isCreated());
    }

    @Test
    void aHundredRequestsPerWeekAndAtMostFiveHundredPending() throws Exception {
        Account busy = newAccount("Busy Sender");
        clock.advance(Duration.ofDays(2));
        List<String> targets = quickMembers(501);
        int sent = 0;
        for (int week = 0; week < 5; week++) {
            for (int i = 0; i < 100; i++) {
                request(busy, targets.get(sent++), NOTE).andExpect(status().isCreated());
            }
            if (week == 0) {
                String retry = request(busy, targets.get(sent), NOTE).andExpect(status().isTooManyRequests())
                        .andExpect(jsonPath("$.detail").value(containsString("last 7 days")))
                        .andReturn().getResponse().getHeader("Retry-After");
                assertThat(Long.parseLong(retry)).isBetween(6 * 86400L, 7 * 86400L + 1);
            }
            clock.advance(Duration.ofDays(7).plusMinutes(1));
        }
        request(busy, targets.get(500), NOTE).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("500 requests waiting")));
    }

    @Test
    void aBlockedMemberCannotSendRequestsAndTheConnectionEnds() throws Exception {
        Account ana = newAccount("Ana Blocker");
        Account troll = newAccount("Troll");
        String id = requestId(troll, ana);
        mvc.perform(apiPost("/api/v1/connection-requests/" + id + "/accept", ana.token(), "")).andExpect(status().isOk());
        mvc.perform(apiPost("/api/v1/blocks", ana.token(), json("memberId", troll.id()))).andExpect(status().isCreated());
        mvc.perform(apiGet("/api/v1/connections", ana.token())).andExpect(jsonPath("$.items.length()").value(0));
        request(troll, ana.id(), NOTE).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/blocks", ana.token())).andExpect(jsonPath("$.items[0].memberId").value(troll.id()));
        mvc.perform(apiGet("/api/v1/blocks", troll.token())).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(delete("/api/v1/blocks/" + troll.id()).header("Authorization", ana.bearer())).andExpect(status().isNoContent());
        request(troll, ana.id(), NOTE).andExpect(status().isCreated());
    }

    @Test
    void thePreviewSuggestsWhatTheTwoShareAsFarAsTheRecipientAllows() throws Exception {
        Account ana = newAccount("Ana Shares");
        Account ben = newAccount("Ben Shares");
        mvc.perform(apiPut("/api/v1/me/profile", ana.token(), "{\"skills\": [\"Rust\", \"Figma\"], \"industry\": \"Software\"}"));
        mvc.perform(apiPut("/api/v1/me/profile", ben.token(),
                "{\"skills\": [\"rust\", \"Go\"], \"industry\": \"Software\", \"visibility\": {\"industry\": \"PRIVATE\"}}"));
        mvc.perform(apiPost("/api/v1/connection-requests/preview", ana.token(), json("toMemberId", ben.id(), "note", "")))
                .andExpect(jsonPath("$.problem").value("EMPTY"))
                .andExpect(jsonPath("$.suggestions.sharedSkills[0]").value("rust"))
                .andExpect(jsonPath("$.suggestions.sharedIndustry").doesNotExist());
    }

    @Test
    void thePagesPreviewSendAndAnswerARequest() throws Exception {
        Account ana = newAccount("Ana Pages");
        Account ben = newAccount("Ben Pages");
        var anaSession = pageSession(ana);
        mvc.perform(post("/members/" + ben.id() + "/connect").session(anaSession).with(csrf())
                        .param("note", "Book a call today to unlock my premium program!").param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This reads like a sales pitch")))
                .andExpect(content().string(containsString("Book a call today")));
        mvc.perform(post("/members/" + ben.id() + "/connect").session(anaSession).with(csrf())
                        .param("note", "Let's connect!").param("action", "send"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("default invitation text")));
        mvc.perform(post("/members/" + ben.id() + "/connect").session(anaSession).with(csrf()).param("note", NOTE))
                .andExpect(redirectedUrl("/network?done=sent"));
        String id = JsonPath.read(mvc.perform(apiGet("/api/v1/connection-requests", ben.token()))
                .andReturn().getResponse().getContentAsString(), "$.items[0].id");
        var benSession = pageSession(ben);
        mvc.perform(get("/network").session(benSession)).andExpect(content().string(containsString(NOTE)));
        mvc.perform(post("/network/requests/" + id + "/accept").session(benSession).with(csrf()))
                .andExpect(redirectedUrl("/network?done=accepted"));
        mvc.perform(get("/network").session(anaSession)).andExpect(content().string(containsString("Ben Pages")));
        mvc.perform(post("/network/requests/" + id + "/withdraw").session(anaSession).with(csrf()))
                .andExpect(status().isConflict());
    }


    @Test
    void requestsToUnknownMembersOrToOneselfAreRefused() throws Exception {
        Account ana = newAccount("Ana Alone");
        request(ana, ana.id(), NOTE).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("toMemberId"));
        request(ana, "nobody", NOTE).andExpect(status().isUnprocessableContent());
    }
}
