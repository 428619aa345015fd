package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reciprocity.IntegrationTest;

/** A fresh headless Chromium per test, against the running server, with the steps every journey shares. */
abstract class BrowserTest extends IntegrationTest {

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected void signIn(Account account) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(account.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        // a click on submit does not wait for the next page; wait for the navigation before checking where it went
        // (an expired session first lands on /login?expired, which is not yet the next page)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).endsWith("/");
    }

    /** Waits for a navigation a click started to land on a URL containing {@code part}. */
    protected void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

    protected void signOut() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForUrl("signedOut");
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
