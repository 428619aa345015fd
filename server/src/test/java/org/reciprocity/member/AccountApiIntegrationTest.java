package org.reciprocity.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.http.MediaType;

class AccountApiIntegrationTest extends IntegrationTest {

    @Test
    void theFirstAccountOfTheCommunityIsItsAdminAndLaterOnesAreMembers() throws Exception {
        mvc.perform(apiGet("/api/v1/me", admin().token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
        Account member = newAccount("Later Member");
        mvc.perform(apiGet("/api/v1/me", member.token()))
                .andExpect(jsonPath("$.role").value("MEMBER"))
                .andExpect(jsonPath("$.email").value(member.email()))
                .andExpect(jsonPath("$.displayName").value("Later Member"));
    }

    @Test
    void signUpAnswersWithIdEmailAndNameButNeverThePassword() throws Exception {
        String email = uniqueEmail("grace");
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", email.toUpperCase(), "password", PASSWORD, "displayName", "Grace Hopper")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.displayName").value("Grace Hopper"))
                .andExpect(content().string(not(containsString("password"))));
    }

    @Test
    void aWeakPasswordIsRefusedWith422AndTheFieldThatFailed() throws Exception {
        for (String weak : new String[] {"short", "password1", "iloveyou"}) {
            mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                            .content(json("email", uniqueEmail("weak"), "password", weak, "displayName", "Weak")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.type").value("/problems/invalid-input"))
                    .andExpect(jsonPath("$.status").value(422))
                    .andExpect(jsonPath("$.errors[0].field").value("password"))
                    .andExpect(jsonPath("$.errors[0].message").isString());
        }
    }

    @Test
    void aLongPassphraseOf64CharactersIsAccepted() throws Exception {
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", uniqueEmail("long"), "password", "x".repeat(30) + " and a long passphrase ok",
                                "displayName", "Long")))
                .andExpect(status().isCreated());
    }

    @Test
    void everyBrokenFieldIsListed() throws Exception {
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", "not-an-email", "password", "pw", "displayName", "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("displayName")));
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() throws Exception {
        Account existing = newAccount("Existing");
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", " " + existing.email().toUpperCase() + " ", "password", PASSWORD,
                                "displayName", "Copy")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("already exists")));
    }

    @Test
    void malformedJsonIs400WithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("Malformed request body"));
    }

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
        Account member = newAccount("Token Owner");
        String listed = mvc.perform(apiGet("/api/v1/tokens", member.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("test"))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(member.token());
        assertThat(member.token()).startsWith("rcp_").hasSizeGreaterThanOrEqualTo(4 + 43);
        String tokenId = JsonPath.read(listed, "$.items[0].id");

        mvc.perform(delete("/api/v1/tokens/" + tokenId).header("Authorization", member.bearer()))
                .andExpect(status().isNoContent());
        mvc.perform(apiGet("/api/v1/me", member.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    }

    @Test
    void aMemberCannotRevokeAnotherMembersToken() throws Exception {
        Account owner = newAccount("Owner");
        Account other = newAccount("Other");
        String tokenId = JsonPath.read(mvc.perform(apiGet("/api/v1/tokens", owner.token())).andReturn()
                .getResponse().getContentAsString(), "$.items[0].id");
        mvc.perform(delete("/api/v1/tokens/" + tokenId).header("Authorization", other.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/me", owner.token())).andExpect(status().isOk());
    }

    @Test
    void tokensAreAcceptedOnlyInTheAuthorizationHeader() throws Exception {
        Account member = newAccount("Header Only");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/me").param("access_token", member.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(apiGet("/api/v1/me", member.token() + "x")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() throws Exception {
        Account member = newAccount("Same Answer");
        String wrongPassword = mvc.perform(post("/api/v1/tokens").with(fromNewAddress())
                        .header("Authorization", basic(member.email(), "wrong password here")))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknownEmail = mvc.perform(post("/api/v1/tokens").with(fromNewAddress())
                        .header("Authorization", basic(uniqueEmail("nobody"), "wrong password here")))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndThenTheNewOneWorks() throws Exception {
        Account member = newAccount("Changer");
        mvc.perform(apiPut("/api/v1/me/password", member.token(),
                        json("currentPassword", "not my password", "newPassword", "a brand new passphrase")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(apiPut("/api/v1/me/password", member.token(),
                        json("currentPassword", PASSWORD, "newPassword", "a brand new passphrase")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress())
                        .header("Authorization", basic(member.email(), "a brand new passphrase")))
                .andExpect(status().isCreated());
    }

    @Test
    void aRepeatedCreateWithTheSameIdempotencyKeyReturnsTheFirstResponse() throws Exception {
        String body = json("email", uniqueEmail("idem"), "password", PASSWORD, "displayName", "Idem Potent");
        String first = mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(content().json(first));
        mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", uniqueEmail("other"), "password", PASSWORD, "displayName", "Other")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void idempotencyKeysOfOneMemberDoNotReplayForAnother() throws Exception {
        Account first = newAccount("First Key");
        Account second = newAccount("Second Key");
        String a = mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Idempotency-Key", "shared")
                        .header("Authorization", basic(first.email(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json("name", "cli")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String b = mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Idempotency-Key", "shared")
                        .header("Authorization", basic(second.email(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json("name", "cli")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(a, "$.token")).isNotEqualTo(JsonPath.<String>read(b, "$.token"));
    }

    @Test
    void memberListsArePagedWithAnOpaqueCursor() throws Exception {
        Account member = newAccount("Pager");
        newAccount("Paged One");
        String firstPage = mvc.perform(apiGet("/api/v1/members?limit=1", member.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").isString())
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(firstPage, "$.nextCursor");
        mvc.perform(apiGet("/api/v1/members?limit=1&cursor=" + cursor, member.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(not(JsonPath.<String>read(firstPage, "$.items[0].id"))));
        mvc.perform(apiGet("/api/v1/members?limit=0", member.token()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(apiGet("/api/v1/members?limit=201", member.token())).andExpect(status().isUnprocessableContent());
        mvc.perform(apiGet("/api/v1/members?cursor=garbage!", member.token()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(apiGet("/api/v1/members?limit=abc", member.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("/problems/bad-request"));
    }

    @Test
    void unknownApiPathsAndMethodsAreProblemDetails() throws Exception {
        Account member = newAccount("Lost");
        var notFound = http("GET", "/api/v1/no-such-thing", null, "Authorization", member.bearer());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<Integer>read(notFound.body(), "$.status")).isEqualTo(404);
        var wrongMethod = http("POST", "/api/v1/me", "{}", "Authorization", member.bearer(), "Content-Type", "application/json");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var unsupported = http("PUT", "/api/v1/me/profile", "<xml/>", "Authorization", member.bearer(), "Content-Type", "application/xml");
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(unsupported.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(containsString("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/accounts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/profile'].put").exists());
    }
}
