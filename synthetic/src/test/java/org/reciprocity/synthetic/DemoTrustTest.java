package org.reciprocity.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.ledger.Balances;
import org.reciprocity.core.ledger.LedgerSettings;
import org.reciprocity.core.trust.TrustGraph;
import org.reciprocity.core.trust.TrustScores;
import org.reciprocity.core.trust.TrustSettings;

/**
 * The demo's trust, computed as the server computes it (decayed confirmed favors, disputes against the
 * claimant, the demo's vetted members as seeds): the generous entrepreneur is among the most trusted and
 * the consultant whose workshops were disputed stays below the median (scenarios 1 and 3).
 */
class DemoTrustTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final DemoWorld WORLD = DemoLedger.build(new CommunityGenerator(20261126L).generate(240), 7);

    @Test
    void theGenerousEntrepreneurIsHighlyTrustedAndTheDisputedConsultantIsNot() {
        TrustScores scores = trust();
        int amara = WORLD.personas().get("generous");
        int victor = WORLD.personas().get("consultant");
        System.out.printf("demo trust: Amara percentile %.1f (%.1f× average), Victor percentile %.1f (%.2f× average)%n",
                scores.percentile(amara), scores.relative(amara), scores.percentile(victor), scores.relative(victor));
        assertThat(scores.percentile(amara)).isGreaterThanOrEqualTo(75);
        assertThat(scores.percentile(victor)).isLessThan(50);
    }

    @Test
    void theVettedMembersAreTenNonPersonasWhoReceivedFromManyPeople() {
        List<Integer> vetted = WORLD.vettedMembers(10);
        assertThat(vetted).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(WORLD.personas().values());
        assertThat(WORLD.vettedMembers(10)).isEqualTo(vetted);
    }

    private static TrustScores trust() {
        double halfLife = LedgerSettings.defaults().halfLifeDays();
        TrustGraph.Builder builder = TrustGraph.builder(WORLD.members().size());
        for (SyntheticExchange e : WORLD.exchanges()) {
            double weight = Balances.decayed(e.weight(), TODAY.minusDays(e.daysAgo()), TODAY, halfLife);
            switch (e.outcome()) {
                case CONFIRMED -> builder.favor(e.giver(), e.receiver(), weight);
                case DISPUTED -> builder.disputed(e.recordedByReceiver() ? e.receiver() : e.giver(),
                        e.recordedByReceiver() ? e.giver() : e.receiver(), weight);
                case PENDING -> { } // pending favors never add trust
            }
        }
        int[] seeds = WORLD.vettedMembers(10).stream().mapToInt(Integer::intValue).toArray();
        return builder.build(TrustSettings.defaults()).trust(seeds, (iteration, change) -> { });
    }
}
