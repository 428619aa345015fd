package org.reciprocity.trust;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** The vetted members who, with the active admins, seed trust: kept by admins, and by the demo for its community. */
@Component
public class SeedSet {

    private final TrustRows rows;
    private final Clock clock;

    SeedSet(TrustRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Vets the member ({@code byAdmin} null when no admin did, as for the demo); vetting twice is vetting. */
    public void vet(long memberId, Long byAdmin) {
        rows.vet(memberId, byAdmin, clock.instant());
    }

    public void unvet(long memberId) {
        rows.unvet(memberId);
    }

    public boolean isVetted(long memberId) {
        return rows.isVetted(memberId);
    }

    public List<Long> vettedIds() {
        return rows.vettedIds();
    }
}
