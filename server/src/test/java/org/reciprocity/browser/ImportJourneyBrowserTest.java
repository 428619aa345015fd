package org.reciprocity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Importing a large LinkedIn export in a real browser: the progress bar fills in place until the import is done. */
class ImportJourneyBrowserTest extends BrowserTest {

    @Test
    void importALinkedInExportAndWatchTheProgressBar() throws Exception {
        Account me = newAccount("Browser Importer");
        Path file = Files.createTempFile("Connections", ".csv");
        StringBuilder csv = new StringBuilder("Notes:\n\"Some e-mail addresses may be missing.\"\n\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("Person,Number").append(i).append(",https://www.linkedin.com/in/n").append(i)
                    .append(",,Company ").append(i % 97).append(",Analyst,").append(1 + i % 28).append(" Jan 2025\n");
        }
        csv.append(",,,,,,\n");
        Files.writeString(file, csv);

        signIn(me);
        browser.get(url("/contacts"));
        browser.findElement(By.linkText("Import contacts")).click();
        browser.findElement(By.cssSelector("input[name=format][value=LINKEDIN_CSV]")).click();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form[action='/contacts/import'] button")).click();

        waitForUrl("/contacts/imports/");
        assertThat(browser.getCurrentUrl()).contains("/contacts/imports/");
        assertThat(browser.findElement(By.id("progress-bar")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "import-progress");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("20000 new contacts");
        assertThat(browser.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector(".import-errors")).getText()).contains("Line 20005");
        Browser.screenshot(browser, "import-done");
        Files.deleteIfExists(file);
    }
}
