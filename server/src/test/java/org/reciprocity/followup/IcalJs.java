package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.reciprocity.NodePackages;

/**
 * Mozilla's ical.js, run through node: a second iCalendar parser, independent of ical4j, for the feed
 * tests, installed from npm on first use ({@link NodePackages}).
 */
final class IcalJs {

    /** Pinned, so a new ical.js cannot change what the test checks unnoticed. */
    static final String VERSION = "2.2.1";

    private IcalJs() {
    }

    /** What ical.js read from {@code calendar}: the JSON printed by icaljs/parse.mjs. */
    static synchronized String parse(byte[] calendar) throws Exception {
        Path dir = NodePackages.install("ical.js", VERSION);
        Path script = dir.resolve("parse.mjs");
        try (InputStream in = IcalJs.class.getResourceAsStream("/icaljs/parse.mjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path input = Files.createTempFile(dir, "feed-", ".ics");
        try {
            Files.write(input, calendar);
            NodePackages.Run run = NodePackages.node(dir, 60, script.toString(), input.toString());
            if (run.exit() != 0) {
                fail("ical.js refused the feed (exit " + run.exit() + "): " + run.err());
            }
            return run.out();
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
