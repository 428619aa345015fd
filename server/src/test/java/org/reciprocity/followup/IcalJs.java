package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mozilla's ical.js, run through node: a second iCalendar parser, independent of ical4j, for the feed
 * tests. It is installed from npm into target/icaljs on first use; a machine that cannot install it
 * skips the check with the reason, except under CI=true, where that fails the test.
 */
final class IcalJs {

    /** Pinned, so a new ical.js cannot change what the test checks unnoticed. */
    static final String VERSION = "2.2.1";
    private static final Path DIR = Path.of("target", "icaljs").toAbsolutePath();
    private static final Path SCRIPT = DIR.resolve("parse.mjs");

    private IcalJs() {
    }

    /** What ical.js read from {@code calendar}: the JSON printed by icaljs/parse.mjs. */
    static synchronized String parse(byte[] calendar) throws Exception {
        ensureInstalled();
        Path input = Files.createTempFile(DIR, "feed-", ".ics");
        Path errors = Files.createTempFile(DIR, "feed-", ".err");
        try {
            Files.write(input, calendar);
            Process node;
            try {
                node = new ProcessBuilder("node", SCRIPT.toString(), input.toString()).directory(DIR.toFile())
                        .redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw unavailable("node could not be started (is Node.js installed?): " + e.getMessage());
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("ical.js did not finish parsing within 60 s");
            }
            if (node.exitValue() != 0) {
                fail("ical.js refused the feed (exit " + node.exitValue() + "): " + Files.readString(errors));
            }
            return out;
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }

    private static void ensureInstalled() throws Exception {
        Files.createDirectories(DIR);
        try (InputStream script = IcalJs.class.getResourceAsStream("/icaljs/parse.mjs")) {
            Files.copy(script, SCRIPT, StandardCopyOption.REPLACE_EXISTING);
        }
        if (installed()) {
            return;
        }
        String why;
        try {
            Path log = DIR.resolve("npm-install.log");
            // --prefer-offline: an npm cache that has it is enough, so a developer offline can still run it
            Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", DIR.toString(), "--no-save",
                    "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "ical.js@" + VERSION))
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                why = "npm install ical.js@" + VERSION + " took more than 180 s";
            } else {
                why = "npm install ical.js@" + VERSION + " exited with " + npm.exitValue() + ": " + Files.readString(log);
            }
        } catch (IOException e) {
            why = "npm could not be started (is Node.js installed?): " + e.getMessage();
        }
        if (installed()) {
            return;
        }
        throw unavailable("ical.js " + VERSION + " is not in " + DIR + " and could not be installed. " + why);
    }

    /** Offline a developer's run goes on without the second parser; CI's must not. */
    private static RuntimeException unavailable(String why) {
        String message = "The feed was not checked with ical.js: " + why;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return new IllegalStateException("unreachable");
    }

    private static boolean installed() throws IOException {
        Path pkg = DIR.resolve("node_modules").resolve("ical.js").resolve("package.json");
        return Files.exists(pkg) && Files.readString(pkg).contains("\"version\": \"" + VERSION + "\"");
    }
}
