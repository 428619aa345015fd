package org.reciprocity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GiveFirstTest {

    @Test
    void askFromSomeoneWhoHelpedYouRisesAboveAnEqualStrangerAndSaysWhy() {
        var stranger = new GiveFirst.Candidate(1, 2.0, List.of("java"), false, 0, 0, 1, 30);
        var helper = new GiveFirst.Candidate(2, 2.0, List.of("java"), false, 0, 2, 1, 30);
        var urgent = new GiveFirst.Candidate(3, 2.0, List.of("java"), true, 0, 0, 0, 2);

        List<Suggestion> ranked = GiveFirst.rank(List.of(stranger, helper, urgent));

        assertThat(ranked).extracting(Suggestion::id).containsExactly(3L, 2L, 1L);
        assertThat(ranked.get(0).reasons()).containsExactly("matches what you give: java", "from one of your connections",
                "no one has pledged to help yet", "expires in 2 days");
        assertThat(ranked.get(1).reasons()).contains("has helped you twice: a chance to give back");
    }

    @Test
    void aMuchBetterTextMatchStillWins() {
        var weak = new GiveFirst.Candidate(1, 0.5, List.of(), true, 0, 1, 0, 1);
        var strong = new GiveFirst.Candidate(2, 5.0, List.of("kubernetes"), false, 0, 0, 2, null);
        assertThat(GiveFirst.rank(List.of(weak, strong))).extracting(Suggestion::id).containsExactly(2L, 1L);
    }
}
