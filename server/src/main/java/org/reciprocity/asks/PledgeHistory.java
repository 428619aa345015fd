package org.reciprocity.asks;

import java.util.List;
import org.springframework.stereotype.Component;

/** What other features may know of a member's pledges: how many they kept and let lapse. */
@Component
public class PledgeHistory {

    private final PledgeRows pledges;

    PledgeHistory(PledgeRows pledges) {
        this.pledges = pledges;
    }

    public PledgeRecord of(long helperId) {
        return pledges.records(List.of(helperId)).getOrDefault(helperId, PledgeRecord.NONE);
    }
}
