package org.reciprocity.ledger;

import org.reciprocity.member.OnboardingStep;
import org.springframework.stereotype.Component;

/** The checklist's "Record a first favor": the ledger is what the advice is built from. */
@Component
class FirstFavorStep implements OnboardingStep {

    private final ExchangeRows exchanges;

    FirstFavorStep(ExchangeRows exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public Step of(long memberId) {
        return new Step(4, "Record a first favor", "A favor you gave or received, confirmed by the other side: whom to "
                + "thank, whom to help and which relationships are one-sided all come from these.", "/ledger/record",
                exchanges.anyOf(memberId));
    }
}
