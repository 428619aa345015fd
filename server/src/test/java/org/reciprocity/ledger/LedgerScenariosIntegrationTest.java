package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios of PRODUCT.md that concern the ledger, through the API. */
class LedgerScenariosIntegrationTest extends LedgerTestSupport {

    @Test
    void theBusinessThatOnlyAsksIsOverTakingAndEachCounterpartSeesAOneSidedRelationship() throws Exception {
        Account business = newAccount("Quickgrow Ltd");
        List<Account> helpers = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Account helper = newAccount("Helper " + h);
            helpers.add(helper);
            for (int favor = 0; favor < 3; favor++) {
                confirmedGift(helper, business, 4, 200 - favor * 60 - h);
            }
        }
        String businessHealth = health(business);
        assertThat(JsonPath.<List<String>>read(businessHealth, "$.flags[*].type")).contains("OVER_TAKING");
        assertThat(JsonPath.<Double>read(businessHealth, "$.giveTakeRatio")).isZero();
        assertThat(JsonPath.<List<String>>read(businessHealth, "$.flags[?(@.type == 'OVER_TAKING')].suggestion").get(0))
                .contains("Give before you ask again");
        for (Account helper : helpers) {
            String helperHealth = health(helper);
            assertThat(JsonPath.<List<String>>read(helperHealth,
                    "$.flags[?(@.type == 'ONE_SIDED')].counterpart.memberId")).containsExactly(business.id());
            assertThat(JsonPath.<List<String>>read(helperHealth, "$.flags[?(@.type == 'ONE_SIDED')].suggestion").get(0))
                    .contains("boundary");
            assertThat(JsonPath.<List<String>>read(helperHealth, "$.flags[?(@.type == 'ONE_SIDED')].counterpart.displayName"))
                    .containsExactly("Quickgrow Ltd");
        }
    }

    @Test
    void theOverGiverIsWarnedOfBurnout() throws Exception {
        Account helen = newAccount("Helen Overgiver");
        setCapacity(helen, 3);
        for (int i = 0; i < 6; i++) {
            Account receiver = newAccount("Receiver " + i);
            String id = record(helen, "GAVE", receiver, 3, 2 + i * 4);
            if (i % 2 == 0) {
                confirm(receiver, id);
            }
        }
        mvc.perform(apiGet("/api/v1/health", helen.token()))
                .andExpect(jsonPath("$.flags[0].type").value("OVER_GIVING"))
                .andExpect(jsonPath("$.flags[0].reason").value(org.hamcrest.Matchers.containsString("6 favors in the last 30 days")))
                .andExpect(jsonPath("$.flags[0].suggestion").value(org.hamcrest.Matchers.containsString("Pause giving")));
    }

    @Test
    void theGenerousEntrepreneurWhoseGivingCameBackHasNoFlag() throws Exception {
        Account amara = newAccount("Amara Generous");
        setCapacity(amara, 4);
        List<Account> helped = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Account member = newAccount("Helped " + i);
            helped.add(member);
            confirmedGift(amara, member, 3, 300 - i * 25);
        }
        for (int i = 0; i < 4; i++) {
            String back = confirmedGift(helped.get(i), amara, 3, 40 - i * 5);
            mvc.perform(apiPost("/api/v1/exchanges/" + back + "/thanks", amara.token(), json("note", "Thank you!")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        }
        String health = health(amara);
        assertThat(JsonPath.<List<Object>>read(health, "$.flags")).isEmpty();
        assertThat(JsonPath.<Double>read(health, "$.giveTakeRatio")).isGreaterThan(1.0);
    }
}
