package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Every main page on a phone (390 px) and a laptop (1366 px): nothing wider than the window, and no critical or
 * serious accessibility violation that axe-core finds (issue 11, items 7 and 8). Screenshots of each page at
 * each width go to target/screenshots/pages.
 */
class MainPagesBrowserTest extends BrowserTest {

    static final int[] WIDTHS = {390, 1366};

    @Test
    void everyMainPageFitsAPhoneAndALaptopAndPassesAxe() throws Exception {
        Account admin = admin();
        Account bo = newAccount("Bo Pages");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            String favor = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", admin.token(), json("direction",
                            i == 1 ? "RECEIVED" : "GAVE", "counterpartMemberId", bo.id(), "kind", "ADVICE",
                            "description", "A long description of the advice, to see that long words wrap: "
                                    + "supercalifragilisticexpialidocious-and-some-more-text", "weight", 3,
                            "occurredOn", today.minusDays(10 + 30 * i).toString())))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(apiPost("/api/v1/exchanges/" + favor + "/confirm", bo.token(), "")).andExpect(status().isOk());
        }
        String contact = null;
        for (int i = 0; i < 12; i++) {
            String created = mvc.perform(apiPost("/api/v1/contacts", admin.token(), json("name", "Contact With A Rather Long Name " + i,
                    "company", "Company " + i, "tier", i % 2 == 0 ? "CLOSE" : "UNTRACKED", "email", "c" + i + "@example.org",
                    "notes", "Met at the harbour conference"))).andExpect(status().isCreated()).andReturn().getResponse()
                    .getContentAsString();
            contact = contact == null ? JsonPath.read(created, "$.id") : contact;
        }
        mvc.perform(apiPost("/api/v1/asks", admin.token(), json("title", "Looking for advice on cold-chain logistics",
                "details", "We ship vaccines across the region and need someone who has done it.")))
                .andExpect(status().is2xxSuccessful());

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("agenda", "/agenda");
        pages.put("losing-touch", "/losing-touch");
        pages.put("ledger", "/ledger");
        pages.put("record", "/ledger/record");
        pages.put("relationship", "/ledger/members/" + bo.id());
        pages.put("asks", "/asks");
        pages.put("ask-new", "/asks/new");
        pages.put("network", "/network");
        pages.put("contacts", "/contacts");
        pages.put("contact", "/contacts/" + contact);
        pages.put("contact-edit", "/contacts/" + contact + "/edit");
        pages.put("import", "/contacts/import");
        pages.put("introductions", "/introductions");
        pages.put("members", "/members");
        pages.put("member", "/members/" + bo.id());
        pages.put("profile", "/members/" + admin.id());
        pages.put("profile-edit", "/profile/edit");
        pages.put("account", "/account");
        pages.put("admin", "/admin");
        pages.put("admin-reports", "/admin/reports");
        pages.put("admin-trust", "/admin/trust");

        List<String> problems = new ArrayList<>();
        signIn(admin);
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(url(page.getValue()));
                check(page.getKey(), width, problems);
            }
        }
        // the navigation folds on a phone and opens without JavaScript
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(url("/ledger"));
        assertThat(browser.findElement(By.cssSelector("header.site a[href='/contacts']")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label[for=nav-toggle]")).click();
        assertThat(browser.findElement(By.cssSelector("header.site a[href='/contacts']")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "pages/menu-open-390");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForUrl("signedOut");
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String path : List.of("/login", "/signup")) {
                browser.get(url(path));
                check(path.substring(1), width, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void check(String name, int width, List<String> problems) throws Exception {
        Browser.screenshot(browser, "pages/" + name + "-" + width);
        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long windowWidth = (Long) browser.executeScript("return window.innerWidth");
        if (scrollWidth > windowWidth) {
            problems.add(name + " at " + width + " px is " + scrollWidth + " px wide");
        }
        for (String violation : Browser.seriousViolations(browser)) {
            problems.add(name + " at " + width + " px: " + violation);
        }
    }
}
