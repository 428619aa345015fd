package org.reciprocity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class SecurityIntegrationTest extends IntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    // --- CSRF -------------------------------------------------------------------------------

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        Account member = newAccount("Csrf");
        MockHttpSession session = signIn(member.email(), PASSWORD);
        mvc.perform(post("/profile/edit").session(session).param("displayName", "Hijacked"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").session(session).param("name", "stolen")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("email", member.email()).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/profile/edit").session(session).with(csrf()).param("displayName", "Legit"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theApiNeedsNoCsrfTokenBecauseItIsAuthenticatedByBearerTokens() throws Exception {
        Account member = newAccount("Api Csrf");
        mvc.perform(apiPut("/api/v1/me/profile", member.token(), "{\"headline\": \"via API\"}"))
                .andExpect(status().isOk());
    }

    // --- headers on every kind of response ---------------------------------------------------

    @Test
    void securityHeadersAreOnEveryKindOfResponse() throws Exception {
        Account member = newAccount("Headers");
        HttpClient browser = signedInBrowser(member.email());
        List<HttpResponse<String>> responses = List.of(
                http("GET", "/", null),
                http("GET", "/login", null),
                http("GET", "/css/app.css", null),
                http("GET", "/webjars/htmx.org/dist/htmx.min.js", null),
                http(browser, "GET", "/no-such-page", null),
                http("GET", "/account", null),
                http("GET", "/api/v1/me", null),
                http("GET", "/api/v1/me", null, "Authorization", member.bearer()),
                http("GET", "/api/v1/no-such-thing", null, "Authorization", member.bearer()),
                http("POST", "/api/v1/accounts", "{", "Content-Type", "application/json"),
                http("POST", "/login", "email=x&password=y", "Content-Type", "application/x-www-form-urlencoded"),
                http("GET", "/v3/api-docs", null),
                http("GET", "/actuator/health", null));
        assertThat(responses).extracting(HttpResponse::statusCode)
                .containsExactly(200, 200, 200, 200, 404, 302, 401, 200, 404, 400, 403, 200, 200);
        for (HttpResponse<String> r : responses) {
            String where = r.request().method() + " " + r.uri().getPath() + " (" + r.statusCode() + ")";
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(where)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(where).hasValue("same-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
        }
    }

    @Test
    void anUnknownPageIsAFriendlyHtmlPageForMembersAndASignInForVisitors() throws Exception {
        Account member = newAccount("Lost Member");
        HttpResponse<String> r = http(signedInBrowser(member.email()), "GET", "/no-such-page", null, "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("There is nothing at this address").contains("Sign out");
        assertThat(http("GET", "/no-such-page", null).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    // --- sign-in throttling ------------------------------------------------------------------

    /** The back-offs these tests start must not slow the tests that come after them. */
    @org.junit.jupiter.api.AfterEach
    void letTheBackOffsRunOut() {
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void fiveFailuresFromOneAddressAreFreeThenItWaitsBeforeTheNextAttempt() throws Exception {
        RequestPostProcessor address = fromNewAddress();
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/api/v1/tokens").with(address).header("Authorization", basic(uniqueEmail("spray"), "guess " + i)))
                    .andExpect(status().isUnauthorized());
        }
        Account member = newAccount("Victim Of Spray");
        mvc.perform(post("/api/v1/tokens").with(address).header("Authorization", basic(member.email(), PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("/problems/rate-limited"))
                .andExpect(jsonPath("$.retryAfterSeconds").isNumber());
        // the same account from another address is not affected
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(member.email(), PASSWORD)))
                .andExpect(status().isCreated());
        // and after the wait, that address may try again
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(post("/api/v1/tokens").with(address).header("Authorization", basic(member.email(), PASSWORD)))
                .andExpect(status().isCreated());
    }

    @Test
    void failuresAgainstOneAccountSlowItDownButNeverForAnHour() throws Exception {
        Account member = newAccount("Targeted");
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(member.email(), "guess " + i)))
                    .andExpect(status().isUnauthorized());
        }
        // the attacker cannot keep trying at full speed
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(member.email(), "guess 7")))
                .andExpect(status().isTooManyRequests());
        // the page refuses the same way, with a message and the wait
        HttpResponse<String> page = submitSignIn(httpClient(new CookieManager()), member.email(), PASSWORD);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many failed sign-in attempts");
        // the wait grows with each failure, up to fifteen minutes, never an hour-long lock
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(16));
            mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(member.email(), "again " + i)))
                    .andExpect(status().isUnauthorized());
        }
        String retryAfter = mvc.perform(post("/api/v1/tokens").with(fromNewAddress())
                        .header("Authorization", basic(member.email(), PASSWORD)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(800L, 900L);
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(member.email(), PASSWORD)))
                .andExpect(status().isCreated());
    }

    @Test
    void theSignInPageSaysTheSameForAnUnknownEmailAndAWrongPassword() throws Exception {
        Account member = newAccount("Page Same");
        HttpResponse<String> wrong = submitSignIn(httpClient(new CookieManager()), member.email(), "not it at all");
        HttpResponse<String> unknown = submitSignIn(httpClient(new CookieManager()), "nobody-" + member.email(), "not it at all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The e-mail address or password is not right.")
                .contains("value=\"" + member.email() + "\"");
        String ignoringFormValues = "(value|hx-headers)=\"[^\"]*\"";
        assertThat(unknown.body().replaceAll(ignoringFormValues, ""))
                .isEqualTo(wrong.body().replaceAll(ignoringFormValues, ""));
    }

    // --- sessions ----------------------------------------------------------------------------

    @Test
    void signingInGivesANewHttpOnlySameSiteSessionCookie() throws Exception {
        Account member = newAccount("Cookie");
        HttpClient client = httpClient(new CookieManager());
        String before = sessionCookie(http(client, "GET", "/login", null));
        HttpResponse<String> signedIn = submitSignIn(client, member.email(), PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("RECIPROCITY_SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(setCookie.substring(0, setCookie.indexOf(';'))).isNotEqualTo(before);
        assertThat(http(client, "GET", "/account", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActiveItIs() throws Exception {
        Account member = newAccount("Long Session");
        MockHttpSession session = signIn(member.email(), PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofHours(11));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void changingThePasswordSignsOutTheMembersOtherSessions() throws Exception {
        Account member = newAccount("Two Browsers");
        MockHttpSession laptop = signIn(member.email(), PASSWORD);
        MockHttpSession phone = signIn(member.email(), PASSWORD);
        mvc.perform(post("/account/password").session(laptop).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "another fine passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Every other session")));
        mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        Account member = newAccount("Leaver");
        MockHttpSession session = signIn(member.email(), PASSWORD);
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
    }

    // --- roles -------------------------------------------------------------------------------

    @Test
    void onlyAdminsReachCommunitySettings() throws Exception {
        Account member = newAccount("Not Admin");
        mvc.perform(apiGet("/api/v1/admin/settings", member.token()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(apiPost("/api/v1/admin/invites", member.token(), "{}")).andExpect(status().isForbidden());
        mvc.perform(get("/admin").session(signIn(member.email(), PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(apiGet("/actuator/prometheus", member.token())).andExpect(status().isForbidden());
        mvc.perform(apiGet("/api/v1/admin/settings", admin().token())).andExpect(status().isOk());
        mvc.perform(get("/admin").session(signIn(ADMIN_EMAIL, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void anInviteOnlyCommunityAcceptsEachInviteLinkOnce() throws Exception {
        Account admin = admin();
        mvc.perform(apiPut("/api/v1/admin/settings", admin.token(), "{\"signupMode\": \"INVITE_ONLY\"}"))
                .andExpect(jsonPath("$.signupMode").value("INVITE_ONLY"));
        try {
            mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType("application/json")
                            .content(json("email", uniqueEmail("uninvited"), "password", PASSWORD, "displayName", "Uninvited")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("invite-only")));
            String invite = mvc.perform(apiPost("/api/v1/admin/invites", admin.token(), "{}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.url").value(containsString("/signup?invite=")))
                    .andReturn().getResponse().getContentAsString();
            String code = com.jayway.jsonpath.JsonPath.read(invite, "$.code");
            mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType("application/json")
                            .content(json("email", uniqueEmail("invited"), "password", PASSWORD, "displayName", "Invited",
                                    "inviteCode", code)))
                    .andExpect(status().isCreated());
            mvc.perform(post("/api/v1/accounts").with(fromNewAddress()).contentType("application/json")
                            .content(json("email", uniqueEmail("second"), "password", PASSWORD, "displayName", "Second",
                                    "inviteCode", code)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("inviteCode"));
            mvc.perform(get("/signup").param("invite", code))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"invite\"")));
        } finally {
            mvc.perform(apiPut("/api/v1/admin/settings", admin.token(), "{\"signupMode\": \"OPEN\"}"));
        }
    }

    private MockHttpSession signIn(String email, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                        .param("email", email).param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
    }

    /** Loads the sign-in page for its CSRF token, then submits the form, as a browser would. */
    private HttpResponse<String> submitSignIn(HttpClient client, String email, String password) throws Exception {
        HttpResponse<String> form = http(client, "GET", "/login", null);
        return http(client, "POST", "/login",
                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrfFrom(form.body()),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private HttpClient signedInBrowser(String email) throws Exception {
        HttpClient client = httpClient(new CookieManager());
        assertThat(submitSignIn(client, email, PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static String csrfFrom(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RECIPROCITY_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }
}
