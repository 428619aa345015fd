package org.reciprocity.ledger;

/**
 * A favor to record, as the API and the page submit it. Enumerations and the date are text here so
 * that a wrong value is answered with 422 and the rule it breaks, not a parse error.
 */
public record RecordExchange(String direction, String counterpartMemberId, String contactId, String kind,
                             String description, Integer weight, String occurredOn, String askId,
                             String returnsExchangeId) {
}
