package org.reciprocity.trust;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.security.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's reputation (T1, T2), as the member's profile visibility allows. */
@RestController
@Tag(name = "Reputation")
class ReputationApi {

    private final Reputations reputations;

    ReputationApi(Reputations reputations) {
        this.reputations = reputations;
    }

    @GetMapping("/api/v1/members/{id}/reputation")
    @Operation(summary = "A member's trust and reputation signals, explained",
            description = "trust: a multiple of the average member's trust; trustPercentile and generosity: the share of "
                    + "members below, 0-100; reliability: (kept + 1) / (kept + lapsed + 2) of pledges; gratitude: the "
                    + "share of confirmed favors received that were thanked. Null where nothing is known yet. 403 when "
                    + "the member does not share their reputation with the caller; 404 when the caller may not see the member.")
    ReputationView reputation(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return reputations.of(id, me);
    }
}
