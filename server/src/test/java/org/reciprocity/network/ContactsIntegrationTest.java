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

    @Test
    void aContactKeepsEveryEmailAndPhoneWithItsKindAndOnePrimary() throws Exception {
        Account owner = newAccount("Owner");
        String id = JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(), """
                        {"name": "Rui Costa", "tier": "CLOSE",
                         "emails": [{"value": "rui@home.example", "type": "home"}, {"value": "Rui@Work.Example", "type": "WORK", "primary": true}],
                         "phones": [{"value": "+351 21 000 0000", "type": "FAX"}, {"value": "+351 912 345 678", "type": "MOBILE"},
                                    {"value": "(21) 555-0199 ext 12", "type": "WORK"}]}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("rui@work.example"))
                .andExpect(jsonPath("$.emails[0].value").value("rui@home.example"))
                .andExpect(jsonPath("$.emails[0].type").value("HOME"))
                .andExpect(jsonPath("$.emails[0].primary").value(false))
                .andExpect(jsonPath("$.emails[1].primary").value(true))
                // no phone marked primary: the first that is not a fax
                .andExpect(jsonPath("$.phones[0].type").value("FAX"))
                .andExpect(jsonPath("$.phones[0].primary").value(false))
                .andExpect(jsonPath("$.phones[1].primary").value(true))
                .andExpect(jsonPath("$.phone").value("+351 912 345 678"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        // "email" alone still works, and becomes the one primary entry
        mvc.perform(apiPut("/api/v1/contacts/" + id, owner.token(), json("name", "Rui Costa", "email", "rui@new.example")))
                .andExpect(jsonPath("$.emails.length()").value(1))
                .andExpect(jsonPath("$.emails[0].value").value("rui@new.example"))
                .andExpect(jsonPath("$.emails[0].type").value("OTHER"))
                .andExpect(jsonPath("$.emails[0].primary").value(true))
                .andExpect(jsonPath("$.phones.length()").value(0));
        mvc.perform(apiGet("/api/v1/contacts/" + id, owner.token())).andExpect(jsonPath("$.email").value("rui@new.example"));

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{\"value\": \"p").append(i).append("@example.org\"}");
        }
        mvc.perform(apiPut("/api/v1/contacts/" + id, owner.token(), """
                        {"name": "Rui", "emails": [{"value": "not-an-address"}, {"value": "a@b.org", "type": "FAX"},
                                                   {"value": "c@d.org", "primary": true}, {"value": "e@f.org", "primary": true}],
                         "phones": [{"value": "12"}, {"value": "call me maybe"}, {"value": "+1 (555) 010-0000", "type": "PAGER"}]}
                        """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "emails", "emails", "emails", "phones", "phones", "phones")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("'not-an-address'")))
                .andExpect(jsonPath("$.errors[3].message").value(containsString("3 to 40 digits")));
        mvc.perform(apiPut("/api/v1/contacts/" + id, owner.token(), "{\"name\": \"Rui\", \"emails\": [" + many + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most 20")));
        mvc.perform(apiPut("/api/v1/contacts/" + id, owner.token(), """
                        {"name": "Rui", "email": "x@y.org", "emails": [{"value": "z@y.org", "primary": true}]}
                        """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void theContactPageShowsEveryEmailAndPhoneAndTheFormEditsThem() throws Exception {
        Account owner = newAccount("Owner");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                .param("email", owner.email()).param("password", PASSWORD)).andReturn().getRequest().getSession();
        String location = mvc.perform(post("/contacts").session(session).with(csrf()).param("name", "Mei Lin")
                        .param("tier", "CLOSE").param("emails", "work: mei@work.example\nhome: mei@home.example (preferred)\n")
                        .param("phones", "fax: +86 10 5555 0000\nmobile: +86 139 0000 0000"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(apiGet("/api/v1/contacts/" + id, owner.token()))
                .andExpect(jsonPath("$.email").value("mei@home.example"))
                .andExpect(jsonPath("$.phones[0].type").value("FAX"))
                .andExpect(jsonPath("$.phones[1].primary").value(true));
        mvc.perform(get("/contacts/" + id + "/edit").session(session))
                .andExpect(content().string(containsString("href=\"mailto:mei@work.example\"")))
                .andExpect(content().string(containsString("href=\"tel:+8613900000000\"")))
                .andExpect(content().string(containsString("preferred</strong>")))
                .andExpect(content().string(containsString("home: mei@home.example (preferred)")))
                .andExpect(content().string(containsString("fax: +86 10 5555 0000")));
        mvc.perform(post("/contacts/" + id).session(session).with(csrf()).param("name", "Mei Lin").param("tier", "CLOSE")
                        .param("emails", "work: mei@work.example\npager: nope").param("phones", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"emails-error\"")));
        mvc.perform(post("/contacts/" + id).session(session).with(csrf()).param("name", "Mei Lin").param("tier", "CLOSE")
                        .param("emails", "work: mei@work.example").param("phones", "work: +86 10 1234 5678"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(apiGet("/api/v1/contacts/" + id, owner.token()))
                .andExpect(jsonPath("$.emails.length()").value(1))
                .andExpect(jsonPath("$.email").value("mei@work.example"))
                .andExpect(jsonPath("$.phone").value("+86 10 1234 5678"));
    }
}
