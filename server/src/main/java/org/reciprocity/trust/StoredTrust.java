package org.reciprocity.trust;

import java.util.Collection;
import java.util.Map;
import org.reciprocity.asks.HelperTrust;
import org.springframework.stereotype.Component;

/** Matching's view of trust: the stored scores, never a computation. */
@Component
class StoredTrust implements HelperTrust {

    private final TrustRows rows;

    StoredTrust(TrustRows rows) {
        this.rows = rows;
    }

    @Override
    public Map<Long, Double> relativeTrustOf(Collection<Long> memberIds) {
        return rows.relativeScores(memberIds);
    }
}
