package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class FollowUpIntegrationTest extends IntegrationTest {

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    String contact(Account owner, String name, String tier) throws Exception {
        return JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(), json("name", name, "tier", tier)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    void log(Account owner, String field, String id, String type, LocalDate on) throws Exception {
        mvc.perform(apiPost("/api/v1/interactions", owner.token(), json(field, id, "type", type, "occurredOn", on.toString())))
                .andExpect(status().isCreated());
    }

    List<String> agendaTypes(Account who) throws Exception {
        return JsonPath.read(mvc.perform(apiGet("/api/v1/agenda", who.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.items[*].type");
    }

    String itemOf(Account who, String type) throws Exception {
        List<String> ids = JsonPath.read(mvc.perform(apiGet("/api/v1/agenda", who.token()))
                .andReturn().getResponse().getContentAsString(), "$.items[?(@.type == '" + type + "')].reminderId");
        return ids.get(0);
    }

    @Test
    void interactionsAreValidatedAndOnlyWithOnesOwnContacts() throws Exception {
        Account ana = newAccount("Ana Logs");
        Account eve = newAccount("Eve Logs");
        String anasContact = contact(ana, "Carl Contact", "CLOSE");
        mvc.perform(apiPost("/api/v1/interactions", eve.token(), json("contactId", anasContact, "type", "CALL",
                        "occurredOn", today().toString())))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("contactId"));
        mvc.perform(apiPost("/api/v1/interactions", ana.token(), json("contactId", anasContact, "type", "LUNCH",
                        "occurredOn", today().plusDays(5).toString())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredOn")));
        mvc.perform(apiPost("/api/v1/interactions", ana.token(), json("contactId", anasContact, "type", "call",
                        "occurredOn", today().toString(), "note", "Caught up about the new job")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counterpart.displayName").value("Carl Contact"));
        mvc.perform(apiGet("/api/v1/interactions", eve.token())).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aMeetingAsksForAFollowUpTwoDaysLaterAndDoneAndSnoozeWork() throws Exception {
        Account ana = newAccount("Ana Meets");
        Account ben = newAccount("Ben Meets");
        log(ana, "memberId", ben.id(), "MEETING", today());
        assertThat(agendaTypes(ana)).doesNotContain("FOLLOW_UP");
        clock.advance(Duration.ofDays(2));
        assertThat(agendaTypes(ana)).contains("FOLLOW_UP");
        String item = itemOf(ana, "FOLLOW_UP");

        mvc.perform(apiPost("/api/v1/agenda/" + item + "/done", ben.token(), "")).andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/agenda/" + item + "/snooze", ana.token(), json("days", 0)))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(apiPost("/api/v1/agenda/" + item + "/snooze", ana.token(), json("days", 1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.until").value(today().plusDays(1).toString()));
        assertThat(agendaTypes(ana)).doesNotContain("FOLLOW_UP");
        clock.advance(Duration.ofDays(1));
        assertThat(agendaTypes(ana)).contains("FOLLOW_UP");
        mvc.perform(apiPost("/api/v1/agenda/" + item + "/done", ana.token(), "")).andExpect(status().isOk());
        assertThat(agendaTypes(ana)).doesNotContain("FOLLOW_UP");
    }

    @Test
    void keepInTouchFollowsTheTierAndIsResetByAnInteractionAndByAFavor() throws Exception {
        Account ana = newAccount("Ana Touch");
        String carl = contact(ana, "Carl Close", "INNER_CIRCLE");
        clock.advance(Duration.ofDays(15));
        assertThat(agendaTypes(ana)).contains("KEEP_IN_TOUCH");
        mvc.perform(apiGet("/api/v1/losing-touch", ana.token()))
                .andExpect(jsonPath("$.items[0].counterpart.displayName").value("Carl Close"))
                .andExpect(jsonPath("$.items[0].level").value("AMBER"));

        log(ana, "contactId", carl, "MESSAGE", today());
        assertThat(agendaTypes(ana)).doesNotContain("KEEP_IN_TOUCH");
        mvc.perform(apiGet("/api/v1/losing-touch", ana.token())).andExpect(jsonPath("$.items.length()").value(0));

        clock.advance(Duration.ofDays(31));
        mvc.perform(apiGet("/api/v1/losing-touch", ana.token())).andExpect(jsonPath("$.items[0].level").value("RED"));
        mvc.perform(apiPost("/api/v1/exchanges", ana.token(), json("direction", "GAVE", "contactId", carl, "kind", "ADVICE",
                "description", "Sent him a job lead", "weight", 2, "occurredOn", today().toString())))
                .andExpect(status().isCreated());
        mvc.perform(apiGet("/api/v1/losing-touch", ana.token())).andExpect(jsonPath("$.items.length()").value(0));

        mvc.perform(apiPut("/api/v1/contacts/" + carl + "/cadence", ana.token(), json("idealDays", 3, "maxDays", 5)))
                .andExpect(status().isOk());
        clock.advance(Duration.ofDays(4));
        mvc.perform(apiGet("/api/v1/losing-touch", ana.token())).andExpect(jsonPath("$.items[0].idealDays").value(3));
        mvc.perform(apiPut("/api/v1/cadences/CLOSE", ana.token(), json("idealDays", 10, "maxDays", 5)))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theCalendarFeedParsesBackAsRfc5545AndRevealsNothingOfAnotherMember() throws Exception {
        Account ana = newAccount("Ana Feed");
        Account ben = newAccount("Ben Feed");
        contact(ana, "Dora Quiet, a contact with a long name that must be folded across lines; and commas", "INNER_CIRCLE");
        contact(ben, "Secret Bob", "INNER_CIRCLE");
        clock.advance(Duration.ofDays(20));

        String anaUrl = JsonPath.read(mvc.perform(apiGet("/api/v1/calendar-feed", ana.token()))
                .andReturn().getResponse().getContentAsString(), "$.url");
        String benUrl = JsonPath.read(mvc.perform(apiGet("/api/v1/calendar-feed", ben.token()))
                .andReturn().getResponse().getContentAsString(), "$.url");
        assertThat(anaUrl).isNotEqualTo(benUrl).matches(".*/calendar/[0-9a-f]{64}\\.ics");

        HttpResponse<String> response = http("GET", anaUrl.substring(anaUrl.indexOf("/calendar/")), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String body = response.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").doesNotContain("Secret Bob");
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(body.replace("\r\n", "")).doesNotContain("\n");
        Calendar parsed = new CalendarBuilder().build(new StringReader(body));
        assertThat(parsed.validate().hasErrors()).isFalse(); // validate() reports, it does not throw
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getUid()).isPresent();
            assertThat(e.getDateTimeStamp()).isNotNull();
        });
        assertThat(events.get(0).getSummary().getValue()).startsWith("Keep in touch: Dora Quiet");

        String again = http("GET", anaUrl.substring(anaUrl.indexOf("/calendar/")), null).body();
        assertThat(new CalendarBuilder().build(new StringReader(again)).<VEvent>getComponents("VEVENT").get(0).getUid())
                .isEqualTo(events.get(0).getUid());

        String fresh = JsonPath.read(mvc.perform(apiPost("/api/v1/calendar-feed/regenerate", ana.token(), ""))
                .andReturn().getResponse().getContentAsString(), "$.url");
        assertThat(http("GET", anaUrl.substring(anaUrl.indexOf("/calendar/")), null).statusCode()).isEqualTo(404);
        assertThat(http("GET", fresh.substring(fresh.indexOf("/calendar/")), null).statusCode()).isEqualTo(200);
        assertThat(http("GET", "/calendar/" + "0".repeat(64) + ".ics", null).statusCode()).isEqualTo(404);
    }

    @Test
    void thankYousOwedAndPledgesDueAppearOnTheAgenda() throws Exception {
        Account ana = newAccount("Ana Owes");
        Account ben = newAccount("Ben Gives");
        String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE",
                "counterpartMemberId", ana.id(), "kind", "ADVICE", "description", "Reviewed her CV", "weight", 2,
                "occurredOn", today().toString()))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", ana.token(), "")).andExpect(status().isOk());
        mvc.perform(apiGet("/api/v1/agenda", ana.token()))
                .andExpect(jsonPath("$.items[?(@.type == 'THANK')].link", hasItem("/exchanges/" + favor)));
        mvc.perform(apiGet("/api/v1/agenda", ben.token())).andExpect(jsonPath("$.items[*].type", not(hasItem("THANK"))));

        String ask = JsonPath.read(mvc.perform(apiPost("/api/v1/asks", ben.token(), json("title", "Help me move")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/asks/" + ask + "/pledges", ana.token(), json("note", "", "dueOn", today().plusDays(1).toString())))
                .andExpect(status().isCreated());
        assertThat(agendaTypes(ana)).contains("PLEDGE_DUE");
    }

    @Autowired
    Digest digest;

    @Test
    void withoutSmtpConfiguredTheDigestSendsNothingAndNothingFails() throws Exception {
        Account ana = newAccount("Ana No Mail");
        mvc.perform(apiPut("/api/v1/me/digest", ana.token(), json("frequency", "DAILY"))).andExpect(status().isOk());
        assertThat(digest.mailConfigured()).isFalse();
        assertThat(digest.sendDue()).isZero();
    }

    @Test
    void aSnoozedItemComesBackOnItsDay() throws Exception {
        Account ana = newAccount("Ana Snoozes");
        contact(ana, "Carla Snooze", "INNER_CIRCLE");
        clock.advance(Duration.ofDays(15));
        String item = itemOf(ana, "KEEP_IN_TOUCH");
        mvc.perform(apiPost("/api/v1/agenda/" + item + "/snooze", ana.token(), json("days", 1))).andExpect(status().isOk());
        assertThat(agendaTypes(ana)).doesNotContain("KEEP_IN_TOUCH");
        clock.advance(Duration.ofDays(1));
        String agenda = mvc.perform(apiGet("/api/v1/agenda", ana.token())).andReturn().getResponse().getContentAsString();
        assertThat(agendaTypes(ana)).as(agenda).contains("KEEP_IN_TOUCH");
    }

    @Test
    void anotherMembersContactCadenceIsNotFoundAndTheAgendaFormNeedsItsCsrfToken() throws Exception {
        Account ana = newAccount("Ana Guards");
        Account eve = newAccount("Eve Guards");
        String carl = contact(ana, "Carl Guarded", "CLOSE");
        mvc.perform(apiPut("/api/v1/contacts/" + carl + "/cadence", eve.token(), json("idealDays", 3, "maxDays", 5)))
                .andExpect(status().isNotFound());
        var session = pageSession(ana);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/agenda/interactions")
                        .session(session).param("person", "contact:" + carl).param("type", "CALL")
                        .param("occurredOn", today().toString()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/agenda/interactions")
                        .session(session).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("person", "contact:" + carl).param("type", "CALL").param("occurredOn", today().toString()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/agenda?done=logged"));
        mvc.perform(apiGet("/api/v1/me/archive", ana.token()))
                .andExpect(jsonPath("$.interactions[0].counterpart.displayName").value("Carl Guarded"));
        mvc.perform(apiGet("/api/v1/me/archive", eve.token())).andExpect(jsonPath("$.interactions.length()").value(0));
    }
}
