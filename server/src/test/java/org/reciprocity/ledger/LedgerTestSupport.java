package org.reciprocity.ledger;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.reciprocity.IntegrationTest;

/** Recording and answering favors through the API, for the ledger's integration tests. */
public abstract class LedgerTestSupport extends IntegrationTest {

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** {@code recorder} records a favor with member {@code other} and returns its id (pending). */
    protected String record(Account recorder, String direction, Account other, int weight, int daysAgo) throws Exception {
        String body = json("direction", direction, "counterpartMemberId", other.id(), "kind", "ADVICE",
                "description", direction.toLowerCase() + " advice", "weight", weight,
                "occurredOn", today().minusDays(daysAgo).toString());
        String response = mvc.perform(apiPost("/api/v1/exchanges", recorder.token(), body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    protected void confirm(Account by, String exchangeId) throws Exception {
        mvc.perform(apiPost("/api/v1/exchanges/" + exchangeId + "/confirm", by.token(), "")).andExpect(status().isOk());
    }

    /** {@code giver} records a favor given to {@code receiver}, who confirms it. */
    protected String confirmedGift(Account giver, Account receiver, int weight, int daysAgo) throws Exception {
        String id = record(giver, "GAVE", receiver, weight, daysAgo);
        confirm(receiver, id);
        return id;
    }

    protected void setCapacity(Account member, int capacity) throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", member.token(), "{\"capacityPerMonth\": " + capacity + "}"))
                .andExpect(status().isOk());
    }

    protected String health(Account member) throws Exception {
        return mvc.perform(apiGet("/api/v1/health", member.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
