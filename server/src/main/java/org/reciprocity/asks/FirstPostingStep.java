package org.reciprocity.asks;

import org.reciprocity.member.OnboardingStep;
import org.springframework.stereotype.Component;

/** The checklist's "Post an ask or an offer": how help finds its way to you, and you to those who need it. */
@Component
class FirstPostingStep implements OnboardingStep {

    private final PostingRows postings;

    FirstPostingStep(PostingRows postings) {
        this.postings = postings;
    }

    @Override
    public Step of(long memberId) {
        return new Step(5, "Post an ask or an offer", "An ask reaches the members best placed to help; an offer tells "
                + "the community what you are glad to give.", "/asks/new", postings.anyOf(memberId));
    }
}
