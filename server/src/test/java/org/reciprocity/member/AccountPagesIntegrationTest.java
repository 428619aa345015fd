package org.reciprocity.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;

class AccountPagesIntegrationTest extends IntegrationTest {

    @Test
    void signingUpOnThePageSignsTheMemberInAndOpensTheProfileEditor() throws Exception {
        String email = uniqueEmail("page-signup");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/signup").with(csrf()).with(fromNewAddress())
                        .param("email", email).param("displayName", "Page Person").param("password", PASSWORD))
                .andExpect(redirectedUrl("/profile/edit?welcome"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/profile/edit").param("welcome", "").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Welcome!")))
                .andExpect(content().string(containsString("value=\"Page Person\"")));
    }

    @Test
    void signUpErrorsAreShownBesideTheirFieldsAndTheFormKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/signup").with(csrf()).with(fromNewAddress())
                        .param("email", "typed@example.org").param("displayName", "Typed Name").param("password", "password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"password-error\"")))
                .andExpect(content().string(containsString("most common")))
                .andExpect(content().string(containsString("value=\"typed@example.org\"")))
                .andExpect(content().string(not(containsString("value=\"password\""))));
    }

    @Test
    void profileErrorsAreShownBesideTheFieldAndNothingIsSaved() throws Exception {
        Account member = newAccount("Form Errors");
        MockHttpSession session = pageSession(member);
        mvc.perform(post("/profile/edit").session(session).with(csrf())
                        .param("displayName", "Form Errors").param("headline", "Kept headline")
                        .param("capacityPerMonth", "lots").param("timeZone", "Nowhere/Land"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"capacityPerMonth-error\"")))
                .andExpect(content().string(containsString("Enter a whole number")))
                .andExpect(content().string(containsString("value=\"Kept headline\"")));
        mvc.perform(apiGet("/api/v1/me", member.token()))
                .andExpect(content().string(not(containsString("Kept headline"))));
    }

    @Test
    void aSavedProfileShowsOnTheMemberPageWithItsVisibility() throws Exception {
        Account member = newAccount("Page Editor");
        MockHttpSession session = pageSession(member);
        mvc.perform(post("/profile/edit").session(session).with(csrf())
                        .param("displayName", "Renamed Editor").param("headline", "Designer of calm interfaces")
                        .param("skills", "Figma, Accessibility, figma").param("openTo", "MENTORING")
                        .param("visibility.headline", "PRIVATE").param("capacityPerMonth", "3"))
                .andExpect(redirectedUrl("/members/" + member.id() + "?saved"));
        mvc.perform(get("/members/" + member.id()).session(session))
                .andExpect(content().string(containsString("Renamed Editor")))
                .andExpect(content().string(containsString("Designer of calm interfaces")))
                .andExpect(content().string(containsString("3 favors a month")))
                .andExpect(content().string(containsString("Mentoring")));
        mvc.perform(get("/members/" + member.id()))
                .andExpect(content().string(not(containsString("Designer of calm interfaces"))));
        mvc.perform(apiGet("/api/v1/me", member.token()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.skills.length()").value(2));
        // the header shows the new name straight away
        mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Renamed Editor")));
    }

    @Test
    void whatMembersTypeIsEscapedInPages() throws Exception {
        Account member = newAccount("Escaper");
        mvc.perform(apiPut("/api/v1/me/profile", member.token(),
                "{\"headline\": \"<script>alert('x')</script>\", \"visibility\": {\"headline\": \"PUBLIC\"}}"));
        String html = mvc.perform(get("/members/" + member.id())).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void tokensAreCreatedOnTheAccountPageShownOnceAndRevokedWithHtmx() throws Exception {
        Account member = newAccount("Page Tokens");
        MockHttpSession session = pageSession(member);
        String page = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "laptop script"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown only this once")))
                .andReturn().getResponse().getContentAsString();
        String token = page.replaceAll("(?s).*<code class=\"secret\">(rcp_[^<]+)</code>.*", "$1");
        mvc.perform(apiGet("/api/v1/me", token)).andExpect(status().isOk());
        var newest = java.util.regex.Pattern.compile("action=\"/account/tokens/([^/]+)/revoke\"").matcher(page);
        assertThat(newest.find()).isTrue();
        String tokenId = newest.group(1);
        mvc.perform(get("/account").session(session)).andExpect(content().string(not(containsString(token))));
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").session(session).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revoked.")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(apiGet("/api/v1/me", token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theAdminSwitchesSignUpToInviteOnlyAndCreatesInviteLinksOnThePage() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(fromNewAddress())
                .param("email", ADMIN_EMAIL).param("password", PASSWORD)).andReturn().getRequest().getSession();
        try {
            mvc.perform(post("/admin/signup-mode").session(admin).with(csrf()).param("mode", "INVITE_ONLY"))
                    .andExpect(redirectedUrl("/admin?saved"));
            mvc.perform(get("/signup")).andExpect(content().string(containsString("invite-only")));
            mvc.perform(post("/admin/invites").session(admin).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("/signup?invite=")));
        } finally {
            mvc.perform(post("/admin/signup-mode").session(admin).with(csrf()).param("mode", "OPEN"));
        }
    }

}
