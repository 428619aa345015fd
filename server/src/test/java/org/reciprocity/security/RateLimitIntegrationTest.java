package org.reciprocity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API's rate limits and the daily limits on unsolicited acts, in a context of their own with small
 * limits (the shared context raises them out of the other tests' way).
 */
class RateLimitIntegrationTest extends IntegrationTest {

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("reciprocity.limits.api.reads-per-minute", () -> "5");
        registry.add("reciprocity.limits.api.writes-per-minute", () -> "3");
        registry.add("reciprocity.limits.api.address-reads-per-minute", () -> "8");
        registry.add("reciprocity.limits.api.address-writes-per-minute", () -> "1000");
        registry.add("reciprocity.limits.unsolicited-favors-per-day", () -> "3");
        registry.add("reciprocity.limits.unsolicited-pending-per-member", () -> "2");
        registry.add("reciprocity.limits.postings-per-day", () -> "2");
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void eachTokenHasItsOwnReadBudgetWithHeadersAndRetryAfter() throws Exception {
        Account ana = newAccount("Ana Rates");
        Account ben = newAccount("Ben Rates");
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse ok = call(apiGet("/api/v1/me", ana.token()).with(fromNewAddress()));
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getHeader("RateLimit-Policy")).contains("\"token-reads\";q=5;w=60");
            assertThat(ok.getHeader("RateLimit")).matches("\"token-reads\";r=" + (4 - i) + ";t=\\d+");
        }
        mvc.perform(apiGet("/api/v1/me", ana.token()).with(fromNewAddress()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(429));
        // another token is not held up
        mvc.perform(apiGet("/api/v1/me", ben.token()).with(fromNewAddress())).andExpect(status().isOk());
        // writes are counted apart from reads
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "Written anyway")).with(fromNewAddress()))
                .andExpect(status().isCreated());
        // a minute later the bucket has refilled
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(apiGet("/api/v1/me", ana.token()).with(fromNewAddress())).andExpect(status().isOk());
    }

    /** On PostgreSQL concurrent requests of one bucket are batched into one transaction: still exactly counted. */
    @Test
    void twentyConcurrentReadsWithOneTokenSpendItsBudgetExactly() throws Exception {
        Account ana = newAccount("Ana Burst");
        java.util.List<Integer> statuses = concurrently(20, i -> apiGet("/api/v1/me", ana.token()).with(fromNewAddress()));
        assertThat(java.util.Collections.frequency(statuses, 200)).isEqualTo(5);
        assertThat(java.util.Collections.frequency(statuses, 429)).isEqualTo(15);
    }

    @Test
    void writesHaveTheirOwnSmallerBudget() throws Exception {
        Account ana = newAccount("Ana Writes");
        for (int i = 0; i < 3; i++) {
            mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "Contact " + i)).with(fromNewAddress()))
                    .andExpect(status().isCreated());
        }
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "One too many")).with(fromNewAddress()))
                .andExpect(status().isTooManyRequests());
        mvc.perform(apiGet("/api/v1/contacts", ana.token()).with(fromNewAddress())).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void oneAddressHasABudgetAcrossTokensAndAnonymousCalls() throws Exception {
        Account ana = newAccount("Ana Address");
        Account ben = newAccount("Ben Address");
        String address = "10.250.0.1";
        int ok = 0;
        for (int i = 0; i < 4; i++) {
            ok += call(apiGet("/api/v1/me", ana.token()).with(from(address))).getStatus() == 200 ? 1 : 0;
            ok += call(apiGet("/api/v1/me", ben.token()).with(from(address))).getStatus() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(8);
        MockHttpServletResponse refused = call(apiGet("/api/v1/me", ana.token()).with(from(address)));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("RateLimit")).startsWith("\"address-reads\";r=0");
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void favorsWithStrangersAreLimitedPerDayAndPerRecipient() throws Exception {
        Account ana = newAccount("Ana Stranger");
        Account[] strangers = {newAccount("S One"), newAccount("S Two"), newAccount("S Three")};
        String favor = "{\"direction\":\"GAVE\",\"counterpartMemberId\":\"%s\",\"kind\":\"ADVICE\","
                + "\"description\":\"Unasked help\",\"weight\":1,\"occurredOn\":\"" + today() + "\"}";
        // two waiting for one stranger's answer is the most
        for (int i = 0; i < 2; i++) {
            mvc.perform(apiPost("/api/v1/exchanges", ana.token(), favor.formatted(strangers[0].id())).with(fromNewAddress()))
                    .andExpect(status().isCreated());
        }
        clock.advance(Duration.ofMinutes(1)); // out of the write rate's way
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), favor.formatted(strangers[0].id())).with(fromNewAddress()))
                .andExpect(status().isTooManyRequests());
        // three a day with strangers in all
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), favor.formatted(strangers[1].id())).with(fromNewAddress()))
                .andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), favor.formatted(strangers[2].id())).with(fromNewAddress()))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), favor.formatted(strangers[2].id())).with(fromNewAddress()))
                .andExpect(status().isCreated());
    }

    @Test
    void postingsAreLimitedPerDay() throws Exception {
        Account ana = newAccount("Ana Poster");
        for (int i = 0; i < 2; i++) {
            mvc.perform(apiPost("/api/v1/asks", ana.token(), json("title", "Ask number " + i, "details", ""))
                    .with(fromNewAddress())).andExpect(status().isCreated());
        }
        mvc.perform(apiPost("/api/v1/offers", ana.token(), json("title", "An offer too many", "details", ""))
                .with(fromNewAddress())).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
    }
}
