package org.reciprocity.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency-Key under concurrency: one write, every repeat answered with it, never a 500. */
class IdempotencyIntegrationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyRepeatsAtOnceMakeOneContact() throws Exception {
        Account ana = newAccount("Ana Repeats");
        String name = "Repeated " + java.util.UUID.randomUUID();
        List<Integer> statuses = concurrently(20, i -> apiPost("/api/v1/contacts", ana.token(), json("name", name))
                .header("Idempotency-Key", "same-key"));
        assertThat(statuses).doesNotContain(500).isSubsetOf(201, 409);
        assertThat(jdbc.sql("select count(*) from contact where name = :n").param("n", name).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRefusedCreateIsAnsweredTheSameWayWhenRepeated() throws Exception {
        Account ana = newAccount("Ana Refused");
        String first = mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "")).header("Idempotency-Key", "bad-1"))
                .andReturn().getResponse().getContentAsString();
        var again = mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "")).header("Idempotency-Key", "bad-1"))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString()).isEqualTo(first);
    }

    @Test
    void aKeyOfVisibleAsciiOnly() throws Exception {
        Account ana = newAccount("Ana Key");
        var response = mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "Bo"))
                .header("Idempotency-Key", "key with spaces")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
    }
}
