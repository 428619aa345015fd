package org.reciprocity.asks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes demo asks, offers, opportunities and pledges (the demo's plan comes from core). */
@Component
public class AsksSeeder {

    public record Seed(long ownerId, PostingKind kind, String title, String details, List<String> tags,
                       boolean connectionsOnly, boolean commercial, LocalDate expiresOn) {}

    public record PledgeSeed(int posting, long helperId, String note, LocalDate dueOn) {}

    private final PostingRows postings;
    private final PledgeRows pledges;

    AsksSeeder(PostingRows postings, PledgeRows pledges) {
        this.postings = postings;
        this.pledges = pledges;
    }

    public void seed(List<Seed> seeds, List<PledgeSeed> pledgeSeeds, Instant now) {
        List<Posting> created = new ArrayList<>();
        for (Seed s : seeds) {
            created.add(postings.insert(new PostingRows.Draft(s.ownerId(), s.kind(), s.title(), s.details(), s.tags(),
                    s.connectionsOnly() ? PostingVisibility.CONNECTIONS : PostingVisibility.COMMUNITY, s.commercial(),
                    s.expiresOn()), now));
        }
        for (PledgeSeed p : pledgeSeeds) {
            pledges.insert(created.get(p.posting()).id(), p.helperId(), p.note(), p.dueOn(), now);
        }
    }
}
