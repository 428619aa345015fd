package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LedgerApiIntegrationTest extends LedgerTestSupport {

    @Test
    void aFavorWithAMemberIsPendingUntilTheCounterpartConfirms() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String id = record(ana, "GAVE", ben, 3, 5);
        mvc.perform(apiGet("/api/v1/exchanges/" + id, ana.token()))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.direction").value("GAVE"))
                .andExpect(jsonPath("$.recordedByYou").value(true));
        // the counterpart sees it in the inbox, from their side
        mvc.perform(apiGet("/api/v1/exchanges/inbox", ben.token()))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].direction").value("RECEIVED"))
                .andExpect(jsonPath("$.items[0].counterpart.displayName").value("Ana"));
        // pending does not count yet
        mvc.perform(apiGet("/api/v1/balances", ana.token())).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/confirm", ben.token(), ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(apiGet("/api/v1/balances", ana.token()))
                .andExpect(jsonPath("$.items[0].counterpart.memberId").value(ben.id()))
                .andExpect(jsonPath("$.items[0].given").value(org.hamcrest.Matchers.closeTo(2.97, 0.02)))
                .andExpect(jsonPath("$.items[0].received").value(0.0))
                .andExpect(jsonPath("$.items[0].lastExchangeOn").value(today().minusDays(5).toString()))
                .andExpect(jsonPath("$.items[0].openLoops[0].exchangeId").value(id))
                .andExpect(jsonPath("$.items[0].openLoops[0].direction").value("GAVE"));
        mvc.perform(apiGet("/api/v1/balances", ben.token()))
                .andExpect(jsonPath("$.items[0].counterpart.memberId").value(ana.id()))
                .andExpect(jsonPath("$.items[0].openLoops[0].direction").value("RECEIVED"));
    }

    @Test
    void onlyTheCounterpartAnswersTheRecorderGets403AndOthers404() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        Account eve = newAccount("Eve");
        String id = record(ana, "RECEIVED", ben, 2, 1);
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/confirm", ana.token(), "")).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/confirm", eve.token(), "")).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/dispute", eve.token(), json("reason", "x"))).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/exchanges/" + id, eve.token())).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/thanks", eve.token(), json("note", "x"))).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/corrections", eve.token(), json("direction", "GAVE")))
                .andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/exchanges?counterpartMemberId=" + ana.id(), eve.token()))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(apiGet("/api/v1/relationships/members/" + ana.id(), eve.token()))
                .andExpect(jsonPath("$.history.length()").value(0));
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/dispute", ben.token(), json("reason", "I never gave this")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPUTED"))
                .andExpect(jsonPath("$.disputeReason").value("I never gave this"));
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/confirm", ben.token(), "")).andExpect(status().isConflict());
    }

    @Test
    void aDisputeNeedsAReason() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String id = record(ana, "GAVE", ben, 2, 1);
        mvc.perform(apiPost("/api/v1/exchanges/" + id + "/dispute", ben.token(), "{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void concurrentConfirmAndDisputeEndInExactlyOneFinalState() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        for (int round = 0; round < 5; round++) {
            String id = record(ana, "GAVE", ben, 2, 1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean confirm = i % 2 == 0;
                calls.add(() -> mvc.perform(apiPost("/api/v1/exchanges/" + id + (confirm ? "/confirm" : "/dispute"),
                        ben.token(), confirm ? "" : json("reason", "not so"))).andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
            String detail = mvc.perform(apiGet("/api/v1/exchanges/" + id, ana.token())).andReturn().getResponse().getContentAsString();
            List<String> events = JsonPath.read(detail, "$.history[*].event");
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isIn("CONFIRMED", "DISPUTED");
        }
    }

    @Test
    void badInputIsRefusedWith422AndEachBrokenRule() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String tomorrow = today().plusDays(2).toString();
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "ADVICE", "description", "d",
                "weight", 0, "occurredOn", today().toString()), "weight");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "ADVICE", "description", "d",
                "weight", 6, "occurredOn", today().toString()), "weight");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "ADVICE", "description", "d",
                "weight", 3, "occurredOn", tomorrow), "occurredOn");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "BRIBE", "description", "d",
                "weight", 3, "occurredOn", today().toString()), "kind");
        assertRefused(ana, json("direction", "GAVE", "kind", "ADVICE", "description", "d", "weight", 3,
                "occurredOn", today().toString()), "counterpartMemberId");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "contactId", "c", "kind", "ADVICE",
                "description", "d", "weight", 3, "occurredOn", today().toString()), "contactId");
        assertRefused(ana, json("direction", "SIDEWAYS", "counterpartMemberId", ben.id(), "kind", "ADVICE",
                "description", "d", "weight", 3, "occurredOn", today().toString()), "direction");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ana.id(), "kind", "ADVICE",
                "description", "d", "weight", 3, "occurredOn", today().toString()), "counterpartMemberId");
        assertRefused(ana, json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "ADVICE",
                "description", " ", "weight", 3, "occurredOn", "12/03/2026"), "occurredOn");
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), "{\"weight\": \"heavy\"}")).andExpect(status().isBadRequest());
        mvc.perform(apiGet("/api/v1/exchanges", ana.token())).andExpect(jsonPath("$.items.length()").value(0));
    }

    private void assertRefused(Account who, String body, String field) throws Exception {
        mvc.perform(apiPost("/api/v1/exchanges", who.token(), body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    @Test
    void theReceiverThanksOnceAndTheGiverSeesTheNote() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String pending = record(ana, "GAVE", ben, 2, 1);
        mvc.perform(apiPost("/api/v1/exchanges/" + pending + "/thanks", ben.token(), json("note", "Thanks!")))
                .andExpect(status().isConflict());
        confirm(ben, pending);
        mvc.perform(apiGet("/api/v1/exchanges/unthanked", ben.token())).andExpect(jsonPath("$.items[0].id").value(pending));
        mvc.perform(apiPost("/api/v1/exchanges/" + pending + "/thanks", ana.token(), json("note", "Self-thanks")))
                .andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/exchanges/" + pending + "/thanks", ben.token(), json("note", "That intro changed my year.")))
                .andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/exchanges/" + pending + "/thanks", ben.token(), json("note", "Again")))
                .andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/exchanges/" + pending, ana.token()))
                .andExpect(jsonPath("$.thanks.note").value("That intro changed my year."));
        mvc.perform(apiGet("/api/v1/exchanges/unthanked", ben.token())).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aCorrectionSupersedesTheEntryAndTheWholeHistoryStaysReadable() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String original = confirmedGift(ana, ben, 2, 10);
        mvc.perform(apiPost("/api/v1/exchanges/" + original + "/corrections", ben.token(), json("direction", "RECEIVED")))
                .andExpect(status().isForbidden());
        String corrected = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges/" + original + "/corrections", ana.token(),
                        json("direction", "GAVE", "kind", "INTRODUCTION", "description", "Introduced Ben to a CTO",
                                "weight", 4, "occurredOn", today().minusDays(9).toString())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.supersedes").value(original))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + original + "/corrections", ana.token(),
                        json("direction", "GAVE", "kind", "ADVICE", "description", "again", "weight", 1,
                                "occurredOn", today().toString())))
                .andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/exchanges/" + original, ben.token()))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.supersededBy").value(corrected))
                .andExpect(jsonPath("$.history[*].event").value(org.hamcrest.Matchers.contains("RECORDED", "CONFIRMED", "SUPERSEDED")));
        // the corrected entry awaits confirmation again, so nothing counts meanwhile
        mvc.perform(apiGet("/api/v1/balances", ana.token())).andExpect(jsonPath("$.items.length()").value(0));
        confirm(ben, corrected);
        mvc.perform(apiGet("/api/v1/relationships/members/" + ben.id(), ana.token()))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.balance.givenCount").value(1))
                .andExpect(jsonPath("$.history[0].kind").value("INTRODUCTION"))
                .andExpect(jsonPath("$.history[1].current").value(false));
    }

    @Test
    void aFavorCanNameTheFavorItReturnsAndThatClosesTheLoop() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String first = confirmedGift(ben, ana, 3, 20);
        mvc.perform(apiGet("/api/v1/balances", ana.token()))
                .andExpect(jsonPath("$.items[0].openLoops[0].direction").value("RECEIVED"))
                .andExpect(jsonPath("$.items[0].openLoops[0].kind").value("ADVICE"));
        String back = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ana.token(), json("direction", "GAVE",
                        "counterpartMemberId", ben.id(), "kind", "REFERRAL", "description", "Referred Ben to a client",
                        "weight", 3, "occurredOn", today().toString(), "returnsExchangeId", first)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.returnsExchangeId").value(first))
                .andReturn().getResponse().getContentAsString(), "$.id");
        confirm(ben, back);
        mvc.perform(apiGet("/api/v1/balances", ana.token())).andExpect(jsonPath("$.items[0].openLoops.length()").value(0));
        // a favor cannot "return" one that went the same way, or one from another relationship
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), json("direction", "GAVE", "counterpartMemberId", ben.id(),
                        "kind", "ADVICE", "description", "d", "weight", 1, "occurredOn", today().toString(),
                        "returnsExchangeId", back)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("returnsExchangeId"));
    }

    @Test
    void theCreateHonoursAnIdempotencyKey() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        String body = json("direction", "GAVE", "counterpartMemberId", ben.id(), "kind", "FEEDBACK", "description",
                "Reviewed the deck", "weight", 2, "occurredOn", today().toString());
        String first = mvc.perform(apiPost("/api/v1/exchanges", ana.token(), body).header("Idempotency-Key", "k1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(apiPost("/api/v1/exchanges", ana.token(), body).header("Idempotency-Key", "k1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
        mvc.perform(apiGet("/api/v1/exchanges", ana.token())).andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void exchangesArePagedNewestFirst() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        for (int i = 0; i < 3; i++) {
            record(ana, "GAVE", ben, 1, i);
        }
        String page = mvc.perform(apiGet("/api/v1/exchanges?limit=2", ana.token()))
                .andExpect(jsonPath("$.items.length()").value(2)).andReturn().getResponse().getContentAsString();
        mvc.perform(apiGet("/api/v1/exchanges?limit=2&cursor=" + JsonPath.read(page, "$.nextCursor"), ana.token()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void unthankedFavorsBecomeAFlagAfterThreeDays() throws Exception {
        Account ana = newAccount("Ana");
        Account ben = newAccount("Ben");
        confirmedGift(ben, ana, 2, 1);
        assertThat(health(ana)).doesNotContain("UNTHANKED");
        clock.advance(java.time.Duration.ofDays(4));
        mvc.perform(apiGet("/api/v1/health", ana.token()))
                .andExpect(jsonPath("$.flags[?(@.type == 'UNTHANKED')].counterpart.displayName").value(hasItem("Ben")))
                .andExpect(jsonPath("$.flags[?(@.type == 'UNTHANKED')].suggestion").value(hasItem(containsString("thank-you"))));
    }
}
