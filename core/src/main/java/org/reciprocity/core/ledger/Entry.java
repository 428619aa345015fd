package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One exchange as one member sees it.
 *
 * @param counterpart an opaque key of the other party (a member or a private contact)
 * @param countedSince the day it started to count: confirmation for members, recording for contacts
 * @param thanked whether the receiver wrote a thank-you (member exchanges only)
 * @param returnsId the exchange this one gives back, if the member named it (L7)
 */
public record Entry(long id, String counterpart, Direction direction, int weight, LocalDate occurredOn,
                    EntryStatus status, LocalDate countedSince, boolean thanked, Long returnsId) {

    public Entry {
        Objects.requireNonNull(counterpart, "counterpart");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(status, "status");
        if (weight < 1 || weight > 5) {
            throw new IllegalArgumentException("weight must be 1 to 5, was " + weight);
        }
        if (countedSince == null) {
            countedSince = occurredOn;
        }
    }

    public boolean isGiven() {
        return direction == Direction.GAVE;
    }

    /** Favors received from a member can be thanked in the app; contacts are thanked outside it. */
    public boolean isThankable() {
        return direction == Direction.RECEIVED && status == EntryStatus.CONFIRMED;
    }
}
