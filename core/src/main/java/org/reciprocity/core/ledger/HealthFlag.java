package org.reciprocity.core.ledger;

/**
 * A warning about a ledger, with the reason in words a person understands and what to do about it.
 *
 * @param counterpart the relationship it concerns, or null when it concerns the member as a whole
 */
public record HealthFlag(FlagType type, String counterpart, String reason, String suggestion) {
}
