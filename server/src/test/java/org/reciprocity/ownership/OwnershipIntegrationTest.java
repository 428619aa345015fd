package org.reciprocity.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class OwnershipIntegrationTest extends IntegrationTest {

    private static final String SECRET = "PRIVATE-7c1e-SECRET";

    @Autowired
    JdbcClient jdbc;

    /** The owner's private data, each piece carrying the secret, and a favor with another member. */
    private String fillPrivateData(Account owner, Account other) throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", owner.token(),
                "{\"bio\": \"bio " + SECRET + "\", \"location\": \"loc " + SECRET + "\", \"capacityPerMonth\": 4,"
                        + " \"visibility\": {\"bio\": \"PRIVATE\", \"location\": \"PRIVATE\"}}")).andExpect(status().isOk());
        String contact = JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(),
                        json("name", "Contact " + SECRET, "notes", "notes " + SECRET, "email", "c@example.org")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges", owner.token(), json("direction", "RECEIVED", "contactId", contact,
                "kind", "ADVICE", "description", "private favor " + SECRET, "weight", 2,
                "occurredOn", LocalDate.now().minusDays(2).toString()))).andExpect(status().isCreated());
        String shared = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", owner.token(), json("direction", "GAVE",
                "counterpartMemberId", other.id(), "kind", "FEEDBACK", "description", "Reviewed the deck", "weight", 3,
                "occurredOn", LocalDate.now().minusDays(5).toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + shared + "/confirm", other.token(), "")).andExpect(status().isOk());
        return shared;
    }

    @Test
    void noPageOrApiResponseOfAnotherMemberOrAnAdminShowsSomeonesPrivateData() throws Exception {
        Account owner = newAccount("Secret Keeper");
        Account other = newAccount("Curious Member");
        fillPrivateData(owner, other);
        Account admin = admin();
        String[] apis = {"/api/v1/me", "/api/v1/members?limit=200", "/api/v1/members/" + owner.id(), "/api/v1/contacts",
                "/api/v1/exchanges", "/api/v1/exchanges/inbox", "/api/v1/exchanges/unthanked", "/api/v1/balances",
                "/api/v1/health", "/api/v1/relationships/members/" + owner.id(), "/api/v1/connections",
                "/api/v1/connection-requests", "/api/v1/connection-requests?direction=outgoing", "/api/v1/blocks",
                "/api/v1/tokens", "/api/v1/me/archive", "/api/v1/contacts/export?format=csv",
                "/api/v1/contacts/export?format=vcard", "/api/v1/admin/settings"};
        String[] pages = {"/", "/members", "/members/" + owner.id(), "/ledger", "/contacts", "/network", "/account",
                "/ledger/members/" + owner.id(), "/members/" + owner.id() + "/connect", "/admin", "/contacts/export?format=csv"};
        for (Account viewer : List.of(other, admin)) {
            for (String api : apis) {
                MvcResult r = mvc.perform(apiGet(api, viewer.token())).andReturn();
                assertThat(r.getResponse().getContentAsString()).as(viewer.email() + " GET " + api).doesNotContain(SECRET);
            }
            MockHttpSession session = signIn(viewer);
            for (String page : pages) {
                MvcResult r = mvc.perform(get(page).session(session)).andReturn();
                assertThat(r.getResponse().getContentAsString()).as(viewer.email() + " page " + page).doesNotContain(SECRET);
            }
        }
        // the owner does see it: the sweep above can find the string where it is
        mvc.perform(apiGet("/api/v1/me/archive", owner.token())).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(SECRET)));
    }

    @Test
    void theArchiveHoldsEverythingTheMemberHas() throws Exception {
        Account owner = newAccount("Archivist");
        Account other = newAccount("Other Party");
        fillPrivateData(owner, other);
        mvc.perform(apiGet("/api/v1/me/archive", owner.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("reciprocity-archive/1"))
                .andExpect(jsonPath("$.account.bio").value(containsString(SECRET)))
                .andExpect(jsonPath("$.account.email").value(owner.email()))
                .andExpect(jsonPath("$.contacts[0].notes").value(containsString(SECRET)))
                .andExpect(jsonPath("$.exchanges.length()").value(2))
                .andExpect(jsonPath("$.exchanges[0].history").isArray())
                .andExpect(jsonPath("$.apiTokens[0].name").value("test"));
    }

    @Test
    void deletingAnAccountErasesItsPrivateDataEndsItsAccessAndKeepsCounterpartsLedgers() throws Exception {
        Account leaver = newAccount("Leaver");
        Account other = newAccount("Stayer");
        String shared = fillPrivateData(leaver, other);
        MockHttpSession session = signIn(leaver);
        long leaverId = jdbc.sql("select id from member where public_id = :id").param("id", leaver.id()).query(Long.class).single();
        long privateFavor = jdbc.sql("select id from exchange where recorder_id = :id and contact_id is not null")
                .param("id", leaverId).query(Long.class).single();

        mvc.perform(delete("/api/v1/me").header("Authorization", leaver.bearer()).contentType("application/json")
                .content(json("password", "wrong one"))).andExpect(status().isUnprocessableContent());
        mvc.perform(delete("/api/v1/me").header("Authorization", leaver.bearer()).contentType("application/json")
                .content(json("password", PASSWORD))).andExpect(status().isNoContent());

        mvc.perform(apiGet("/api/v1/me", leaver.token())).andExpect(status().isUnauthorized());
        mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(leaver.email(), PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from contact where owner_id = :id").param("id", leaverId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from profile where member_id = :id").param("id", leaverId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from exchange where id = :id").param("id", privateFavor)
                .query(Long.class).single()).isZero();

        mvc.perform(apiGet("/api/v1/exchanges/" + shared, other.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counterpart.displayName").value("Former member"))
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(apiGet("/api/v1/balances", other.token()))
                .andExpect(jsonPath("$.items[0].counterpart.displayName").value("Former member"))
                .andExpect(jsonPath("$.items[0].receivedCount").value(1));
        mvc.perform(apiGet("/api/v1/members/" + leaver.id(), other.token())).andExpect(status().isNotFound());
    }

    @Test
    void theAccountPageDeletesWithThePasswordAndTheLastAdminMustHandOverFirst() throws Exception {
        Account leaver = newAccount("Page Leaver");
        MockHttpSession session = signIn(leaver);
        mvc.perform(post("/account/delete").session(session).with(csrf()).param("password", "nope"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/account/delete").session(session).with(csrf()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?deleted"));
        mvc.perform(delete("/api/v1/me").header("Authorization", admin().bearer()).contentType("application/json")
                        .content(json("password", PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("only admin")));
    }

    private MockHttpSession signIn(Account account) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                        .param("email", account.email()).param("password", PASSWORD))
                .andReturn().getRequest().getSession();
    }
}
