package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;

/**
 * The feed as a calendar app gets it, over HTTP: folded by octets, every open item however overdue,
 * named, and without a session. Two independent parsers read it: ical4j and Mozilla's ical.js.
 */
class CalendarFeedIntegrationTest extends IntegrationTest {

    static final String MEMBER = "佐藤花子 🌸";
    static final String JAPANESE = "山田太郎（株式会社レシプロシティ代表取締役社長）東京都千代田区丸の内一丁目本社営業部";
    static final String EMOJI = "Zoë 🎉🚀 Ørsted-Müller 👩‍💻🇯🇵 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀";
    static final String LATIN = "Françoise Lefèvre-Ñúñez, Łukasz Wójcik & Şükrü Çelik of Ågård";

    record Feed(byte[] bytes, HttpResponse<byte[]> response) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Feed fetch(String path) throws Exception {
        HttpResponse<byte[]> response = httpClient(null).send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Feed(response.body(), response);
    }

    String contact(Account owner, String name) throws Exception {
        return JsonPath.read(mvc.perform(apiPost("/api/v1/contacts", owner.token(), json("name", name, "tier", "INNER_CIRCLE")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String reminderOf(Account owner, String contactId) throws Exception {
        List<String> ids = JsonPath.read(mvc.perform(apiGet("/api/v1/agenda", owner.token()))
                .andReturn().getResponse().getContentAsString(),
                "$.items[?(@.counterpart.contactId == '" + contactId + "')].reminderId");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    String feedPath(Account owner) throws Exception {
        String url = JsonPath.read(mvc.perform(apiGet("/api/v1/calendar-feed", owner.token()))
                .andReturn().getResponse().getContentAsString(), "$.url");
        return url.substring(url.indexOf("/calendar/"));
    }

    @Test
    void aFeedWithOverdueItemsAndNamesInManyScriptsIsFoldedByOctetsAndReadTheSameByTwoParsers() throws Exception {
        Account sato = newAccount(MEMBER);
        String japanese = contact(sato, JAPANESE);
        String emoji = contact(sato, EMOJI);
        String latin = contact(sato, LATIN);
        String done = contact(sato, "Dora Done");
        String snoozed = contact(sato, "Sam Snoozed");
        // inner circle: in touch every 14 days, overdue after 30; 60 days on, each item is 46 days past its day,
        // beyond the 30 days back the feed used to cover
        clock.advance(Duration.ofDays(60));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate dueOn = today.minusDays(46);
        mvc.perform(apiPost("/api/v1/agenda/" + reminderOf(sato, done) + "/done", sato.token(), ""))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(apiPost("/api/v1/agenda/" + reminderOf(sato, snoozed) + "/snooze", sato.token(), json("days", 20)))
                .andExpect(status().isOk());

        Feed feed = fetch(feedPath(sato));
        assertThat(feed.response().statusCode()).isEqualTo(200);
        String text = feed.text();

        // RFC 5545 §3.1 on the bytes as sent: CRLF only, at most 75 octets a line, no cut inside a character
        CalendarFoldingTest.assertWellFolded(CalendarFoldingTest.unfold(text), text);
        int longest = CalendarFoldingTest.physicalLines(text).stream().mapToInt(CalendarFoldingTest::octets).max()
                .orElseThrow();
        assertThat(longest).isLessThanOrEqualTo(75);
        String unfolded = CalendarFoldingTest.unfold(text);
        assertThat(unfolded).contains("\r\nSUMMARY:Keep in touch: " + JAPANESE + "\r\n")
                .contains("\r\nSUMMARY:Keep in touch: " + EMOJI + "\r\n")
                .contains("\r\nSUMMARY:Keep in touch: " + LATIN.replace(",", "\\,") + "\r\n");
        assertThat(text).as("the Japanese and emoji titles are long enough to fold")
                .doesNotContain("SUMMARY:Keep in touch: " + JAPANESE).doesNotContain("SUMMARY:Keep in touch: " + EMOJI);

        String name = "Reciprocity agenda \u2014 " + MEMBER;

        // first parser: ical4j, with its validator
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        ValidationResult validation = parsed.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        assertThat(parsed.getProperty("NAME").map(Property::getValue)).hasValue(name);
        assertThat(parsed.getProperty("X-WR-CALNAME").map(Property::getValue)).hasValue(name);
        assertThat(parsed.getProperty("DESCRIPTION").map(Property::getValue)).hasValue(CalendarFeed.DESCRIPTION);
        assertThat(parsed.getProperty("X-WR-CALDESC").map(Property::getValue)).hasValue(CalendarFeed.DESCRIPTION);
        assertThat(unfolded).contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n").contains("\r\nX-PUBLISHED-TTL:PT1H\r\n");
        assertThat(CalendarFeed.DESCRIPTION).contains("however overdue").contains("90 days").contains("today's date");
        Map<String, VEvent> events = parsed.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getSummary().getValue(), Function.identity()));
        assertThat(events).containsOnlyKeys("Keep in touch: " + JAPANESE, "Keep in touch: " + EMOJI,
                "Keep in touch: " + LATIN, "Keep in touch: Sam Snoozed");
        for (String overdue : List.of(JAPANESE, EMOJI, LATIN)) {
            VEvent event = events.get("Keep in touch: " + overdue);
            assertThat(event.<LocalDate>getDateTimeStart().getDate()).as("carried to today").isEqualTo(today);
            assertThat(event.getDescription().getValue()).contains("Due on " + dueOn);
        }
        VEvent later = events.get("Keep in touch: Sam Snoozed");
        assertThat(later.<LocalDate>getDateTimeStart().getDate()).isEqualTo(today.plusDays(20));
        assertThat(later.getDescription().getValue()).doesNotContain("Due on");

        // second parser: ical.js, which decodes the bytes strictly and unfolds by itself
        String icaljs = IcalJs.parse(feed.bytes());
        assertThat((String) JsonPath.read(icaljs, "$.version")).isEqualTo("2.0");
        assertThat((String) JsonPath.read(icaljs, "$.name")).isEqualTo(name);
        assertThat((String) JsonPath.read(icaljs, "$.calname")).isEqualTo(name);
        assertThat((String) JsonPath.read(icaljs, "$.description")).isEqualTo(CalendarFeed.DESCRIPTION);
        assertThat((String) JsonPath.read(icaljs, "$.caldesc")).isEqualTo(CalendarFeed.DESCRIPTION);
        assertThat((String) JsonPath.read(icaljs, "$.refreshInterval")).isEqualTo("PT1H");
        assertThat((String) JsonPath.read(icaljs, "$.refreshValueType")).isEqualTo("duration");
        assertThat((String) JsonPath.read(icaljs, "$.publishedTtl")).isEqualTo("PT1H");
        List<Map<String, Object>> read = JsonPath.read(icaljs, "$.events");
        assertThat(read).hasSameSizeAs(events.values());
        for (Map<String, Object> event : read) {
            VEvent same = events.get((String) event.get("summary"));
            assertThat(same).as("ical4j has an event titled %s", event.get("summary")).isNotNull();
            assertThat(event.get("uid")).isEqualTo(same.getUid().orElseThrow().getValue());
            assertThat(event.get("description")).isEqualTo(same.getDescription().getValue());
            assertThat(event.get("start")).isEqualTo(same.<LocalDate>getDateTimeStart().getDate().toString());
            assertThat(event.get("allDay")).isEqualTo(true);
            assertThat(event.get("transp")).isEqualTo("TRANSPARENT");
        }
    }

    @Test
    void theFeedAndAnUnknownAddressAnswerWithCalendarHeadersAndNeverACookie() throws Exception {
        Account ana = newAccount("Ana Cookieless");
        contact(ana, "Carl Calendar");
        String path = feedPath(ana);

        Feed feed = fetch(path);
        HttpResponse<byte[]> response = feed.response();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"reciprocity-agenda.ics\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().allValues("Set-Cookie")).as("a calendar app keeps no session").isEmpty();
        assertThat(feed.text()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");

        for (String unknown : List.of("/calendar/" + "0".repeat(64) + ".ics", "/calendar/not-a-secret.ics",
                "/calendar/" + "0".repeat(64) + ".ics/more")) {
            HttpResponse<byte[]> missing = fetch(unknown).response();
            assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
            assertThat(missing.headers().allValues("Set-Cookie")).as(unknown).isEmpty();
        }
        HttpResponse<String> head = http("HEAD", path, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> post = http("POST", path, "");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.headers().allValues("Set-Cookie")).isEmpty();

        // the pages still have their session and CSRF token: only the feed's chain is stateless
        HttpResponse<String> login = http("GET", "/login", null);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("RECIPROCITY_SESSION="));
    }
}
