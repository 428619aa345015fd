package org.reciprocity.trust;

import org.reciprocity.security.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's reputation page: the signals, their formulas and where trust comes from. */
@Controller
class ReputationPages {

    private final Reputations reputations;

    ReputationPages(Reputations reputations) {
        this.reputations = reputations;
    }

    @GetMapping("/members/{id}/reputation")
    String page(@AuthenticationPrincipal CurrentMember viewer, @PathVariable String id, Model model) {
        ReputationView reputation = reputations.of(id, viewer);
        model.addAttribute("reputation", reputation);
        model.addAttribute("own", viewer != null && viewer.publicId().equals(reputation.memberId()));
        return "pages/reputation";
    }
}
