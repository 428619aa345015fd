package org.reciprocity.asks;

import org.reciprocity.ledger.AskLinks;
import org.springframework.stereotype.Component;

/** Answers the ledger's question about the ask an exchange names. */
@Component
class LedgerAskLinks implements AskLinks {

    private final Postings postings;

    LedgerAskLinks(Postings postings) {
        this.postings = postings;
    }

    @Override
    public boolean postedByEither(String askPublicId, long member, Long other) {
        return postings.byPublicId(askPublicId)
                .filter(p -> p.kind() == PostingKind.ASK)
                .filter(p -> p.ownerId() == member || other != null && p.ownerId() == other)
                .isPresent();
    }
}
