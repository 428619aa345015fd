package org.reciprocity.core.ledger;

import java.util.List;

/**
 * A member's whole ledger: each relationship's balance, most recent first, and the overall
 * give/take ratio (given / received, decayed), absent while nothing has been received.
 */
public record LedgerSummary(List<RelationshipBalance> relationships, double totalGiven, double totalReceived) {

    public Double giveTakeRatio() {
        if (totalReceived == 0) {
            return null;
        }
        return Math.round(totalGiven / totalReceived * 100) / 100.0;
    }
}
