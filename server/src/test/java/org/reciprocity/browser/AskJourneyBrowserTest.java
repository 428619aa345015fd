package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Ask → matches → pledge → fulfil in a real browser, as the asker and as the helper. */
class AskJourneyBrowserTest extends BrowserTest {

    @Test
    void anAskShowsWhoCouldHelpAndTheHelperPledgesAndFulfils() throws Exception {
        String word = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).replaceAll("[0-9]", "x");
        Account ana = newAccount("Ana Asker");
        Account ben = newAccount("Ben Helper");
        mvc.perform(apiPut("/api/v1/me/profile", ben.token(),
                "{\"headline\": \"Bookkeeper\", \"skills\": [\"" + word + " bookkeeping\", \"Tax returns\"]}"));

        signIn(ana);
        browser.get(url("/asks"));
        browser.findElement(By.linkText("Ask for help")).click();
        browser.findElement(By.id("title")).sendKeys("x");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(browser.findElement(By.id("title-error")).getText()).contains("3 to 160 characters");
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Help with " + word + " bookkeeping for my shop");
        browser.findElement(By.id("tags")).sendKeys(word + ", bookkeeping");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        waitForUrl("?created");
        assertThat(browser.findElement(By.cssSelector("#matches li")).getText())
                .contains("Ben Helper").contains("skills: " + word + " bookkeeping");
        String askUrl = browser.getCurrentUrl().replace("?created", "");
        Browser.screenshot(browser, "ask-matches");
        signOut();

        signIn(ben);
        browser.get(url("/asks"));
        assertThat(browser.findElement(By.id("give-first")).getText()).contains("Help with " + word + " bookkeeping");
        browser.get(browser.findElement(By.xpath("//ol[@id='give-first']//a[contains(., '" + word + "')]"))
                .getAttribute("href"));
        assertThat(browser.getCurrentUrl()).isEqualTo(askUrl);
        WebElement due = browser.findElement(By.id("dueOn"));
        due.clear();
        browser.findElement(By.id("note")).sendKeys("I can look at your books on Saturday.");
        browser.findElement(By.cssSelector("#pledge-form button")).click();
        assertThat(browser.findElement(By.id("dueOn-error")).getText()).contains("by when");
        // the server's clock, which other tests may have moved on
        browser.findElement(By.id("dueOn")).sendKeys(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(5)
                .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        browser.findElement(By.cssSelector("#pledge-form button")).click();
        waitForUrl("?pledged");
        assertThat(browser.findElement(By.id("pledges")).getText()).contains("Ben Helper pledged").contains("pledged");
        browser.findElement(By.cssSelector("#pledges form[action$='/fulfil'] button")).click();
        waitForUrl("/exchanges/");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("pending");
        signOut();

        signIn(ana);
        browser.get(askUrl);
        assertThat(browser.findElement(By.id("pledges")).getText()).contains("Ben Helper").contains("fulfilled");
        Browser.screenshot(browser, "ask-pledges");
    }
}
