package org.reciprocity.introductions;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRows;
import org.springframework.beans.factory.annotation.Autowired;

class IntroductionsIntegrationTest extends IntegrationTest {

    static final String REASON = "You both build accessible checkout flows and should compare notes.";

    @Autowired
    ConnectionRows connections;

    @Autowired
    MemberRows members;

    void connect(Account a, Account b) {
        connections.connect(members.byPublicId(a.id()).orElseThrow().id(), members.byPublicId(b.id()).orElseThrow().id(),
                clock.instant());
    }

    String propose(Account by, Account first, Account second) throws Exception {
        String response = mvc.perform(apiPost("/api/v1/introductions", by.token(),
                        json("firstMemberId", first.id(), "secondMemberId", second.id(), "reason", REASON)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROPOSED"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void emailsAreSharedOnlyAfterBothAcceptAndTheIntroducerIsCreditedTwice() throws Exception {
        Account amara = newAccount("Amara Intro");
        Account bo = newAccount("Bo Intro");
        Account cy = newAccount("Cy Intro");
        connect(amara, bo);
        connect(amara, cy);
        String id = propose(amara, bo, cy);

        mvc.perform(apiGet("/api/v1/introductions/" + id, bo.token()))
                .andExpect(jsonPath("$.role").value("INTRODUCED"))
                .andExpect(jsonPath("$.second.displayName").value("Cy Intro"))
                .andExpect(jsonPath("$.otherEmail").doesNotExist());
        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", bo.token(), ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.otherEmail").doesNotExist());
        mvc.perform(apiGet("/api/v1/introductions/" + id, cy.token())).andExpect(jsonPath("$.otherEmail").doesNotExist());
        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", bo.token(), "")).andExpect(status().isConflict());

        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", cy.token(), ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.otherEmail").value(bo.email()));
        mvc.perform(apiGet("/api/v1/introductions/" + id, bo.token())).andExpect(jsonPath("$.otherEmail").value(cy.email()));
        mvc.perform(apiGet("/api/v1/introductions/" + id, amara.token())).andExpect(jsonPath("$.otherEmail").doesNotExist());
        for (Account introduced : new Account[] {bo, cy}) {
            mvc.perform(apiGet("/api/v1/exchanges/inbox", introduced.token()))
                    .andExpect(jsonPath("$.items[0].kind").value("INTRODUCTION"))
                    .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                    .andExpect(jsonPath("$.items[0].counterpart.memberId").value(amara.id()));
        }
        mvc.perform(apiGet("/api/v1/connections", bo.token())).andExpect(jsonPath("$.items[*].memberId", hasItem(cy.id())));
    }

    @Test
    void onlyTheThreeSeeAnIntroductionAndOnlyTheTwoAnswerIt() throws Exception {
        Account amara = newAccount("Amara Auth");
        Account bo = newAccount("Bo Auth");
        Account cy = newAccount("Cy Auth");
        Account eve = newAccount("Eve Auth");
        connect(amara, bo);
        connect(amara, cy);
        String id = propose(amara, bo, cy);

        mvc.perform(apiGet("/api/v1/introductions/" + id, eve.token())).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", eve.token(), "")).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", amara.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/introductions", eve.token())).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(apiGet("/api/v1/introductions", cy.token())).andExpect(jsonPath("$.items[*].id", hasItem(id)));

        mvc.perform(apiPost("/api/v1/introductions/" + id + "/decline", cy.token(), ""))
                .andExpect(jsonPath("$.status").value("DECLINED"));
        mvc.perform(apiPost("/api/v1/introductions/" + id + "/accept", bo.token(), "")).andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/introductions/" + id, bo.token())).andExpect(jsonPath("$.otherEmail").doesNotExist());
    }

    @Test
    void onlyConnectionsCanBeIntroducedAndBlocksStopAnIntroductionWithoutSayingWho() throws Exception {
        Account amara = newAccount("Amara Rules");
        Account bo = newAccount("Bo Rules");
        Account cy = newAccount("Cy Rules");
        Account stranger = newAccount("Stranger Rules");
        connect(amara, bo);
        connect(amara, cy);
        mvc.perform(apiPost("/api/v1/introductions", amara.token(),
                        json("firstMemberId", bo.id(), "secondMemberId", stranger.id(), "reason", REASON)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("secondMemberId"));
        mvc.perform(apiPost("/api/v1/introductions", amara.token(),
                        json("firstMemberId", bo.id(), "secondMemberId", cy.id(), "reason", "hi")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(apiPost("/api/v1/blocks", cy.token(), json("memberId", bo.id()))).andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/introductions", amara.token(),
                        json("firstMemberId", bo.id(), "secondMemberId", cy.id(), "reason", REASON)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("This introduction cannot be made."));
    }
}
