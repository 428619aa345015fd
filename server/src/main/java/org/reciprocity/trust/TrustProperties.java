package org.reciprocity.trust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * reciprocity.trust.*: when trust is recomputed in the background.
 *
 * @param every a run at least this often, when anything may have changed (default one hour)
 * @param afterConfirmations a run as soon as this many favors were confirmed since the last one started
 *     (default 100)
 */
@ConfigurationProperties("reciprocity.trust")
record TrustProperties(Duration every, int afterConfirmations) {

    TrustProperties {
        every = every == null ? Duration.ofHours(1) : every;
        afterConfirmations = afterConfirmations <= 0 ? 100 : afterConfirmations;
    }
}
