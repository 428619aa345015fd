package org.reciprocity.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.network.ConnectionRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A viewer sees exactly the fields the owner allowed them, in the JSON and the HTML alike (M2, N5).
 * Each field's value is a unique marker, so its absence from a response proves it was not leaked.
 */
class ProfileVisibilityIntegrationTest extends IntegrationTest {

    private static final String PROFILE = """
            {"headline": "PUBLIC-HEADLINE-marker",
             "bio": "PRIVATE-BIO-marker",
             "skills": ["COMMUNITY-SKILL-marker"],
             "location": "CONNECTIONS-LOCATION-marker",
             "industry": "PRIVATE-INDUSTRY-marker",
             "capacityPerMonth": 7,
             "visibility": {"headline": "PUBLIC", "bio": "PRIVATE", "skills": "COMMUNITY",
                            "location": "CONNECTIONS", "industry": "PRIVATE"}}
            """;

    @Autowired
    ConnectionRows connections;
    @Autowired
    MemberRows members;

    Account owner;
    Account stranger;

    @BeforeEach
    void ownerHasAProfileWithEveryKindOfVisibility() throws Exception {
        owner = newAccount("Owner");
        stranger = newAccount("Stranger");
        mvc.perform(apiPut("/api/v1/me/profile", owner.token(), PROFILE)).andExpect(status().isOk());
    }

    @Test
    void theOwnerSeesEveryFieldAndTheVisibilitySettings() throws Exception {
        mvc.perform(apiGet("/api/v1/me", owner.token()))
                .andExpect(jsonPath("$.bio").value("PRIVATE-BIO-marker"))
                .andExpect(jsonPath("$.location").value("CONNECTIONS-LOCATION-marker"))
                .andExpect(jsonPath("$.capacityPerMonth").value(7))
                .andExpect(jsonPath("$.visibility.bio").value("PRIVATE"))
                .andExpect(jsonPath("$.visibility.timeZone").value("CONNECTIONS"));
    }

    @Test
    void aMemberWhoIsNotConnectedSeesPublicAndCommunityFieldsOnlyInTheApi() throws Exception {
        mvc.perform(apiGet("/api/v1/members/" + owner.id(), stranger.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Owner"))
                .andExpect(jsonPath("$.headline").value("PUBLIC-HEADLINE-marker"))
                .andExpect(jsonPath("$.skills[0]").value("COMMUNITY-SKILL-marker"))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))))
                .andExpect(content().string(not(containsString("CONNECTIONS-LOCATION-marker"))))
                .andExpect(content().string(not(containsString("PRIVATE-INDUSTRY-marker"))))
                .andExpect(jsonPath("$.capacityPerMonth").doesNotExist())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.visibility").doesNotExist());
    }

    @Test
    void aMemberWhoIsNotConnectedSeesTheSameFieldsInThePage() throws Exception {
        mvc.perform(get("/members/" + owner.id()).with(signedIn(stranger)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PUBLIC-HEADLINE-marker")))
                .andExpect(content().string(containsString("COMMUNITY-SKILL-marker")))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))))
                .andExpect(content().string(not(containsString("CONNECTIONS-LOCATION-marker"))))
                .andExpect(content().string(not(containsString("PRIVATE-INDUSTRY-marker"))))
                .andExpect(content().string(not(containsString(owner.email()))));
    }

    @Test
    void aConnectionAlsoSeesConnectionsFieldsButNeverPrivateOnes() throws Exception {
        connections.connect(idOf(owner), idOf(stranger), Instant.now());
        mvc.perform(apiGet("/api/v1/members/" + owner.id(), stranger.token()))
                .andExpect(jsonPath("$.location").value("CONNECTIONS-LOCATION-marker"))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))));
        mvc.perform(get("/members/" + owner.id()).with(signedIn(stranger)))
                .andExpect(content().string(containsString("CONNECTIONS-LOCATION-marker")))
                .andExpect(content().string(not(containsString("PRIVATE-INDUSTRY-marker"))));
    }

    @Test
    void anAnonymousVisitorSeesOnlyPublicFields() throws Exception {
        mvc.perform(get("/members/" + owner.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PUBLIC-HEADLINE-marker")))
                .andExpect(content().string(not(containsString("COMMUNITY-SKILL-marker"))))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))))
                .andExpect(content().string(not(containsString("CONNECTIONS-LOCATION-marker"))));
    }

    @Test
    void anAdminSeesNoMoreThanAnyMember() throws Exception {
        mvc.perform(apiGet("/api/v1/members/" + owner.id(), admin().token()))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))))
                .andExpect(content().string(not(containsString("CONNECTIONS-LOCATION-marker"))))
                .andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void theMemberDirectoryShowsOnlyWhatEachViewerMaySee() throws Exception {
        mvc.perform(apiGet("/api/v1/members?limit=200", stranger.token()))
                .andExpect(content().string(containsString("PUBLIC-HEADLINE-marker")))
                .andExpect(content().string(not(containsString("PRIVATE-BIO-marker"))))
                .andExpect(content().string(not(containsString(owner.email()))));
    }

    @Test
    void anUnknownMemberIsNotFound() throws Exception {
        mvc.perform(apiGet("/api/v1/members/00000000-0000-0000-0000-000000000000", stranger.token()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(apiGet("/api/v1/members/1", stranger.token())).andExpect(status().isNotFound());
    }

    @Test
    void anonymousApiCallsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/members/" + owner.id()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    }

    @Test
    void badProfileInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", owner.token(), """
                        {"headline": "%s", "timeZone": "Mars/Olympus", "capacityPerMonth": 101,
                         "culture": "ATLANTIS", "openTo": ["NAPPING"],
                         "visibility": {"salary": "PUBLIC", "bio": "EVERYONE"}}
                        """.formatted("x".repeat(161))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(7))
                .andExpect(jsonPath("$.errors[?(@.field == 'timeZone')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'visibility.salary')]").exists());
        mvc.perform(apiGet("/api/v1/me", owner.token()))
                .andExpect(jsonPath("$.headline").value("PUBLIC-HEADLINE-marker"));
    }

    @Test
    void listFieldsAreTrimmedAndDeduplicated() throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", owner.token(), """
                        {"skills": [" Java ", "java", "", "Code review"], "openTo": ["mentoring", "FEEDBACK"],
                         "timeZone": "Europe/Berlin", "culture": "nordic"}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skills.length()").value(2))
                .andExpect(jsonPath("$.skills[0]").value("Java"))
                .andExpect(jsonPath("$.openTo.length()").value(2))
                .andExpect(jsonPath("$.culture").value("NORDIC"));
    }

    private long idOf(Account account) {
        return members.byPublicId(account.id()).orElseThrow().id();
    }

    /** A page request signed in as the account, as after the sign-in form. */
    private RequestPostProcessor signedIn(Account account) {
        Member m = members.byPublicId(account.id()).orElseThrow();
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(m.asCurrent(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + m.role().name()))));
    }

}
