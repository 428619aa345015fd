package org.reciprocity.synthetic;

import org.reciprocity.core.ledger.ExchangeKind;

/**
 * An invented favor between two members of a {@link DemoWorld} (indexes into its member list),
 * recorded by the giver unless {@code recordedByReceiver}.
 *
 * @param outcome how the counterpart answered
 * @param thanks the receiver's thank-you note, or null
 * @param disputeReason the counterpart's reason when disputed
 */
public record SyntheticExchange(int giver, int receiver, boolean recordedByReceiver, ExchangeKind kind,
                                String description, int weight, int daysAgo, Outcome outcome, String thanks,
                                String disputeReason) {

    public enum Outcome {
        CONFIRMED,
        PENDING,
        DISPUTED
    }
}
