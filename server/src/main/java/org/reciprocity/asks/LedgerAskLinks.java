package org.reciprocity.asks;

import java.util.List;
import org.reciprocity.ledger.AskLinks;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.Network;
import org.springframework.stereotype.Component;

/** Answers the ledger's question about the ask an exchange names. */
@Component
class LedgerAskLinks implements AskLinks {

    private final PostingRows postings;
    private final MemberRows members;
    private final ConnectionRows connections;
    private final Network network;

    LedgerAskLinks(PostingRows postings, MemberRows members, ConnectionRows connections, Network network) {
        this.postings = postings;
        this.members = members;
        this.connections = connections;
        this.network = network;
    }

    /**
     * The ask must be one of the two parties' and one the recorder may see: naming an ask shown to
     * connections only must neither work for a stranger nor tell them it exists.
     */
    @Override
    public boolean postedByEither(String askPublicId, long member, Long other) {
        return postings.byPublicId(askPublicId)
                .filter(p -> p.kind() == PostingKind.ASK)
                .filter(p -> p.ownerId() == member || other != null && p.ownerId() == other)
                .filter(p -> Asks.Readers.of(member, network.blockedEitherWay(member), List.of(p), members, connections).canSee(p))
                .isPresent();
    }
}
