package org.reciprocity.asks;

import java.time.Instant;
import java.time.LocalDate;

/** A member's promise to help with an ask by a date (A3). */
public record Pledge(long id, String publicId, long askId, long helperId, String note, LocalDate dueOn,
                     PledgeStatus status, String exchangeRef, Instant createdAt) {
}
