package org.reciprocity.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the distribution's packages, driven without any download: the driver and
 * browser paths are given explicitly. CI installs both; elsewhere, without them, browser tests are skipped.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static ChromeDriver start() throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String missing = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
        // on a developer's machine a missing browser skips these tests; in CI it fails the run
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + ", and CI=true: browser tests must run.");
        }
        Assumptions.assumeTrue(installed, missing);
        Path profile = Files.createTempDirectory("reciprocity-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1200,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path file = Path.of("target", "screenshots").resolve(name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core, vendored from npm (src/test/resources/axe), read once. */
    private static String axe;

    /**
     * The critical and serious accessibility violations axe-core finds on the page the browser shows, one line
     * each: the rule, what it asks, and the elements that break it.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver driver) throws IOException {
        if (axe == null) {
            try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                        + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }
}
