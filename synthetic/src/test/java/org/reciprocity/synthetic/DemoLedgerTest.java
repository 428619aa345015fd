package org.reciprocity.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.EntryStatus;
import org.reciprocity.core.ledger.FlagType;
import org.reciprocity.core.ledger.HealthFlag;
import org.reciprocity.core.ledger.LedgerHealth;
import org.reciprocity.core.ledger.LedgerSettings;

/** The demo personas show the patterns of the product's scenarios, checked with the real rules. */
class DemoLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final DemoWorld WORLD = DemoLedger.build(new CommunityGenerator(20261126L).generate(240), 7);

    @Test
    void sameSeedSameWorld() {
        assertThat(DemoLedger.build(new CommunityGenerator(20261126L).generate(240), 7)).isEqualTo(WORLD);
    }

    @Test
    void theCommunityHasAnEverydayLedger() {
        assertThat(WORLD.exchanges().size()).isGreaterThan(500);
        assertThat(WORLD.members()).hasSize(245);
        assertThat(WORLD.exchanges()).allSatisfy(e -> assertThat(e.giver()).isNotEqualTo(e.receiver()));
    }

    @Test
    void theGenerousEntrepreneurHasNoFlag() {
        // scenario 1: no relationship of hers is flagged; she gives more than she receives, so what comes back to
        // her is the community giving back, not a debt to return
        assertThat(flagsOf("generous")).isEmpty();
    }

    @Test
    void theOpenSourceDeveloperIsToldOnlyOfStrangersWhoNeverGaveBackInTenMonths() {
        // he answers strangers' asks; those who never return anything within the patience window are pointed
        // out (he may keep helping), the others are not
        assertThat(flagsOf("opensource")).allSatisfy(f -> {
            assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
            assertThat(f.reason()).contains("has not been returned in");
        });
    }

    @Test
    void theBusinessThatOnlyAsksIsOverTakingAndItsHelpersSeeOneSided() {
        assertThat(flagsOf("business")).extracting(HealthFlag::type).contains(FlagType.OVER_TAKING);
        int business = WORLD.personas().get("business");
        List<Integer> helpers = WORLD.exchanges().stream().filter(e -> e.receiver() == business)
                .map(SyntheticExchange::giver).distinct().toList();
        assertThat(helpers).hasSize(5).allSatisfy(h -> assertThat(health(h).flags())
                .anySatisfy(f -> {
                    assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
                    assertThat(f.counterpart()).isEqualTo("m" + business);
                }));
    }

    @Test
    void theOverGiverIsWarned() {
        assertThat(flagsOf("overgiver")).extracting(HealthFlag::type).contains(FlagType.OVER_GIVING);
    }

    private List<HealthFlag> flagsOf(String persona) {
        return health(WORLD.personas().get(persona)).flags();
    }

    /** The member's ledger as the server would build it, with thanks and confirmations as generated. */
    static LedgerHealth health(int member) {
        List<Entry> entries = new ArrayList<>();
        long id = 0;
        for (SyntheticExchange e : WORLD.exchanges()) {
            id++;
            if ((e.giver() != member && e.receiver() != member) || e.outcome() == SyntheticExchange.Outcome.DISPUTED) {
                continue;
            }
            boolean gave = e.giver() == member;
            LocalDate on = TODAY.minusDays(e.daysAgo());
            EntryStatus status = e.outcome() == SyntheticExchange.Outcome.CONFIRMED ? EntryStatus.CONFIRMED : EntryStatus.PENDING;
            entries.add(new Entry(id, "m" + (gave ? e.receiver() : e.giver()), gave ? Direction.GAVE : Direction.RECEIVED,
                    e.weight(), on, status, on.plusDays(1), e.thanks() != null, null));
        }
        return LedgerHealth.of(entries, WORLD.members().get(member).capacityPerMonth(), TODAY, LedgerSettings.defaults());
    }
}
