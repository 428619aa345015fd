package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The community dashboard's charts draw in a real browser under the page's content security policy. */
class InsightBrowserTest extends BrowserTest {

    @Test
    void theDashboardDrawsEveryChart() throws Exception {
        Account admin = admin();
        Account ada = newAccount("Ada Chart");
        Account bo = newAccount("Bo Chart");
        for (int i = 0; i < 4; i++) {
            String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", ada.token(), json("direction", "GAVE",
                            "counterpartMemberId", bo.id(), "kind", "ADVICE", "description", "advice", "weight", 3,
                            "occurredOn", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(10 + i).toString())))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", bo.token(), "")).andExpect(status().isOk());
        }
        String run = JsonPath.read(mvc.perform(apiPost("/api/v1/admin/trust/recompute", admin.token(), ""))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"DONE".equals(JsonPath.read(mvc.perform(apiGet("/api/v1/admin/trust/recompute/" + run, admin.token()))
                .andReturn().getResponse().getContentAsString(), "$.status"))) {
            assertThat(System.nanoTime()).as("trust computed within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }

        signIn(admin);
        browser.get(url("/admin/insight"));
        int charts = browser.findElements(By.cssSelector("[data-chart]")).size();
        assertThat(charts).as("give and take, top givers, at risk, growth").isEqualTo(4);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("[data-chart] canvas")).size() == charts);
        Browser.screenshot(browser, "admin-insight");
    }
}
