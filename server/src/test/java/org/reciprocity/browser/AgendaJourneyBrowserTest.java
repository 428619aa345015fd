package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Agenda → done → snooze → log an interaction, in a real browser. */
class AgendaJourneyBrowserTest extends BrowserTest {

    @Test
    void itemsCanBeDoneSnoozedAndAnInteractionClearsAKeepInTouch() throws Exception {
        Account ana = newAccount("Ana Agenda");
        Account ben = newAccount("Ben Agenda");
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "Carla Inner", "tier", "INNER_CIRCLE")));
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), json("name", "Dan Inner", "tier", "INNER_CIRCLE")));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        mvc.perform(apiPost("/api/v1/interactions", ana.token(), json("memberId", ben.id(), "type", "MEETING",
                "occurredOn", today.toString())));
        clock.advance(Duration.ofDays(15));

        signIn(ana);
        browser.get(url("/agenda"));
        assertThat(browser.findElements(By.cssSelector("#agenda li[data-type]"))).hasSize(3);
        assertThat(browser.findElement(By.id("agenda")).getText())
                .contains("Follow up").contains("Ben Agenda").contains("Keep in touch").contains("Carla Inner");
        Browser.screenshot(browser, "agenda");

        browser.findElement(By.cssSelector("#agenda li[data-type=FOLLOW_UP] form[action$='/done'] button")).click();
        waitForUrl("done=done");
        assertThat(browser.findElement(By.id("agenda")).getText()).doesNotContain("Follow up");

        browser.findElement(By.cssSelector("#agenda li[data-type=KEEP_IN_TOUCH] button[name=days][value='1']")).click();
        waitForUrl("done=snoozed");
        assertThat(browser.findElements(By.cssSelector("#agenda li[data-type]"))).hasSize(1);

        // the person picker: type part of the name, htmx shows who matches, choose one
        String who = browser.findElement(By.id("agenda")).getText().contains("Carla Inner") ? "Carla Inner" : "Dan Inner";
        browser.findElement(By.id("person-q")).sendKeys(who.substring(0, 5));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.id("person-choices"), who));
        browser.findElement(By.xpath("//div[@id='person-choices']//label[contains(., '" + who + "')]/input")).click();
        new Select(browser.findElement(By.id("type"))).selectByValue("CALL");
        browser.findElement(By.cssSelector("#log-form button[type=submit]:not([formmethod])")).click();
        waitForUrl("done=logged");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("timer starts again");
        assertThat(browser.findElements(By.cssSelector("#agenda li[data-type]"))).isEmpty();

        clock.advance(Duration.ofDays(1));
        signIn(ana); // a day later the session has timed out
        browser.get(url("/agenda"));
        assertThat(browser.findElements(By.cssSelector("#agenda li[data-type=KEEP_IN_TOUCH]"))).as("snooze is over").hasSize(1);
        browser.get(url("/losing-touch"));
        assertThat(browser.findElement(By.id("standings")).getText()).contains("past ideal");
        Browser.screenshot(browser, "losing-touch");
    }
}
