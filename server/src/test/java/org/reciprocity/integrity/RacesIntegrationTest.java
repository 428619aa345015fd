package org.reciprocity.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Twenty requests at once on each write path that once raced: never a 500, exactly one winner where
 * there can be only one, and no limit overshot. Uniqueness is the database's (constraints, upserts),
 * limits are counted under a lock on the member.
 */
class RacesIntegrationTest extends IntegrationTest {

    static final int THREADS = 20;
    static final String NOTE = "We met at the PostgreSQL meetup and talked about query plans.";

    @Autowired
    ConnectionRows connections;

    @Autowired
    MemberRows members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.reciprocity.security.ApiTokens tokens;

    long internal(Account a) {
        return members.byPublicId(a.id()).orElseThrow().id();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void twentyConcurrentConnectionRequestsToOneMemberCreateOne() throws Exception {
        Account ana = newAccount("Ana Race");
        Account ben = newAccount("Ben Race");
        List<Integer> statuses = concurrently(THREADS, i -> apiPost("/api/v1/connection-requests", ana.token(),
                json("toMemberId", ben.id(), "note", NOTE)));
        assertThat(statuses).doesNotContain(500).isSubsetOf(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from connection_request where from_id = :a and to_id = :b and status = 'PENDING'")
                .param("a", internal(ana)).param("b", internal(ben)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoMembersAskingEachOtherAtOnceLeaveOneRequest() throws Exception {
        for (int round = 0; round < 5; round++) {
            Account ana = newAccount("Ana Mutual");
            Account ben = newAccount("Ben Mutual");
            List<Integer> statuses = concurrently(THREADS, i -> i % 2 == 0
                    ? apiPost("/api/v1/connection-requests", ana.token(), json("toMemberId", ben.id(), "note", NOTE))
                    : apiPost("/api/v1/connection-requests", ben.token(), json("toMemberId", ana.id(), "note", NOTE)));
            assertThat(statuses).doesNotContain(500).isSubsetOf(201, 409);
            assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        }
    }

    @Test
    void concurrentCadenceChangesNeverCollide() throws Exception {
        Account ana = newAccount("Ana Cadence");
        List<Integer> statuses = concurrently(THREADS, i -> MockMvcRequestBuilders.put("/api/v1/cadences/CLOSE")
                .header("Authorization", ana.bearer()).contentType("application/json")
                .content(json("idealDays", 10 + i, "maxDays", 100 + i)));
        assertThat(statuses).isSubsetOf(200);
        assertThat(jdbc.sql("select count(*) from cadence where owner_id = :a and tier = 'CLOSE'")
                .param("a", internal(ana)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentSnoozesOfOneItemNeverCollide() throws Exception {
        Account ana = newAccount("Ana Snooze");
        Account ben = newAccount("Ben Snooze");
        // a confirmed favor received and not thanked: a THANK item on Ana's agenda
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE",
                "counterpartMemberId", ana.id(), "kind", "ADVICE", "description", "Reviewed her plan", "weight", 2,
                "occurredOn", today().minusDays(10).toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", ana.token(), "")).andExpect(status().isOk());
        String agenda = mvc.perform(apiGet("/api/v1/agenda", ana.token())).andReturn().getResponse().getContentAsString();
        String reminder = JsonPath.<List<String>>read(agenda, "$.items[?(@.type == 'THANK')].reminderId").get(0);
        List<Integer> statuses = concurrently(THREADS, i -> apiPost("/api/v1/agenda/" + reminder + "/snooze", ana.token(),
                json("days", 1 + i % 7)));
        assertThat(statuses).isSubsetOf(200);
        assertThat(jdbc.sql("select count(*) from reminder where owner_id = :a").param("a", internal(ana))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentTokenCreationStopsAtTheLimit() throws Exception {
        Account ana = newAccount("Ana Tokens");
        long id = internal(ana);
        // she holds one already (newAccount made it); fifty is the most. Issued directly: the race is in the
        // count, and sixty password checks at once would only meet the sign-in throttle first
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> issued = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            issued.add(pool.submit(() -> {
                start.await();
                try {
                    tokens.issue(id, "script " + n, clock.instant());
                    return true;
                } catch (org.reciprocity.web.InvalidInput full) {
                    return false;
                }
            }));
        }
        start.countDown();
        int created = 0;
        for (var f : issued) {
            created += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(49);
        assertThat(jdbc.sql("select count(*) from api_token where member_id = :a and revoked_at is null")
                .param("a", id).query(Long.class).single()).isEqualTo(50);
    }

    @Test
    void concurrentThanksForOneFavorKeepOne() throws Exception {
        Account ana = newAccount("Ana Thanks");
        Account ben = newAccount("Ben Thanks");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE",
                "counterpartMemberId", ana.id(), "kind", "ADVICE", "description", "An introduction", "weight", 2,
                "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", ana.token(), "")).andExpect(status().isOk());
        List<Integer> statuses = concurrently(THREADS, i -> apiPost("/api/v1/exchanges/" + favor + "/thanks", ana.token(),
                json("note", "Thank you, number " + i)));
        assertThat(statuses).isSubsetOf(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        long exchange = jdbc.sql("select id from exchange where public_id = :p").param("p", favor).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from exchange_event where exchange_id = :e and event = 'THANKED'")
                .param("e", exchange).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyConfirmationHasItsEventRow() throws Exception {
        Account ana = newAccount("Ana Events");
        Account ben = newAccount("Ben Events");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE",
                "counterpartMemberId", ana.id(), "kind", "ADVICE", "description", "Feedback on a talk", "weight", 2,
                "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        List<Integer> statuses = concurrently(THREADS, i -> i % 2 == 0
                ? apiPost("/api/v1/exchanges/" + favor + "/confirm", ana.token(), "")
                : apiPost("/api/v1/exchanges/" + favor + "/dispute", ana.token(), json("reason", "not like that")));
        assertThat(statuses).isSubsetOf(200, 409);
        assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
        long exchange = jdbc.sql("select id from exchange where public_id = :p").param("p", favor).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from exchange_event where exchange_id = :e and event in ('CONFIRMED', 'DISPUTED')")
                .param("e", exchange).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentPledgesOfOneHelperKeepOne() throws Exception {
        Account asker = newAccount("Asker Race");
        Account helper = newAccount("Helper Race");
        String ask = JsonPath.read(mvc.perform(apiPost("/api/v1/asks", asker.token(),
                json("title", "Help me tune a slow query", "details", ""))).andReturn().getResponse().getContentAsString(), "$.id");
        List<Integer> statuses = concurrently(THREADS, i -> apiPost("/api/v1/asks/" + ask + "/pledges", helper.token(),
                json("note", "I can help", "dueOn", today().plusDays(3).toString())));
        assertThat(statuses).isSubsetOf(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
    }

    @Test
    void concurrentIntroductionsOfOnePairKeepOne() throws Exception {
        Account amy = newAccount("Amy Introducer");
        Account bo = newAccount("Bo Introduced");
        Account cy = newAccount("Cy Introduced");
        connections.connect(internal(amy), internal(bo), clock.instant());
        connections.connect(internal(amy), internal(cy), clock.instant());
        List<Integer> statuses = concurrently(THREADS, i -> apiPost("/api/v1/introductions", amy.token(),
                json("firstMemberId", i % 2 == 0 ? bo.id() : cy.id(), "secondMemberId", i % 2 == 0 ? cy.id() : bo.id(),
                        "reason", "You both run data teams and should compare notes.")));
        assertThat(statuses).isSubsetOf(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
    }

    @Test
    void concurrentProfileSavesNeverCollide() throws Exception {
        Account ana = newAccount("Ana Profile");
        List<Integer> statuses = concurrently(THREADS, i -> apiPut("/api/v1/me/profile", ana.token(),
                "{\"displayName\": \"Ana " + i + "\", \"skills\": [\"Java\", \"SQL " + i + "\", \"Go\"]}"));
        assertThat(statuses).isSubsetOf(200);
        String me = mvc.perform(apiGet("/api/v1/me", ana.token())).andReturn().getResponse().getContentAsString();
        String name = JsonPath.read(me, "$.displayName");
        List<String> skills = JsonPath.read(me, "$.skills");
        // one save won whole: its name and its skills, not a mix of two saves
        assertThat(skills).hasSize(3).contains("SQL " + name.substring(4));
    }
}
