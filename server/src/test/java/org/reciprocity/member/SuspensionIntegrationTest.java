package org.reciprocity.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.DisabledException;

/** An admin suspends a member and lifts it (X3): sign-in, sessions, tokens and the directory follow. */
class SuspensionIntegrationTest extends IntegrationTest {

    @Test
    void aSuspendedMemberIsSignedOutCannotSignInOrUseTokensAndIsNotFoundUntilTheSuspensionIsLifted() throws Exception {
        Account admin = admin();
        Account dan = newAccount("Dan Suspended");
        Account other = newAccount("Olga Onlooker");
        MockHttpSession browser = pageSession(dan);

        mvc.perform(apiPost("/api/v1/admin/members/" + dan.id() + "/suspend", admin.token(), "{\"reason\": \"Spam in asks\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.reason").value("Spam in asks"))
                .andExpect(jsonPath("$.memberId").value(dan.id()));

        mvc.perform(apiGet("/api/v1/me", dan.token())).andExpect(status().isUnauthorized());
        mvc.perform(get("/account").session(browser)).andExpect(redirectedUrlPattern("/login?*"));
        // the sign-in form forwards to its failure page with the reason: the account is disabled, not a bad password
        mvc.perform(post("/login").with(csrf()).with(fromNewAddress()).param("email", dan.email()).param("password", PASSWORD))
                .andExpect(forwardedUrl("/login/failed"))
                .andExpect(request().attribute("org.reciprocity.security.SecurityConfig.loginFailure",
                        instanceOf(DisabledException.class)));
        mvc.perform(post("/api/v1/tokens").with(fromNewAddress()).header("Authorization", basic(dan.email(), PASSWORD))
                        .contentType("application/json").content("{\"name\": \"again\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(apiGet("/api/v1/members/" + dan.id(), other.token())).andExpect(status().isNotFound());

        // a repeated request answers the suspension as it stands, with its first reason
        mvc.perform(apiPost("/api/v1/admin/members/" + dan.id() + "/suspend", admin.token(), "{\"reason\": \"again\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("Spam in asks"));

        mvc.perform(apiPost("/api/v1/admin/members/" + dan.id() + "/unsuspend", admin.token(), "{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(apiGet("/api/v1/me", dan.token())).andExpect(status().isOk());
        mvc.perform(apiGet("/api/v1/members/" + dan.id(), other.token())).andExpect(status().isOk());
        mvc.perform(apiPost("/api/v1/admin/members/" + dan.id() + "/unsuspend", admin.token(), "{}"))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAnAdminSuspendsWithAReasonAndNeverThemself() throws Exception {
        Account admin = admin();
        Account eve = newAccount("Eve Member");
        Account target = newAccount("Tom Target");
        mvc.perform(apiPost("/api/v1/admin/members/" + target.id() + "/suspend", eve.token(), "{\"reason\": \"dislike\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/admin/members/" + target.id() + "/unsuspend", eve.token(), "{}"))
                .andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/admin/members/" + target.id() + "/suspend", admin.token(), "{\"reason\": \"  \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(apiPost("/api/v1/admin/members/" + target.id() + "/suspend", admin.token(),
                        "{\"reason\": \"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(apiPost("/api/v1/admin/members/no-such-member/suspend", admin.token(), "{\"reason\": \"spam\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(apiPost("/api/v1/admin/members/" + admin.id() + "/suspend", admin.token(), "{\"reason\": \"oops\"}"))
                .andExpect(status().isConflict());
        mvc.perform(apiGet("/api/v1/me", target.token())).andExpect(status().isOk());
    }

    @Test
    void theAdminPageSuspendsByEmailShowsTheListAndLiftsIt() throws Exception {
        Account fay = newAccount("Fay Listed");
        MockHttpSession adminPage = pageSession(new Account(null, ADMIN_EMAIL, null));
        mvc.perform(post("/admin/suspensions").session(adminPage).with(csrf()).param("member", "nobody@example.org")
                        .param("reason", "spam"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"member-error\"")))
                .andExpect(content().string(containsString("value=\"nobody@example.org\"")));
        mvc.perform(post("/admin/suspensions").session(adminPage).with(csrf()).param("member", fay.email().toUpperCase())
                        .param("reason", "Fake <b>profile</b>"))
                .andExpect(redirectedUrl("/admin?suspended"));
        mvc.perform(get("/admin").session(adminPage))
                .andExpect(content().string(containsString("Fay Listed")))
                .andExpect(content().string(containsString("Fake &lt;b&gt;profile&lt;/b&gt;")))
                .andExpect(content().string(containsString("/admin/suspensions/" + fay.id() + "/lift")));
        mvc.perform(post("/admin/suspensions/" + fay.id() + "/lift").session(adminPage).with(csrf()))
                .andExpect(redirectedUrl("/admin?lifted"));
        mvc.perform(get("/admin").session(adminPage))
                .andExpect(content().string(not(containsString("/admin/suspensions/" + fay.id() + "/lift"))));
        mvc.perform(apiGet("/api/v1/me", fay.token())).andExpect(status().isOk());
    }
}
