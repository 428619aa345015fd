package org.reciprocity.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets at rest: a copy of the database holds no working calendar address, unsubscribe link, token
 * or idempotent answer that carries a secret; a password change can revoke every token at once.
 */
class SecretsAtRestIntegrationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** Every value of every row of the table, as text: where a leaked secret would show. */
    String dump(String table) {
        List<Map<String, Object>> rows = jdbc.sql("select * from " + table).query().listOfRows();
        return rows.toString();
    }

    @Test
    void theCalendarAddressWorksButTheDatabaseHoldsOnlyItsHash() throws Exception {
        Account ana = newAccount("Ana Feed");
        String url = JsonPath.read(mvc.perform(apiGet("/api/v1/calendar-feed", ana.token())).andReturn().getResponse()
                .getContentAsString(), "$.url");
        String secret = url.replaceAll(".*/calendar/([0-9a-f]{64})\\.ics$", "$1");
        assertThat(secret).hasSize(64);
        // the same address every time it is asked for
        mvc.perform(apiGet("/api/v1/calendar-feed", ana.token())).andExpect(jsonPath("$.url").value(url));
        assertThat(http("GET", "/calendar/" + secret + ".ics", null).statusCode()).isEqualTo(200);
        assertThat(dump("follow_up_setting")).doesNotContain(secret);
    }

    @Test
    void theUnsubscribeTokenIsNotStored() throws Exception {
        Account ana = newAccount("Ana Digest Secret");
        mvc.perform(apiPut("/api/v1/me/digest", ana.token(), json("frequency", "DAILY"))).andExpect(status().isOk());
        assertThat(dump("follow_up_setting")).doesNotContainPattern("digest_token=[0-9a-f]{64}");
        assertThat(jdbc.sql("select count(*) from follow_up_setting where digest_token_hash is not null")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anIdempotentAnswerThatHoldsASecretIsNeverStored() throws Exception {
        Account ana = newAccount("Ana Idem Secret");
        String first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/tokens")
                        .with(fromNewAddress()).header("Authorization", basic(ana.email(), PASSWORD))
                        .header("Idempotency-Key", "token-once").contentType("application/json").content("{\"name\":\"ci\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(first, "$.token");
        assertThat(dump("idempotency_record")).doesNotContain(token).doesNotContain(ana.email())
                .doesNotContain(basic(ana.email(), PASSWORD));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/tokens")
                        .with(fromNewAddress()).header("Authorization", basic(ana.email(), PASSWORD))
                        .header("Idempotency-Key", "token-once").contentType("application/json").content("{\"name\":\"ci\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/idempotency-secret-not-stored"));
        // a sign-up body holds a password: only its HMAC is kept
        String signup = json("email", uniqueEmail("idem-secret"), "password", "a long and secret passphrase", "displayName", "Idem");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/accounts")
                        .with(fromNewAddress()).header("Idempotency-Key", "signup-1").contentType("application/json").content(signup))
                .andExpect(status().isCreated());
        assertThat(dump("idempotency_record")).doesNotContain("a long and secret passphrase");
    }

    @Test
    void aPasswordChangeCanRevokeEveryTokenAtOnce() throws Exception {
        Account ana = newAccount("Ana Revoke");
        String second = tokenFor(ana.email());
        mvc.perform(apiPut("/api/v1/me/password", ana.token(), json("currentPassword", PASSWORD,
                "newPassword", "an entirely new passphrase", "revokeTokens", true))).andExpect(status().isNoContent());
        mvc.perform(apiGet("/api/v1/me", ana.token())).andExpect(status().isUnauthorized());
        mvc.perform(apiGet("/api/v1/me", second)).andExpect(status().isUnauthorized());
    }

    @Test
    void revokeAllEndsEveryTokenOfTheCaller() throws Exception {
        Account ana = newAccount("Ana Revoke All");
        Account ben = newAccount("Ben Keeps");
        String second = tokenFor(ana.email());
        mvc.perform(apiPost("/api/v1/tokens/revoke-all", ana.token(), "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(2));
        mvc.perform(apiGet("/api/v1/me", second)).andExpect(status().isUnauthorized());
        mvc.perform(apiGet("/api/v1/me", ben.token())).andExpect(status().isOk());
    }

    @Test
    void thePasswordPageOffersToRevokeTheTokens() throws Exception {
        Account ana = newAccount("Ana Page Revoke");
        var session = pageSession(ana);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/password")
                        .session(session).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "yet another long passphrase"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Revoke all my API tokens").contains("/account/tokens/revoke-all");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/tokens/revoke-all")
                        .session(session).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(apiGet("/api/v1/me", ana.token())).andExpect(status().isUnauthorized());
    }
}
