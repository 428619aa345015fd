package org.reciprocity.ledger;

import java.time.Instant;
import java.time.LocalDate;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.NotFound;

/**
 * One row of the ledger. It knows who its parties are and guards its own transitions: only the
 * counterpart answers a pending entry, only the receiver thanks, only the recorder corrects.
 * Everyone else is told it does not exist.
 */
record Exchange(long id, String publicId, Long recorderId, Long counterpartId, Long contactId, Direction direction,
                ExchangeKind kind, String description, int weight, LocalDate occurredOn, ExchangeStatus status,
                String askRef, Long returnsId, Long supersedesId, Long supersededById, String disputeReason,
                Instant createdAt, Instant statusChangedAt) {

    static NotFound notFound() {
        return new NotFound("You have no exchange with this id.");
    }

    boolean isRecorder(long memberId) {
        return recorderId != null && recorderId == memberId;
    }

    boolean isCounterpart(long memberId) {
        return counterpartId != null && counterpartId == memberId;
    }

    boolean isParty(long memberId) {
        return isRecorder(memberId) || isCounterpart(memberId);
    }

    boolean isCurrent() {
        return supersededById == null;
    }

    /** Which way the favor went for this member (a party). */
    Direction directionFor(long memberId) {
        return isRecorder(memberId) ? direction : direction.opposite();
    }

    /** The member who gave the favor, when that is a member. */
    Long giverId() {
        return direction == Direction.GAVE ? recorderId : counterpartId;
    }

    /** The member who received the favor, when that is a member. */
    Long receiverId() {
        return direction == Direction.RECEIVED ? recorderId : counterpartId;
    }

    /** Checks that {@code memberId} may confirm or dispute; throws what the API answers otherwise. */
    void checkAnswerableBy(long memberId) {
        if (!isParty(memberId)) {
            throw notFound();
        }
        if (isRecorder(memberId)) {
            throw new Forbidden("You recorded this exchange; only the other member can confirm or dispute it.");
        }
        if (!isCurrent()) {
            throw new Conflict("This entry was corrected; answer the correction instead.");
        }
        if (status != ExchangeStatus.PENDING) {
            throw new Conflict("This exchange is already " + status.name().toLowerCase() + ".");
        }
    }

    void checkThankableBy(long memberId) {
        if (!isParty(memberId)) {
            throw notFound();
        }
        if (receiverId() == null || receiverId() != memberId) {
            throw new Forbidden("Only the member who received a favor can thank for it.");
        }
        if (status != ExchangeStatus.CONFIRMED || !isCurrent()) {
            throw new Conflict("Only a confirmed favor can be thanked; this one is " + status.name().toLowerCase()
                    + (isCurrent() ? "." : " and was corrected."));
        }
    }

    void checkCorrectableBy(long memberId) {
        if (!isParty(memberId)) {
            throw notFound();
        }
        if (!isRecorder(memberId)) {
            throw new Forbidden("Only the member who recorded an exchange can correct it; dispute it instead.");
        }
        if (!isCurrent()) {
            throw new Conflict("This entry was already corrected; correct the latest version.");
        }
    }
}
