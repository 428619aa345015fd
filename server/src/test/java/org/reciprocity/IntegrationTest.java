package org.reciprocity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.reciprocity.member.MemberRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one Spring context all integration tests share (one context start per database), with a real
 * port for HTTP and browser tests, MockMvc for the rest, and a clock tests can move.
 */
// The whole suite calls from one address, so the rate limits are raised out of its way (a test's own
// @DynamicPropertySource comes before these: RateLimitIntegrationTest sets small ones in a context of its own).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reciprocity.data-dir=target/test-data", "reciprocity.matching.index-dir=", "logging.level.org.reciprocity=warn",
                "reciprocity.limits.api.reads-per-minute=1000000", "reciprocity.limits.api.writes-per-minute=1000000",
                "reciprocity.limits.api.address-reads-per-minute=1000000",
                "reciprocity.limits.api.address-writes-per-minute=1000000",
                "reciprocity.limits.unsolicited-favors-per-day=100000",
                "reciprocity.limits.unsolicited-pending-per-member=100000",
                "reciprocity.limits.postings-per-day=100000"})
@AutoConfigureMockMvc
@Import({TestClock.class, MockMvcSessions.class})
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String ADMIN_EMAIL = "admin@reciprocity.test";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
        // background jobs stay out of the way: tests run the dispatcher and the digest themselves
        registry.add("reciprocity.webhooks.poll", () -> "PT24H");
        registry.add("reciprocity.mail.digest-check", () -> "PT24H");
        // trust is recomputed when a test asks (TrustIntegrationTest runs the due check itself)
        registry.add("reciprocity.trust.first-check", () -> "PT24H");
        registry.add("reciprocity.trust.check-every", () -> "PT24H");
        registry.add("reciprocity.trust.after-confirmations", () -> "2");
        // a second loopback address stands for a reverse proxy (SignInThrottleIntegrationTest)
        registry.add("reciprocity.trusted-proxies", () -> "127.0.0.2");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private MemberRows members;

    @LocalServerPort
    protected int port;

    /** The first account of a community is its admin: make sure that is the test admin. */
    @BeforeEach
    void firstAccountIsTheTestAdmin() throws Exception {
        if (members.count() == 0) {
            signUp(ADMIN_EMAIL, "Test Admin");
        }
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A distinct client address per call, so per-address limits of one test do not affect another. */
    protected static RequestPostProcessor fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Signs up through the API and returns the new member's id. */
    protected String signUp(String email, String displayName) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/accounts").with(fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("email", email, "password", PASSWORD, "displayName", displayName)))
                .andReturn();
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("sign-up failed: " + result.getResponse().getContentAsString());
        }
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    /** A personal access token for the account. */
    protected String tokenFor(String email) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/tokens").with(fromNewAddress())
                        .header("Authorization", basic(email, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json("name", "test")))
                .andReturn();
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("token creation failed: " + result.getResponse().getContentAsString());
        }
        return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
    }

    /** Signs in through the page form and returns the session, for page tests with MockMvc. */
    protected org.springframework.mock.web.MockHttpSession pageSession(Account account) throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(fromNewAddress()).param("email", account.email()).param("password", PASSWORD))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"))
                .andReturn().getRequest().getSession();
    }

    /** A new member with a token: what most tests start from. */
    protected Account newAccount(String name) throws Exception {
        String email = uniqueEmail(name.toLowerCase().replace(' ', '-'));
        String id = signUp(email, name);
        return new Account(id, email, tokenFor(email));
    }

    /** One admin token per database: each call of tokenFor issues a token, and a member may hold only so many. */
    private static final java.util.Map<String, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    protected Account admin() throws Exception {
        String cached = ADMIN_TOKENS.get(TestDatabases.kind());
        boolean valid = cached != null
                && mvc.perform(apiGet("/api/v1/me", cached)).andReturn().getResponse().getStatus() == 200;
        String token = valid ? cached : tokenFor(ADMIN_EMAIL);
        ADMIN_TOKENS.put(TestDatabases.kind(), token);
        String id = JsonPath.read(mvc.perform(apiGet("/api/v1/me", token)).andReturn().getResponse().getContentAsString(), "$.id");
        return new Account(id, ADMIN_EMAIL, token);
    }

    public record Account(String id, String email, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    protected static MockHttpServletRequestBuilder apiGet(String path, String token) {
        return get(path).header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    protected static MockHttpServletRequestBuilder apiPost(String path, String token, String body) {
        return post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static MockHttpServletRequestBuilder apiPut(String path, String token, String body) {
        return put(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A real HTTP client against the running server, without cookies unless given a cookie manager. */
    protected HttpClient httpClient(java.net.CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        return (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    /** One request over real HTTP: goes through the servlet container, its error pages and cookie settings. */
    protected HttpResponse<String> http(HttpClient client, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> http(String method, String path, String body, String... headers) throws Exception {
        return http(httpClient(null), method, path, body, headers);
    }

    /**
     * Runs {@code request} on {@code threads} threads released at the same moment, and returns each
     * answer's status: the race tests' tool.
     */
    protected java.util.List<Integer> concurrently(int threads, java.util.function.IntFunction<MockHttpServletRequestBuilder> request)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(request.apply(n)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A JSON object from alternating names and values (strings are quoted and escaped). */
    protected static String json(Object... namesAndValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(namesAndValues[i]).append("\":");
            Object v = namesAndValues[i + 1];
            b.append(v instanceof String s ? quote(s) : String.valueOf(v));
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
