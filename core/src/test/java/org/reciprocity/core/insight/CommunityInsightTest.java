package org.reciprocity.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.insight.CommunityInsight.Insight;

/** The dashboard's figures, by hand on small communities and against a brute-force cycle count on a larger one. */
class CommunityInsightTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate FROM = TODAY.minusDays(365);

    @Test
    void reciprocityRhoAndWeightedReciprocityOfASmallCommunity() {
        // 0 ⇄ 1 (weights 4 and 1), 0 → 2, 2 → 3; four members: L = 4, L↔ = 2, ā = 4 / 12
        Insight insight = CommunityInsight.builder(4)
                .favor(0, 1, 4, TODAY.minusDays(10)).favor(1, 0, 1, TODAY.minusDays(5))
                .favor(0, 2, 2, TODAY.minusDays(3)).favor(2, 3, 3, TODAY.minusDays(2))
                .favor(3, 0, 5, TODAY.minusDays(400)) // outside the window
                .compute(FROM, TODAY);
        assertThat(insight.links()).isEqualTo(4);
        assertThat(insight.reciprocatedLinks()).isEqualTo(2);
        assertThat(insight.r()).isEqualTo(0.5);
        assertThat(insight.density()).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(insight.rho()).isCloseTo((0.5 - 1.0 / 3) / (1 - 1.0 / 3), within(1e-12));
        assertThat(insight.weighted()).isCloseTo((1 + 1) / 10.0, within(1e-12));
        assertThat(insight.favors()).isEqualTo(4);
        assertThat(insight.cycles3()).isZero();
        // member 0 gave 6, received 1: over 2:1; 1 gave 1, received 4: under 1:2; 2 gave 3, received 2: 5:4 to 2:1; 3 only received
        assertThat(insight.giveTake()).containsExactly(1, 1, 0, 0, 1, 1, 0);
        assertThat(insight.topGivers()).extracting(CommunityInsight.Giver::member).containsExactly(0, 2, 1);
    }

    @Test
    void aRelationshipIsAtRiskWhenOneSideGaveThreeAndGotNothingBack() {
        Insight insight = CommunityInsight.builder(3)
                .favor(0, 1, 2, TODAY.minusDays(30)).favor(0, 1, 2, TODAY.minusDays(20)).favor(0, 1, 3, TODAY.minusDays(10))
                .favor(2, 0, 1, TODAY.minusDays(30)).favor(2, 0, 1, TODAY.minusDays(20)).favor(2, 0, 1, TODAY.minusDays(10))
                .favor(0, 2, 1, TODAY.minusDays(5))
                .compute(FROM, TODAY);
        assertThat(insight.atRisk()).containsExactly(new CommunityInsight.AtRisk(0, 1, 3, 7, TODAY.minusDays(10)));
    }

    @Test
    void growthByMonthCountsJoinsFavorsAndActiveMembers() {
        Insight insight = CommunityInsight.builder(3).joined(TODAY.minusMonths(2)).joined(TODAY.minusMonths(2)).joined(TODAY)
                .favor(0, 1, 2, TODAY.minusMonths(1)).favor(1, 2, 2, TODAY.minusDays(10)).favor(2, 0, 2, TODAY)
                .compute(FROM, TODAY);
        assertThat(insight.growth()).hasSize(12);
        CommunityInsight.Month last = insight.growth().get(11);
        assertThat(last.month()).isEqualTo(YearMonth.from(TODAY));
        assertThat(last).isEqualTo(new CommunityInsight.Month(YearMonth.from(TODAY), 1, 1, 2));
        assertThat(insight.growth().get(10)).isEqualTo(new CommunityInsight.Month(YearMonth.from(TODAY).minusMonths(1), 0, 2, 3));
        assertThat(insight.growth().get(9).joined()).isEqualTo(2);
        // 0 → 1 → 2 → 0 on increasing days: one time-respecting cycle
        assertThat(insight.cycles3()).isEqualTo(1);
    }

    @Test
    void theCycleCountEqualsABruteForceCountOnARandomCommunity() {
        Random random = new Random(42);
        int members = 300;
        CommunityInsight.Builder builder = CommunityInsight.builder(members);
        List<int[]> favors = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            int g = random.nextInt(members);
            int r = Math.floorMod(g + random.nextInt(21) - 10, members);
            if (g == r) {
                continue;
            }
            int daysAgo = random.nextInt(500);
            builder.favor(g, r, 1 + random.nextInt(5), TODAY.minusDays(daysAgo));
            if (daysAgo <= 365) {
                favors.add(new int[] {g, r, -daysAgo});
            }
        }
        long brute = 0;
        for (int[] a : favors) {
            for (int[] b : favors) {
                if (b[0] != a[1] || b[2] <= a[2]) {
                    continue;
                }
                for (int[] c : favors) {
                    if (c[0] == b[1] && c[1] == a[0] && c[2] > b[2]) {
                        brute++;
                    }
                }
            }
        }
        Insight insight = builder.compute(FROM, TODAY);
        System.out.printf("community insight: %d favors, r %.3f, rho %.3f, weighted %.3f, %d time-respecting 3-cycles "
                + "(brute force %d)%n", insight.favors(), insight.r(), insight.rho(), insight.weighted(), insight.cycles3(), brute);
        assertThat(brute).isPositive();
        assertThat(insight.cycles3()).isEqualTo(brute);
    }
}
