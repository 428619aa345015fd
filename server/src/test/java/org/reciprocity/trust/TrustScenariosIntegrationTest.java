package org.reciprocity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * Scenarios 1 and 3 of PRODUCT.md end to end, through the API and the pages: the generous entrepreneur's
 * generosity and trust are high, nothing is flagged and her dashboard shows how value came back; the consultant
 * with a hidden agenda is made to mark his offer commercial and his peers' disputes keep his trust down.
 */
class TrustScenariosIntegrationTest extends TrustTestSupport {

    @Test
    void theGenerousEntrepreneur() throws Exception {
        Account admin = admin();
        Account vera = newAccount("Vera Vouched");
        mvc.perform(apiPut("/api/v1/admin/members/" + vera.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                .andExpect(status().isOk());
        Account amara = newAccount("Amara Generous");
        List<Account> helped = new ArrayList<>(List.of(vera));
        for (int i = 0; i < 5; i++) {
            helped.add(newAccount("Helped " + i));
        }
        // she helps six members without asking, half a year ago; they pass help on and, months later, it comes back
        for (int i = 0; i < helped.size(); i++) {
            confirmedGift(amara, helped.get(i), 3, 200 - i * 5);
            // and they help each other along (Vera, the vetted one, helps the first of them)
            confirmedGift(helped.get(i), helped.get(i % 5 + 1), 2, 150 - i * 5);
        }
        setCapacity(amara, 4);
        Account friend = newAccount("Friend Of A Friend");
        confirmedGift(helped.get(2), friend, 3, 120);
        for (String back : List.of(confirmedGift(friend, amara, 4, 30), confirmedGift(helped.get(3), amara, 4, 20))) {
            mvc.perform(apiPost("/api/v1/exchanges/" + back + "/thanks", amara.token(), json("note", "Thank you!")))
                    .andExpect(status().isCreated());
        }
        finishedRun(admin);

        Account reader = newAccount("Reader One");
        String reputation = mvc.perform(apiGet("/api/v1/members/" + amara.id() + "/reputation", reader.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the test database's seeds (every test's vetted members and admins) hold much of the trust, so "high" is
        // her place among the members rather than a multiple of their average
        assertThat(JsonPath.<Double>read(reputation, "$.trust")).isPositive();
        assertThat(JsonPath.<Double>read(reputation, "$.trustPercentile")).isGreaterThanOrEqualTo(75);
        assertThat(JsonPath.<Double>read(reputation, "$.generosity")).isGreaterThanOrEqualTo(75);
        mvc.perform(apiGet("/api/v1/health", amara.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.flags", hasSize(0)));
        mvc.perform(apiGet("/api/v1/me/circled-back", amara.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].favors[1].to.memberId", hasItem(friend.id())))
                .andExpect(jsonPath("$.items[*].favors[0].to.memberId", hasItem(helped.get(3).id())));

        MockHttpSession browser = pageSession(amara);
        mvc.perform(get("/ledger").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Value that circled back")))
                .andExpect(content().string(containsString("Friend Of A Friend helped you")));
        mvc.perform(get("/members/" + amara.id()).session(pageSession(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2>Reputation</h2>")))
                .andExpect(content().string(containsString("More than")));
    }

    @Test
    void theConsultantWithAHiddenAgenda() throws Exception {
        Account admin = admin();
        Account victor = newAccount("Victor Workshop");
        String pitch = json("title", "Free workshop: scale your revenue",
                "details", "Limited time offer! Book a call today to unlock exclusive pricing and guaranteed results.");
        mvc.perform(apiPost("/api/v1/offers", victor.token(), pitch)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("commercial"));
        mvc.perform(apiPost("/api/v1/offers", victor.token(), pitch.replace("}", ",\"commercial\":true}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.warnings").isArray());
        // he claims to have helped five peers with his workshop; each disputes it
        Account peerHelper = newAccount("Peer Helper");
        for (int i = 0; i < 5; i++) {
            Account peer = newAccount("Peer " + i);
            if (i == 0) { // a peer the admins vouch for: trust reaches those who help her
                mvc.perform(apiPut("/api/v1/admin/members/" + peer.id() + "/vetted", admin.token(), "{\"vetted\": true}"))
                        .andExpect(status().isOk());
            }
            String claim = record(victor, "GAVE", peer, 5, 10 + i);
            mvc.perform(apiPost("/api/v1/exchanges/" + claim + "/dispute", peer.token(),
                    json("reason", "It was a sales call, not help"))).andExpect(status().isOk());
            confirmedGift(peerHelper, peer, 2, 5 + i);
        }
        finishedRun(admin);

        Account reader = newAccount("Reader Three");
        String his = mvc.perform(apiGet("/api/v1/members/" + victor.id() + "/reputation", reader.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String helper = mvc.perform(apiGet("/api/v1/members/" + peerHelper.id() + "/reputation", reader.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Double>read(his, "$.trustPercentile")).as("below the community median").isLessThan(50);
        assertThat(JsonPath.<Double>read(his, "$.trust")).as("below the peer who really helped")
                .isLessThan(JsonPath.<Double>read(helper, "$.trust"));
        mvc.perform(apiGet("/api/v1/members/" + victor.id() + "/reputation", victor.token()))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("5 of your claims were disputed"))));
        mvc.perform(get("/members/" + victor.id() + "/reputation").session(pageSession(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Victor Workshop has no trust yet")));
    }
}
