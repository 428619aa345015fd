package org.reciprocity.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BalancesTest {

    private static final LocalDate TODAY = Ledgers.TODAY;
    private static final LedgerSettings DEFAULTS = LedgerSettings.defaults();

    @Test
    void aFavorWeighsHalfAfterOneHalfLifeAndAQuarterAfterTwo() {
        assertThat(Balances.decayed(4, TODAY, TODAY, 365)).isEqualTo(4.0);
        assertThat(Balances.decayed(4, TODAY.minusDays(365), TODAY, 365)).isCloseTo(2.0, within(1e-9));
        assertThat(Balances.decayed(4, TODAY.minusDays(730), TODAY, 365)).isCloseTo(1.0, within(1e-9));
        assertThat(Balances.decayed(4, TODAY.plusDays(3), TODAY, 365)).isEqualTo(4.0);
    }

    @Test
    void theHalfLifeIsConfigurable() {
        LedgerSummary summary = Balances.summarize(new Ledgers().gave("bob", 4, 30).entries(), TODAY,
                DEFAULTS.withHalfLifeDays(30));
        assertThat(summary.relationships().get(0).given()).isEqualTo(2.0);
    }

    @Test
    void balanceIsGivenMinusReceivedPerRelationship() {
        LedgerSummary summary = Balances.summarize(new Ledgers()
                .gave("bob", 3, 0).received("bob", 1, 0).gave("carol", 2, 0).entries(), TODAY, DEFAULTS);
        RelationshipBalance bob = find(summary, "bob");
        assertThat(bob.given()).isEqualTo(3.0);
        assertThat(bob.received()).isEqualTo(1.0);
        assertThat(bob.balance()).isEqualTo(2.0);
        assertThat(bob.givenCount()).isEqualTo(1);
        assertThat(summary.totalGiven()).isEqualTo(5.0);
        assertThat(summary.totalReceived()).isEqualTo(1.0);
        assertThat(summary.giveTakeRatio()).isEqualTo(5.0);
    }

    @Test
    void balanceIsZeroAfterReciprocationOnTheSameDay() {
        LedgerSummary summary = Balances.summarize(new Ledgers().gave("bob", 3, 10).received("bob", 3, 10).entries(),
                TODAY, DEFAULTS);
        assertThat(find(summary, "bob").balance()).isZero();
        assertThat(find(summary, "bob").openLoops()).isEmpty();
    }

    @Test
    void theRatioIsAbsentWhileNothingWasReceived() {
        assertThat(Balances.summarize(new Ledgers().gave("bob", 3, 1).entries(), TODAY, DEFAULTS).giveTakeRatio()).isNull();
    }

    @Test
    void pendingEntriesDoNotCount() {
        LedgerSummary summary = Balances.summarize(new Ledgers().gavePending("bob", 5, 1).gave("carol", 1, 1).entries(),
                TODAY, DEFAULTS);
        assertThat(summary.relationships()).extracting(RelationshipBalance::counterpart).containsExactly("carol");
    }

    @Test
    void relationshipsAreListedMostRecentFirstWithFirstAndLastDates() {
        LedgerSummary summary = Balances.summarize(new Ledgers()
                .gave("old", 1, 400).gave("old", 1, 200).gave("recent", 1, 5).entries(), TODAY, DEFAULTS);
        assertThat(summary.relationships()).extracting(RelationshipBalance::counterpart).containsExactly("recent", "old");
        RelationshipBalance old = find(summary, "old");
        assertThat(old.firstExchangeOn()).isEqualTo(TODAY.minusDays(400));
        assertThat(old.lastExchangeOn()).isEqualTo(TODAY.minusDays(200));
    }

    @Test
    void trendComparesTheLast90DaysWithTheEarlierRate() {
        assertThat(find(Balances.summarize(new Ledgers().gave("a", 2, 10).entries(), TODAY, DEFAULTS), "a").trend())
                .isEqualTo(Trend.NEW);
        // 1 weight per 90 days before, 4 in the last 90 days
        assertThat(trendOf(new Ledgers().gave("a", 1, 120).gave("a", 4, 10))).isEqualTo(Trend.RISING);
        assertThat(trendOf(new Ledgers().gave("a", 2, 120).gave("a", 2, 10))).isEqualTo(Trend.STEADY);
        assertThat(trendOf(new Ledgers().gave("a", 4, 120).gave("a", 1, 10))).isEqualTo(Trend.FALLING);
        assertThat(trendOf(new Ledgers().gave("a", 4, 120))).isEqualTo(Trend.FALLING);
    }

    @Test
    void anUnreturnedFavorIsAnOpenLoopEitherWay() {
        RelationshipBalance b = find(Balances.summarize(new Ledgers().received("bob", 2, 30).entries(), TODAY, DEFAULTS), "bob");
        assertThat(b.owedByMember()).isEqualTo(1);
        RelationshipBalance c = find(Balances.summarize(new Ledgers().gave("bob", 2, 30).gave("bob", 1, 20).entries(),
                TODAY, DEFAULTS), "bob");
        assertThat(c.owedToMember()).isEqualTo(2);
    }

    @Test
    void anUnnamedReturnClosesTheOldestOpenFavor() {
        List<Entry> entries = new Ledgers().received("bob", 2, 30).received("bob", 3, 20).gave("bob", 1, 10).entries();
        List<Entry> loops = Balances.openLoops(entries);
        assertThat(loops).extracting(Entry::id).containsExactly(2L);
    }

    @Test
    void aNamedReturnClosesTheFavorItNames() {
        List<Entry> entries = new Ledgers().received("bob", 2, 30).received("bob", 3, 20)
                .gaveReturning("bob", 3, 10, 2L).entries();
        assertThat(Balances.openLoops(entries)).extracting(Entry::id).containsExactly(1L);
    }

    @Test
    void openLoopsNeverExceedTheFavorsAndCancelPairwise() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            Ledgers ledger = new Ledgers();
            int gave = 0;
            int received = 0;
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                if (random.nextBoolean()) {
                    ledger.gave("x", 1 + random.nextInt(5), random.nextInt(500));
                    gave++;
                } else {
                    ledger.received("x", 1 + random.nextInt(5), random.nextInt(500));
                    received++;
                }
            }
            List<Entry> sorted = ledger.entries().stream()
                    .sorted(java.util.Comparator.comparing(Entry::occurredOn).thenComparingLong(Entry::id)).toList();
            List<Entry> loops = Balances.openLoops(sorted);
            // without named returns, loops are exactly the surplus of one direction
            assertThat(loops).hasSize(Math.abs(gave - received));
            if (gave != received) {
                assertThat(loops).extracting(Entry::direction).containsOnly(gave > received ? Direction.GAVE : Direction.RECEIVED);
            }
        }
    }

    private static Trend trendOf(Ledgers ledger) {
        return find(Balances.summarize(ledger.entries(), TODAY, DEFAULTS), "a").trend();
    }

    private static RelationshipBalance find(LedgerSummary summary, String counterpart) {
        return summary.relationships().stream().filter(r -> r.counterpart().equals(counterpart)).findFirst().orElseThrow();
    }
}
