package org.reciprocity.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reciprocity.IntegrationTest;
import org.reciprocity.SecondInstance;
import org.reciprocity.asks.MatchIndex;
import org.reciprocity.db.ClusterLocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two application instances on one database, as behind a load balancer: a browser session made on one
 * is a session on the other, ending it on one ends it on both, and a scheduled job runs on one at a time.
 * Instance A is the test context; B is started here ({@link SecondInstance}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("RECIPROCITY_SESSION=([^;]*)");

    @Autowired
    Environment environment;

    @Autowired
    ClusterLocks locksOnA;

    ConfigurableApplicationContext b;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startB() {
        // both instances keep the same time, as servers on NTP do: the tests' clock may have been moved
        b = SecondInstance.start(environment, clock);
    }

    @AfterAll
    void stopB() {
        b.close();
    }

    @Test
    void aSessionMadeOnOneInstanceIsEndedOnBothBySigningOutOrSigningOutEverywhereElse() throws Exception {
        Account ana = newAccount("Ana Twice");
        int a = port;
        int onB = SecondInstance.port(b);

        String first = signIn(a, ana);
        assertThat(page(onB, "/account", first).body()).as("A's session is good on B").contains("Ana Twice");
        String second = signIn(onB, ana);
        assertThat(page(a, "/account", second).body()).contains("signed in on 2 browsers");

        // the first browser, on A, signs out every other one: the second, made on B, is over on both
        HttpResponse<String> ended = form(a, "/account/sessions/end-others", first, "");
        assertThat(ended.headers().firstValue("Location").orElse("")).endsWith("/account?done=signedOutElsewhere");
        assertThat(page(onB, "/account", second).statusCode()).isEqualTo(302);
        assertThat(page(a, "/account", second).statusCode()).isEqualTo(302);
        assertThat(page(onB, "/account", first).statusCode()).as("the first browser stays signed in").isEqualTo(200);

        // signing out on B ends the session A knows too
        form(onB, "/logout", first, "");
        HttpResponse<String> after = page(a, "/account", first);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aPasswordChangeOnOneInstanceEndsTheOtherSessionsOnBoth() throws Exception {
        Account ben = newAccount("Ben Twice");
        String onA = signIn(port, ben);
        String onB = signIn(SecondInstance.port(b), ben);
        HttpResponse<String> changed = form(port, "/account/password", onA, "currentPassword=" + encode(PASSWORD)
                + "&newPassword=" + encode(PASSWORD + " and more"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(page(SecondInstance.port(b), "/account", onB).statusCode()).isEqualTo(302);
        assertThat(page(SecondInstance.port(b), "/account", onA).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuspensionOnOneInstanceEndsTheMembersSessionsOnBoth() throws Exception {
        Account cleo = newAccount("Cleo Twice");
        String onA = signIn(port, cleo);
        String onB = signIn(SecondInstance.port(b), cleo);
        HttpResponse<String> suspended = api(port, "POST", "/api/v1/admin/members/" + cleo.id() + "/suspend", admin(),
                "{\"reason\": \"spam\"}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(page(SecondInstance.port(b), "/account", onB).statusCode()).as("the session made on B").isEqualTo(302);
        assertThat(page(SecondInstance.port(b), "/account", onA).statusCode()).as("the session made on A, on B").isEqualTo(302);
        assertThat(page(port, "/account", onA).statusCode()).isEqualTo(302);
        assertThat(api(SecondInstance.port(b), "GET", "/api/v1/me", cleo, null).statusCode()).as("her token on B").isEqualTo(401);
    }

    @Test
    void aScheduledJobRunsOnOneInstanceAtATimeAndOncePerPeriod() throws Exception {
        ClusterLocks locksOnB = b.getBean(ClusterLocks.class);
        String job = "test-job-" + UUID.randomUUID();
        Duration period = Duration.ofSeconds(2);
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean bRanMeanwhile = new AtomicBoolean(true);
        boolean aRan = locksOnA.runAlone(job, period, Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            // from a thread of its own, as B's scheduler would (ShedLock lets the thread holding a lock re-enter it)
            Thread onB = new Thread(() ->
                    bRanMeanwhile.set(locksOnB.runAlone(job, period, Duration.ofMinutes(1), runs::incrementAndGet)));
            onB.start();
            try {
                onB.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(aRan).isTrue();
        assertThat(bRanMeanwhile).as("B while A runs the job").isFalse();
        assertThat(locksOnB.runAlone(job, period, Duration.ofMinutes(1), runs::incrementAndGet))
                .as("B later in the same period").isFalse();
        assertThat(runs).hasValue(1);
        Thread.sleep(period.toMillis() + 200);
        assertThat(locksOnB.runAlone(job, period, Duration.ofMinutes(1), runs::incrementAndGet)).as("B in the next period").isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void anHourlyJobWhoseRunsAreShortRunsEveryHour() {
        // as the clean-ups and pledge lapsing are scheduled: held for 54 minutes, though a dead holder's run lapses sooner
        AtomicInteger runs = new AtomicInteger();
        assertThat(locksOnA.runAlone("test-hourly-" + UUID.randomUUID(), Duration.ofHours(1), Duration.ofMinutes(30),
                runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aProfileSavedOnOneInstanceIsMatchedOnTheOtherWithinSeconds() throws Exception {
        // a word no other test uses: the members made here stay in the shared database and match its asks
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Account asker = newAccount("Asker Twice");
        Account helper = newAccount("Helper Twice");
        int onB = SecondInstance.port(b);
        String ask = com.jayway.jsonpath.JsonPath.read(api(onB, "POST", "/api/v1/asks", asker, "{\"title\": \"Looking for "
                + word + "\", \"details\": \"An hour of it\", \"tags\": [\"" + word + "\"]}").body(), "$.id");
        assertThat(matchIds(onB, asker, ask)).doesNotContain(helper.id());

        // the helper's profile is saved on A; B's copy of the index learns of it from the change feed
        assertThat(api(port, "PUT", "/api/v1/me/profile", helper, "{\"skills\": [\"" + word + "\"]}").statusCode())
                .isEqualTo(200);
        long saved = System.nanoTime();
        await(() -> matchIds(onB, asker, ask).contains(helper.id()), "B matches the helper saved on A");
        System.out.printf("A profile saved on A was matched on B after %d ms%n", (System.nanoTime() - saved) / 1_000_000);
    }

    @Test
    void anAdminsRebuildOnOneInstanceRebuildsEveryInstance() throws Exception {
        org.reciprocity.asks.MatchIndex onB = b.getBean(org.reciprocity.asks.MatchIndex.class);
        java.time.Instant before = onB.builtAt();
        assertThat(api(port, "POST", "/api/v1/admin/match-index/rebuild", admin(), null).statusCode()).isEqualTo(200);
        await(() -> onB.builtAt().isAfter(before), "B rebuilt its index");
    }

    @Test
    void anInstanceRestartedOnItsIndexDirectoryCatchesUpWhatChangedWhileItWasDown(@TempDir Path indexDir) throws Exception {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Account asker = newAccount("Asker Restarted");
        Account helper = newAccount("Helper Restarted");
        Account leaving = newAccount("Helper Suspended");
        String ask = com.jayway.jsonpath.JsonPath.read(api(port, "POST", "/api/v1/asks", asker, "{\"title\": \"Looking for "
                + word + "\", \"details\": \"An hour of it\", \"tags\": [\"" + word + "\"]}").body(), "$.id");
        assertThat(api(port, "PUT", "/api/v1/me/profile", leaving, "{\"skills\": [\"" + word + "\"]}").statusCode())
                .isEqualTo(200);
        String onDisk = "--reciprocity.matching.index-dir=" + indexDir;
        try (ConfigurableApplicationContext c = SecondInstance.start(environment, clock, onDisk)) {
            assertThat(c.getBean(MatchIndex.class).startedAs()).as("a new directory").isEqualTo(MatchIndex.Start.REBUILT);
            assertThat(matchIds(SecondInstance.port(c), asker, ask)).contains(leaving.id());
        }
        try {
            // while C is down, on A: the helper says what she gives, twice, and the other helper is suspended
            for (String skills : List.of("[\"" + word + " basics\"]", "[\"" + word + "\", \"Mentoring\"]")) {
                assertThat(api(port, "PUT", "/api/v1/me/profile", helper, "{\"skills\": " + skills + "}").statusCode())
                        .isEqualTo(200);
            }
            assertThat(api(port, "POST", "/api/v1/admin/members/" + leaving.id() + "/suspend", admin(),
                    "{\"reason\": \"spam\"}").statusCode()).isEqualTo(200);
            try (ConfigurableApplicationContext c = SecondInstance.start(environment, clock, onDisk)) {
                MatchIndex index = c.getBean(MatchIndex.class);
                assertThat(index.startedAs()).as("opened from disk, not rebuilt").isEqualTo(MatchIndex.Start.RESUMED);
                assertThat(matchIds(SecondInstance.port(c), asker, ask)).as("the changes made while it was down")
                        .contains(helper.id()).doesNotContain(leaving.id());
            }
        } finally {
            api(port, "POST", "/api/v1/admin/members/" + leaving.id() + "/unsuspend", admin(), null);
        }
    }

    private List<String> matchIds(int port, Account asker, String ask) {
        try {
            return com.jayway.jsonpath.JsonPath.read(api(port, "GET", "/api/v1/asks/" + ask + "/matches", asker, null).body(),
                    "$.items[*].memberId");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> api(int port, String method, String path, Account caller, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 15 s: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Signs in through the form, as a browser does; returns the session cookie's value. */
    private String signIn(int port, Account account) throws Exception {
        HttpResponse<String> login = send(port, HttpRequest.newBuilder(uri(port, "/login")).GET(), null);
        String cookie = cookie(login, null);
        HttpResponse<String> signedIn = send(port, HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(account.email()) + "&password=" + encode(PASSWORD)
                        + "&_csrf=" + encode(csrf(login.body())))), cookie);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return cookie(signedIn, cookie);
    }

    private HttpResponse<String> page(int port, String path, String session) throws Exception {
        return send(port, HttpRequest.newBuilder(uri(port, path)).GET(), session);
    }

    /** A form post with the CSRF token of the page the form is on (the account page). */
    private HttpResponse<String> form(int port, String path, String session, String fields) throws Exception {
        String token = csrf(page(port, "/account", session).body());
        return send(port, HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString((fields.isEmpty() ? "" : fields + "&") + "_csrf=" + encode(token))),
                session);
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request, String session) throws Exception {
        if (session != null) {
            request.header("Cookie", "RECIPROCITY_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String cookie(HttpResponse<String> response, String otherwise) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find() && !m.group(1).isEmpty()) {
                return m.group(1);
            }
        }
        return otherwise;
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in %s", page.length() > 300 ? page.substring(0, 300) : page).isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
