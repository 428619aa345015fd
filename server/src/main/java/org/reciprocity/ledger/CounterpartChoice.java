package org.reciprocity.ledger;

/** One entry of the record form's counterpart select: {@code member:<id>} or {@code contact:<id>}, and a label. */
public record CounterpartChoice(String value, String label) {
}
