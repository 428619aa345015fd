package org.reciprocity.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;

/**
 * "Today" is the member's own date. A member in Pago Pago (UTC−11) and one on Kiritimati (UTC+14) are
 * 25 hours apart, so at every moment their days differ: whatever the hour the test runs, the east is
 * at least one day ahead.
 */
class TodayIntegrationTest extends IntegrationTest {

    static final String WEST = "Pacific/Pago_Pago";
    static final String EAST = "Pacific/Kiritimati";

    Account livingIn(String name, String zone) throws Exception {
        Account account = newAccount(name);
        mvc.perform(apiPut("/api/v1/me/profile", account.token(), json("timeZone", zone))).andExpect(status().isOk());
        return account;
    }

    LocalDate todayIn(String zone) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));
    }

    @Test
    void notInTheFutureMeansTheRecordersFuture() throws Exception {
        Account west = livingIn("Wes West", WEST);
        Account east = livingIn("Eve East", EAST);
        String eastToday = todayIn(EAST).toString();
        String favor = "{\"direction\":\"GAVE\",\"counterpartMemberId\":\"%s\",\"kind\":\"ADVICE\","
                + "\"description\":\"Walked through the plan\",\"weight\":2,\"occurredOn\":\"%s\"}";
        mvc.perform(apiPost("/api/v1/exchanges", west.token(), favor.formatted(east.id(), eastToday)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("occurredOn"));
        mvc.perform(apiPost("/api/v1/exchanges", east.token(), favor.formatted(west.id(), eastToday)))
                .andExpect(status().isCreated());
        mvc.perform(apiPost("/api/v1/interactions", west.token(), json("memberId", east.id(), "type", "CALL",
                "occurredOn", eastToday))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theAgendaCountsFromTheMembersDay() throws Exception {
        Account west = livingIn("Wes Agenda", WEST);
        Account east = livingIn("Eve Agenda", EAST);
        mvc.perform(apiGet("/api/v1/agenda", west.token())).andExpect(jsonPath("$.today").value(todayIn(WEST).toString()));
        mvc.perform(apiGet("/api/v1/agenda", east.token())).andExpect(jsonPath("$.today").value(todayIn(EAST).toString()));
    }

    @Test
    void expiriesAreJudgedInTheAuthorsDay() throws Exception {
        Account west = livingIn("Wes Expiry", WEST);
        Account east = livingIn("Eve Expiry", EAST);
        String westToday = todayIn(WEST).toString();
        // the last day of an ask is "today" for the west, already past for the east
        String created = mvc.perform(apiPost("/api/v1/asks", west.token(), json("title", "Help me choose a laptop",
                "details", "", "expiresOn", westToday))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(created).contains("\"status\":\"OPEN\"");
        mvc.perform(apiPost("/api/v1/asks", east.token(), json("title", "Help me choose a laptop", "details", "",
                "expiresOn", westToday))).andExpect(status().isUnprocessableContent());
    }
}
