package org.reciprocity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching weighs trust (issue 12, item 6): of two helpers the text cannot tell apart, the trusted one comes first, and says why. */
class MatchingTrustIntegrationTest extends TrustTestSupport {

    @Test
    void theTrustedOfTwoEqualHelpersComesFirstWithItsReason() throws Exception {
        Account admin = admin();
        Account vera = newAccount("Vera Seed");
        mvc.perform(apiPut("/api/v1/admin/members/" + vera.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk());
        Account trusted = newAccount("Tess Trusted");
        Account unknown = newAccount("Uma Unknown");
        for (Account helper : List.of(trusted, unknown)) {
            mvc.perform(apiPut("/api/v1/me/profile", helper.token(),
                    "{\"skills\": [\"Quasicrystal lattices\"], \"headline\": \"Quasicrystal lattices\"}")).andExpect(status().isOk());
        }
        // the same history in the text index: two favors each, but only Tess's helped someone who is trusted
        Account nobody = newAccount("Ned Nobody");
        confirmedGift(trusted, vera, 4, 30);
        confirmedGift(trusted, vera, 3, 20);
        confirmedGift(unknown, nobody, 4, 30);
        confirmedGift(unknown, nobody, 3, 20);
        finishedRun(admin);

        Account asker = newAccount("Asa Asker");
        String ask = JsonPath.read(mvc.perform(apiPost("/api/v1/asks", asker.token(),
                        json("title", "Help with quasicrystal lattices", "details", "", "visibility", "COMMUNITY")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String matches = mvc.perform(apiGet("/api/v1/asks/" + ask + "/matches", asker.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(matches, "$.items[*].memberId");
        assertThat(ids).containsSubsequence(trusted.id(), unknown.id());
        List<String> reasons = JsonPath.read(matches, "$.items[0].reasons");
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("trusted by the people they helped"));
    }
}
