package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A newcomer's first minutes, in a real browser: sign up, fill the profile, see it as others do, sign out. */
class AccountJourneyBrowserTest extends BrowserTest {

    @Test
    void signUpEditTheProfileSeeItOnThePublicPageAndSignOut() throws Exception {
        String email = uniqueEmail("browser");
        browser.get(url("/"));
        browser.findElement(By.linkText("Join the community")).click();

        browser.findElement(By.id("displayName")).sendKeys("Ada Browser");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("at least 8");

        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        waitForUrl("/profile/edit");
        assertThat(browser.getCurrentUrl()).contains("/profile/edit");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Welcome");

        type("headline", "Analytical engines and the people who build them");
        type("bio", "I turn loose ideas into working notes.");
        type("skills", "Mathematics, Technical writing");
        type("location", "London, United Kingdom");
        new Select(browser.findElement(By.id("visibility-location"))).selectByValue("PRIVATE");
        browser.findElement(By.cssSelector("input[name=openTo][value=MENTORING]")).click();
        type("capacityPerMonth", "4");
        Browser.screenshot(browser, "profile-edit");
        browser.findElement(By.cssSelector("form.profile-form button[type=submit]")).click();
        waitForUrl("?saved");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ada Browser");
        assertThat(browser.findElement(By.id("location")).getText()).isEqualTo("London, United Kingdom");
        String profileUrl = browser.getCurrentUrl().replace("?saved", "");
        Browser.screenshot(browser, "member-own-view");

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForUrl("signedOut");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("signed out");

        browser.get(profileUrl);
        assertThat(browser.findElement(By.cssSelector(".headline")).getText())
                .isEqualTo("Analytical engines and the people who build them");
        assertThat(browser.findElements(By.id("location"))).isEmpty();
        assertThat(browser.findElements(By.id("skills"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("London, United Kingdom");
        Browser.screenshot(browser, "member-public-view");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
