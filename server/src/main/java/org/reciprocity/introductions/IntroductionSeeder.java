package org.reciprocity.introductions;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes demo introductions, waiting for the answers of the two introduced. */
@Component
public class IntroductionSeeder {

    private final IntroductionRows rows;

    IntroductionSeeder(IntroductionRows rows) {
        this.rows = rows;
    }

    public void propose(long introducer, long first, long second, String reason, Instant now) {
        rows.insert(introducer, first, second, reason, now);
    }
}
