package org.reciprocity.ledger;

import org.reciprocity.core.ledger.ExchangeKind;

/**
 * The record-a-favor form as the page shows it. The counterpart is one select whose values are
 * {@code member:<id>} or {@code contact:<id>}, so a person picks from one list.
 */
public record RecordForm(String direction, String counterpart, String kind, String description, String weight,
                         String occurredOn, String returnsExchangeId) {

    public static RecordForm blank(String counterpart, String today) {
        return new RecordForm("GAVE", counterpart, ExchangeKind.ADVICE.name(), "", "2", today, null);
    }

    static RecordForm of(LedgerViews.ExchangeView e) {
        String counterpart = e.counterpart().memberId() != null ? "member:" + e.counterpart().memberId()
                : "contact:" + e.counterpart().contactId();
        return new RecordForm(e.direction().name(), counterpart, e.kind().name(), e.description(),
                Integer.toString(e.weight()), e.occurredOn().toString(), e.returnsExchangeId());
    }

    RecordExchange toRequest() {
        String member = counterpart != null && counterpart.startsWith("member:") ? counterpart.substring(7) : null;
        String contact = counterpart != null && counterpart.startsWith("contact:") ? counterpart.substring(8) : null;
        Integer parsedWeight;
        try {
            parsedWeight = weight == null ? null : Integer.valueOf(weight.strip());
        } catch (NumberFormatException e) {
            parsedWeight = null;
        }
        return new RecordExchange(direction, member, contact, kind, description, parsedWeight, occurredOn, null,
                returnsExchangeId == null || returnsExchangeId.isBlank() ? null : returnsExchangeId);
    }

    public boolean is(String field, String value) {
        String actual = switch (field) {
            case "direction" -> direction;
            case "counterpart" -> counterpart;
            case "kind" -> kind;
            case "weight" -> weight;
            default -> null;
        };
        return value.equals(actual);
    }
}
