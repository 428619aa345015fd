package org.reciprocity.trust;

import java.time.Instant;
import java.util.List;

/**
 * A member's reputation as a viewer may see it (T1, T2; API "GET /api/v1/members/{id}/reputation"): trust as a
 * multiple of the average member's and as a percentile, generosity as a percentile, reliability as the Beta
 * mean of pledges kept and lapsed, gratitude as the share of favors received that were thanked; null where
 * there is nothing to say yet. {@code explanation} says it in sentences; {@code details} gives the counts.
 */
public record ReputationView(String memberId, String displayName, Double trust, Double trustPercentile, Double generosity,
                             double reliability, Double gratitude, List<String> explanation, Instant computedAt,
                             ReputationDetails details) {

    public record ReputationDetails(TrustDetails trust, ReliabilityDetails reliability, GratitudeDetails gratitude,
                          GenerosityDetails generosity) {}

    /** {@code vettedShare}: of the member's trust, the share from vetted members and admins (0 to 1). */
    public record TrustDetails(Double vettedShare, List<TrustContributor> contributors) {}

    /** A truster the viewer may see, and the share of the member's trust that comes from them (0 to 1). */
    public record TrustContributor(String memberId, String displayName, double share) {

        /** The share as the explanation writes it ("96%", "1.2%"). */
        public String sharePercent() {
            return Reputations.percent(100 * share);
        }
    }

    public record ReliabilityDetails(int kept, int lapsed, String formula) {}

    public record GratitudeDetails(int received, int thanked, Double medianDaysToThank) {}

    /** {@code decayedGiving}: the member's confirmed giving, each favor's weight halved every year of its age. */
    public record GenerosityDetails(Double decayedGiving) {}
}
