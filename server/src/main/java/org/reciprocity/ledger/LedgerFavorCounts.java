package org.reciprocity.ledger;

import java.util.Map;
import org.reciprocity.network.FavorCounts;
import org.springframework.stereotype.Component;

/** The ledger's answer to network's question: with whom does a member already exchange favors. */
@Component
class LedgerFavorCounts implements FavorCounts {

    private final ExchangeRows exchanges;

    LedgerFavorCounts(ExchangeRows exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public Map<Long, Integer> withContacts(long memberId) {
        return exchanges.countsWithContacts(memberId);
    }

    @Override
    public Map<Long, Integer> withMembers(long memberId) {
        return exchanges.countsWithMembers(memberId);
    }
}
