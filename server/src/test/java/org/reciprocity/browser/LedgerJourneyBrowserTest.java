package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Record → confirm → thank in a real browser; the answers go through htmx and replace only their row. */
class LedgerJourneyBrowserTest extends BrowserTest {

    @Test
    void recordAFavorTheCounterpartConfirmsAndThanksAndTheGiverSeesTheNote() throws Exception {
        Account ana = newAccount("Ana Giver");
        Account ben = newAccount("Ben Receiver");

        signIn(ana);
        browser.get(url("/members/" + ben.id()));
        browser.findElement(By.linkText("Record a favor")).click();
        assertThat(browser.findElement(By.xpath("//input[@name='counterpart' and @checked]/.."))
                .getText()).contains("Ben Receiver");
        browser.findElement(By.cssSelector("input[name=direction][value=GAVE]")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("INTRODUCTION");
        browser.findElement(By.id("description")).sendKeys("Introduced Ben to a hiring manager");
        browser.findElement(By.cssSelector("input[name=weight][value='4']")).click();
        browser.findElement(By.cssSelector("form.card button[type=submit]:not([formmethod])")).click();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Ben Receiver is asked to confirm");
        String exchangeUrl = browser.getCurrentUrl().replace("?recorded", "");
        signOut();

        signIn(ben);
        browser.get(url("/ledger"));
        assertThat(browser.findElement(By.id("inbox-heading")).getText()).contains("(1)");
        browser.findElement(By.cssSelector("section[aria-labelledby=inbox-heading] form[action$='/confirm'] button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.answered"), "Confirmed."));
        assertThat(browser.getCurrentUrl()).endsWith("/ledger");

        browser.get(url("/ledger"));
        browser.findElement(By.cssSelector("section[aria-labelledby=thanks-heading] textarea"))
                .sendKeys("Thank you, the interview went well!");
        Browser.screenshot(browser, "ledger-thank");
        browser.findElement(By.cssSelector("section[aria-labelledby=thanks-heading] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.answered"), "Thanked."));
        signOut();

        signIn(ana);
        browser.get(exchangeUrl);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("confirmed");
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("the interview went well");
        browser.get(url("/ledger"));
        assertThat(browser.findElement(By.id("relationships-heading")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).contains("Ben Receiver");
        Browser.screenshot(browser, "ledger-dashboard");
    }
}
