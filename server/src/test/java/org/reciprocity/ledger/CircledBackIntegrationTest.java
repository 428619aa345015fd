package org.reciprocity.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * Value that circled back (issue 12, item 7): chains of confirmed favors that left the member and came back,
 * each favor later than the one before, on the API and drawn on the ledger page; never a pending favor, never a
 * person the member may not see, and only the member's own.
 */
class CircledBackIntegrationTest extends LedgerTestSupport {

    @Test
    void aChainThatCameBackIsFoundOldestFavorFirstAndOnlyWhenEachFavorCameAfterTheOneBefore() throws Exception {
        Account ana = newAccount("Ana Circle");
        Account ben = newAccount("Ben <i>Circle</i>");
        Account cy = newAccount("Cy Circle");
        Account dee = newAccount("Dee Pair");
        Account eve = newAccount("Eve Pending");
        confirmedGift(ana, ben, 4, 30);
        confirmedGift(ben, cy, 3, 20);
        confirmedGift(cy, ana, 5, 10);
        confirmedGift(ana, dee, 2, 50);
        confirmedGift(dee, ana, 2, 40);
        record(ana, "GAVE", eve, 5, 30); // pending: no chain through it
        confirmedGift(eve, ana, 5, 20);

        mvc.perform(apiGet("/api/v1/me/circled-back", ana.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.windowDays").value(365))
                .andExpect(jsonPath("$.items[0].weight").value(3))
                .andExpect(jsonPath("$.items[0].favors", hasSize(3)))
                .andExpect(jsonPath("$.items[0].favors[0].from.memberId").value(ana.id()))
                .andExpect(jsonPath("$.items[0].favors[0].to.memberId").value(ben.id()))
                .andExpect(jsonPath("$.items[0].favors[0].kind").value("ADVICE"))
                .andExpect(jsonPath("$.items[0].favors[0].occurredOn").value(today().minusDays(30).toString()))
                .andExpect(jsonPath("$.items[0].favors[1].from.displayName").value("Ben <i>Circle</i>"))
                .andExpect(jsonPath("$.items[0].favors[2].to.memberId").value(ana.id()))
                .andExpect(jsonPath("$.items[1].weight").value(2))
                .andExpect(jsonPath("$.items[1].favors[1].from.memberId").value(dee.id()));
        // for Ben the same favors do not come back in time: his gift to Cy came after Ana's to him
        mvc.perform(apiGet("/api/v1/me/circled-back", ben.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));
        // a window of 25 days keeps only chains all of whose favors are inside it
        mvc.perform(apiGet("/api/v1/me/circled-back?windowDays=35", ana.token()))
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].favors", hasSize(3)));
        mvc.perform(apiGet("/api/v1/me/circled-back?windowDays=0", ana.token())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"));
        mvc.perform(apiGet("/api/v1/me/circled-back?windowDays=many", ana.token())).andExpect(status().isBadRequest());
        mvc.perform(apiGet("/api/v1/me/circled-back", null)).andExpect(status().isUnauthorized());

        mvc.perform(get("/ledger").session(pageSession(ana))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Value that circled back")))
                .andExpect(content().string(containsString("<svg viewBox=\"0 0 440 280\" role=\"img\"")))
                .andExpect(content().string(containsString("Ben &lt;i&gt;Circle&lt;/i&gt; helped Cy Circle (Advice, ")))
                .andExpect(content().string(not(containsString("<i>Circle</i>"))));
        mvc.perform(get("/ledger").session(pageSession(ben))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No chain yet")));
    }

    @Test
    void aChainThroughSomeoneWhoBlockedTheMemberIsNotShown() throws Exception {
        Account ana = newAccount("Ana Blocked");
        Account ben = newAccount("Ben Blocked");
        Account cy = newAccount("Cy Blocker");
        confirmedGift(ana, ben, 4, 30);
        confirmedGift(ben, cy, 3, 20);
        confirmedGift(cy, ana, 5, 10);
        mvc.perform(apiGet("/api/v1/me/circled-back", ana.token())).andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(apiPost("/api/v1/blocks", cy.token(), json("memberId", ana.id()))).andExpect(status().isCreated());
        mvc.perform(apiGet("/api/v1/me/circled-back", ana.token())).andExpect(jsonPath("$.items", hasSize(0)));
        // and Ben, who may see them all, still has none: his chain would not come back in time
        mvc.perform(apiGet("/api/v1/me/circled-back", ben.token())).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void aFourFavorChainIsFoundThroughItsMiddleFavor() throws Exception {
        Account a = newAccount("Al Four");
        Account b = newAccount("Bo Four");
        Account c = newAccount("Cid Four");
        Account d = newAccount("Di Four");
        confirmedGift(a, b, 3, 40);
        confirmedGift(b, c, 3, 30);
        confirmedGift(c, d, 3, 20);
        confirmedGift(d, a, 3, 10);
        mvc.perform(apiGet("/api/v1/me/circled-back", a.token())).andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].favors", hasSize(4)))
                .andExpect(jsonPath("$.items[0].favors[2].from.memberId").value(c.id()))
                .andExpect(jsonPath("$.items[0].favors[2].to.memberId").value(d.id()));
    }
}
