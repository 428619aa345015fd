package org.reciprocity.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthRulesTest {

    @Test
    void givingRepeatedlyToSomeoneWhoNeverGivesBackIsOneSided() {
        LedgerHealth health = new Ledgers().gave("bob", 3, 200).gave("bob", 4, 150).gave("bob", 3, 60).gave("bob", 2, 20)
                .health(null);
        assertThat(health.flags()).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
            assertThat(f.counterpart()).isEqualTo("bob");
            assertThat(f.reason()).contains("You gave 4 favors and received 0");
            assertThat(f.suggestion()).contains("boundary");
        });
    }

    @Test
    void aYoungRelationshipIsNotOneSidedYet() {
        assertThat(new Ledgers().gave("bob", 5, 60).gave("bob", 5, 40).gave("bob", 5, 20).flags(null))
                .doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void aSlowReciprocatorWhoGaveSomethingBackIsNotOneSided() {
        assertThat(new Ledgers().gave("bob", 3, 300).gave("bob", 3, 200).gave("bob", 3, 100).received("bob", 3, 10)
                .flags(null)).doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void aSmallImbalanceStaysWithinTheTolerance() {
        // three light favors: imbalance about 3, below the tolerance of 8
        assertThat(new Ledgers().gave("bob", 1, 300).gave("bob", 1, 200).gave("bob", 1, 100).flags(null))
                .doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void givingPastTheDeclaredCapacityIsOverGiving() {
        Ledgers ledger = new Ledgers();
        for (int i = 0; i < 6; i++) {
            ledger.gave("p" + i, 2, 2 + i * 4);
        }
        assertThat(ledger.flags(5)).contains(FlagType.OVER_GIVING);
        assertThat(ledger.flags(6)).doesNotContain(FlagType.OVER_GIVING);
        assertThat(ledger.health(5).flags().get(0).reason()).contains("You gave 6 favors in the last 30 days")
                .contains("5 a month");
    }

    @Test
    void pendingFavorsCountAsEffortForOverGiving() {
        Ledgers ledger = new Ledgers().gavePending("a", 1, 1).gavePending("b", 1, 2).gave("c", 1, 3);
        assertThat(ledger.flags(2)).contains(FlagType.OVER_GIVING);
    }

    @Test
    void withoutADeclaredCapacityGivingFarMoreThanReceivingIsOverGiving() {
        Ledgers ledger = new Ledgers();
        for (int i = 0; i < 6; i++) {
            ledger.gave("p" + i, 4, 10 + i);
        }
        assertThat(ledger.flags(null)).contains(FlagType.OVER_GIVING);
        // 24 given against 9 received: under four times, so no longer far more than taking
        assertThat(ledger.received("q", 5, 5).received("r", 4, 6).flags(null)).doesNotContain(FlagType.OVER_GIVING);
    }

    @Test
    void receivingManyFavorsAndGivingNoneIsOverTaking() {
        Ledgers ledger = new Ledgers();
        for (int i = 0; i < 6; i++) {
            ledger.received("p" + i, 3, 10 + i * 20);
        }
        assertThat(ledger.flags(null)).contains(FlagType.OVER_TAKING);
        Ledgers balanced = new Ledgers();
        for (int i = 0; i < 6; i++) {
            balanced.received("p" + i, 3, 10 + i * 20).gave("p" + i, 2, 5 + i * 20);
        }
        assertThat(balanced.flags(null)).doesNotContain(FlagType.OVER_TAKING);
    }

    @Test
    void aConfirmedFavorNotThankedAfterThreeDaysIsUnthanked() {
        assertThat(new Ledgers().receivedUnthanked("bob", 2, 4).flags(null)).contains(FlagType.UNTHANKED);
        assertThat(new Ledgers().receivedUnthanked("bob", 2, 2).flags(null)).doesNotContain(FlagType.UNTHANKED);
        assertThat(new Ledgers().received("bob", 2, 10).flags(null)).doesNotContain(FlagType.UNTHANKED);
    }

    @Test
    void favorsFromPrivateContactsAreNeverUnthanked() {
        Ledgers ledger = new Ledgers();
        ledger.add("c:1", Direction.RECEIVED, 2, 30, EntryStatus.PRIVATE, false, null);
        assertThat(ledger.flags(null)).doesNotContain(FlagType.UNTHANKED);
    }

    @Test
    void aRelationshipThatWentQuietFarBeyondItsRhythmIsDormant() {
        // every 30 days or so, then 200 days of silence
        Ledgers ledger = new Ledgers().gave("bob", 2, 290).received("bob", 2, 260).gave("bob", 2, 230).received("bob", 2, 200);
        assertThat(ledger.flags(null)).contains(FlagType.DORMANT);
        assertThat(ledger.health(null).flags().stream().filter(f -> f.type() == FlagType.DORMANT).findFirst().orElseThrow()
                .reason()).contains("usually every 30 days").contains("200 days ago");
    }

    @Test
    void aRelationshipWithAnActiveRhythmOrFewExchangesIsNotDormant() {
        assertThat(new Ledgers().gave("bob", 2, 90).received("bob", 2, 60).gave("bob", 2, 30).received("bob", 2, 5)
                .flags(null)).doesNotContain(FlagType.DORMANT);
        assertThat(new Ledgers().gave("bob", 2, 400).received("bob", 2, 300).flags(null)).doesNotContain(FlagType.DORMANT);
    }

    @Test
    void theGenerousEntrepreneurWhoseGivingCameBackHasNoFlag() {
        // scenario 1: helps many once each, months later several help her back; within capacity
        Ledgers ledger = new Ledgers();
        for (int i = 0; i < 12; i++) {
            ledger.gave("m" + i, 3, 300 - i * 20);
        }
        for (int i = 0; i < 6; i++) {
            ledger.received("m" + i, 3, 60 - i * 5);
        }
        ledger.received("stranger", 4, 20);
        assertThat(ledger.flags(4)).isEmpty();
    }

    @Test
    void theBusinessThatOnlyAsksIsOverTakingAndEachCounterpartSeesOneSided() {
        Ledgers business = new Ledgers();
        for (int helper = 0; helper < 4; helper++) {
            for (int favor = 0; favor < 3; favor++) {
                business.received("h" + helper, 4, 200 - favor * 60 - helper);
            }
        }
        assertThat(business.flags(null)).contains(FlagType.OVER_TAKING);
        Ledgers helper = new Ledgers();
        for (int favor = 0; favor < 3; favor++) {
            helper.gave("business", 4, 200 - favor * 60);
        }
        assertThat(helper.flags(null)).contains(FlagType.ONE_SIDED);
    }
}
