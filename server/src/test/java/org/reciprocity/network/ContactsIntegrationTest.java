package org.reciprocity.network;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;

/** Private contacts and private favors are their owner's alone (N3, N5), admins included. */
class ContactsIntegrationTest extends IntegrationTest {

    private static final String SECRET = "SECRET-NOTE-7f3a";

    private String createContact(Account owner) throws Exception {
        return JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(), """
                        {"name": "Dana Outside", "email": "Dana@Example.org", "company": "Acme", "position": "CTO",
                         "tags": ["investor", " Investor ", "climate"], "notes": "%s", "tier": "CLOSE"}
                        """.formatted(SECRET)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("dana@example.org"))
                .andExpect(jsonPath("$.tags.length()").value(2))
                .andExpect(jsonPath("$.tier").value("CLOSE"))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void theOwnerCreatesListsEditsAndDeletesAContact() throws Exception {
        Account owner = newAccount("Owner");
        String id = createContact(owner);
        mvc.perform(apiGet("/api/v1/contacts", owner.token()))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].notes").value(SECRET));
        mvc.perform(apiPut("/api/v1/contacts/" + id, owner.token(), json("name", "Dana Renamed", "tier", "INNER_CIRCLE")))
                .andExpect(jsonPath("$.name").value("Dana Renamed"))
                .andExpect(jsonPath("$.tier").value("INNER_CIRCLE"))
                .andExpect(jsonPath("$.notes").doesNotExist());
        mvc.perform(delete("/api/v1/contacts/" + id).header("Authorization", owner.bearer())).andExpect(status().isNoContent());
        mvc.perform(apiGet("/api/v1/contacts/" + id, owner.token())).andExpect(status().isNotFound());
    }

    @Test
    void anotherMemberCannotReadChangeDeleteOrUseSomeonesContact() throws Exception {
        Account owner = newAccount("Owner");
        Account other = newAccount("Other");
        String id = createContact(owner);
        mvc.perform(apiGet("/api/v1/contacts/" + id, other.token())).andExpect(status().isNotFound());
        mvc.perform(apiPut("/api/v1/contacts/" + id, other.token(), json("name", "Hijacked"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/contacts/" + id).header("Authorization", other.bearer())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/contacts", other.token())).andExpect(content().string(not(containsString(SECRET))));
        mvc.perform(apiPost("/api/v1/exchanges", other.token(), json("direction", "GAVE", "contactId", id, "kind", "ADVICE",
                        "description", "x", "weight", 1, "occurredOn", java.time.LocalDate.now().toString())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("contactId"));
        mvc.perform(apiGet("/api/v1/relationships/contacts/" + id, other.token())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/exchanges?contactId=" + id, other.token())).andExpect(status().isUnprocessableContent());
        mvc.perform(apiGet("/api/v1/contacts/" + id, owner.token())).andExpect(jsonPath("$.name").value("Dana Outside"));
    }

    @Test
    void privateFavorsCountInTheOwnersViewOnlyAndNeverShowToOthersOrAdmins() throws Exception {
        Account owner = newAccount("Owner");
        String id = createContact(owner);
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", owner.token(), json("direction", "RECEIVED",
                        "contactId", id, "kind", "INTRODUCTION", "description", "Intro " + SECRET, "weight", 3,
                        "occurredOn", java.time.LocalDate.now().minusDays(3).toString())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PRIVATE"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiGet("/api/v1/balances", owner.token()))
                .andExpect(jsonPath("$.items[0].counterpart.contactId").value(id))
                .andExpect(jsonPath("$.items[0].counterpart.displayName").value("Dana Outside"));
        Account admin = admin();
        for (String path : new String[] {"/api/v1/exchanges/" + favor, "/api/v1/contacts/" + id,
                "/api/v1/relationships/contacts/" + id}) {
            mvc.perform(apiGet(path, admin.token())).andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(SECRET))));
        }
        MockHttpSession adminSession = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                .param("email", ADMIN_EMAIL).param("password", PASSWORD)).andReturn().getRequest().getSession();
        for (String page : new String[] {"/exchanges/" + favor, "/contacts/" + id, "/ledger/contacts/" + id}) {
            mvc.perform(get(page).session(adminSession)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/ledger").session(adminSession)).andExpect(content().string(not(containsString(SECRET))));
        // deleting the contact removes the private favors too
        mvc.perform(delete("/api/v1/contacts/" + id).header("Authorization", owner.bearer())).andExpect(status().isNoContent());
        mvc.perform(apiGet("/api/v1/exchanges/" + favor, owner.token())).andExpect(status().isNotFound());
    }

    @Test
    void badContactInputIsRefusedFieldByField() throws Exception {
        Account owner = newAccount("Owner");
        mvc.perform(apiPost("/api/v1/contacts", owner.token(),
                        json("name", " ", "email", "not-an-email", "tier", "BESTIE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(apiPost("/api/v1/contacts", owner.token(), json("name", "Linked", "linkedMemberId", "nope")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("linkedMemberId"));
    }

    @Test
    void contactsArePrivateOnThePagesToo() throws Exception {
        Account owner = newAccount("Owner");
        String id = createContact(owner);
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                .param("email", owner.email()).param("password", PASSWORD)).andReturn().getRequest().getSession();
        mvc.perform(get("/contacts").session(session)).andExpect(content().string(containsString("Dana Outside")));
        mvc.perform(get("/contacts/" + id).session(session)).andExpect(content().string(containsString(SECRET)));
        mvc.perform(post("/contacts").session(session).with(csrf()).param("name", "").param("email", "bad"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"name-error\"")));
    }
}
