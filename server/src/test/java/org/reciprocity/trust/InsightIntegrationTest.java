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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The community dashboard (issue 12, item 8): computed with trust in the background, read by admins only, on the
 * API and as a page of ECharts charts with tables.
 */
class InsightIntegrationTest extends TrustTestSupport {

    @Test
    void theDashboardCountsReciprocityCyclesAndRelationshipsAtRiskForAdminsOnly() throws Exception {
        Account admin = admin();
        Account ada = newAccount("Ada Insight");
        Account bea = newAccount("Bea Insight");
        Account cal = newAccount("Cal <b>Insight</b>");
        Account dee = newAccount("Dee Insight");
        // a time-respecting cycle Ada → Bea → Cal → Ada, and Cal giving Dee a dozen favors with nothing back
        confirmedGift(ada, bea, 3, 30);
        confirmedGift(bea, cal, 3, 20);
        confirmedGift(cal, ada, 3, 10);
        for (int i = 0; i < 12; i++) {
            confirmedGift(cal, dee, 2, 40 + i);
        }
        finishedRun(admin);

        mvc.perform(apiGet("/api/v1/admin/insight", ada.token())).andExpect(status().isForbidden());
        String body = mvc.perform(apiGet("/api/v1/admin/insight", admin.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.computedAt").isNotEmpty())
                .andExpect(jsonPath("$.giveTakeDistribution", hasSize(7)))
                .andExpect(jsonPath("$.growth", hasSize(12)))
                .andExpect(jsonPath("$.atRisk[*].giver.memberId", hasItem(cal.id())))
                .andReturn().getResponse().getContentAsString();
        // JSON numbers in exponent notation (a small density) are read as BigDecimal: read every one as a Number
        double r = JsonPath.<Number>read(body, "$.reciprocity.r").doubleValue();
        double weighted = JsonPath.<Number>read(body, "$.reciprocity.weighted").doubleValue();
        double density = JsonPath.<Number>read(body, "$.reciprocity.density").doubleValue();
        double rho = JsonPath.<Number>read(body, "$.reciprocity.rho").doubleValue();
        assertThat(r).isBetween(0.0, 1.0);
        assertThat(weighted).isBetween(0.0, 1.0);
        assertThat(rho).isCloseTo((r - density) / (1 - density), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(JsonPath.<Integer>read(body, "$.cycles3")).isPositive();
        List<Integer> buckets = JsonPath.read(body, "$.giveTakeDistribution[*].members");
        assertThat(buckets.stream().mapToInt(Integer::intValue).sum()).isEqualTo(JsonPath.<Integer>read(body, "$.activeMembers"));

        mvc.perform(get("/admin/insight").session(pageSession(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Community dashboard")))
                .andExpect(content().string(containsString("data-chart=\"")))
                .andExpect(content().string(containsString("/webjars/echarts/dist/echarts.min.js")))
                .andExpect(content().string(containsString("Cal &lt;b&gt;Insight&lt;/b&gt;")));
        mvc.perform(get("/admin/insight").session(pageSession(ada))).andExpect(status().isForbidden());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/charts.js")).andExpect(status().isOk());
    }
}
