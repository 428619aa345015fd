package org.reciprocity.trust;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The vetted members who, with the active admins, seed trust: kept by admins, and by the demo for its community. */
@Component
public class SeedSet {

    /** An admin vetted a member or stopped vetting them: the audit log keeps it (published in the change's transaction). */
    public record VettingChanged(long adminId, long memberId, boolean vetted) {}

    private final TrustRows rows;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SeedSet(TrustRows rows, Clock clock, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.rows = rows;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    /** Vets the member ({@code byAdmin} null when no admin did, as for the demo); vetting twice is vetting. */
    public void vet(long memberId, Long byAdmin) {
        tx.executeWithoutResult(status -> {
            if (rows.vet(memberId, byAdmin, clock.instant()) && byAdmin != null) {
                events.publishEvent(new VettingChanged(byAdmin, memberId, true));
            }
        });
    }

    public void unvet(long memberId, long byAdmin) {
        tx.executeWithoutResult(status -> {
            if (rows.unvet(memberId)) {
                events.publishEvent(new VettingChanged(byAdmin, memberId, false));
            }
        });
    }

    public boolean isVetted(long memberId) {
        return rows.isVetted(memberId);
    }

    public List<Long> vettedIds() {
        return rows.vettedIds();
    }
}
