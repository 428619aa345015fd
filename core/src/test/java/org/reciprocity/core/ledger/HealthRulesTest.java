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
            assertThat(f.reason()).isEqualTo("4 favors you gave have not been returned; the oldest, on 2025-11-13, has "
                    + "waited 6 months. They have not given you a favor yet.");
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
    void smallFavorsCountAsMuchAsBigOnes() {
        // three light favors, the oldest ten months ago: the old tolerance of 8 weight units never saw them
        assertThat(new Ledgers().gave("bob", 1, 300).gave("bob", 1, 200).gave("bob", 1, 100).flags(null))
                .contains(FlagType.ONE_SIDED);
    }

    @Test
    void threeFavorsOverSixMonthsWithNothingBackAreOneSided() {
        LedgerHealth health = new Ledgers().gave("bob", 1, 182).gave("bob", 2, 120).gave("bob", 1, 60).health(null);
        assertThat(health.flags()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
            assertThat(f.reason()).isEqualTo("3 favors you gave have not been returned; the oldest, on 2025-12-01, has "
                    + "waited 6 months. They have not given you a favor yet.");
        });
        // two are not many yet: people who take their time get ten months
        assertThat(new Ledgers().gave("bob", 1, 182).gave("bob", 2, 120).flags(null)).doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void aSingleFavorIsOneSidedOnceItWaitedLongerThanSlowPeopleTake() {
        assertThat(new Ledgers().gave("bob", 2, 300).health(null).flags()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
            assertThat(f.reason()).isEqualTo("A favor you gave on 2025-08-05 has not been returned in 9 months. "
                    + "They have not given you a favor yet.");
        });
        assertThat(new Ledgers().gave("bob", 2, 299).flags(null)).doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void someoneWhoGaveBackLatelyIsSparedWhileManyFavorsWait() {
        // five favors waiting, the oldest for 200 days; but a favor came back two months ago
        Ledgers ledger = new Ledgers().gave("bob", 1, 240).gave("bob", 1, 200).gave("bob", 2, 160).gave("bob", 1, 120)
                .gave("bob", 1, 80).gave("bob", 1, 40).received("bob", 2, 60);
        assertThat(ledger.flags(null)).doesNotContain(FlagType.ONE_SIDED);
        // but not for favors older than anyone takes: the return closed the oldest, the next has waited 330 days
        assertThat(ledger.gave("bob", 1, 360).gave("bob", 1, 330).flags(null)).contains(FlagType.ONE_SIDED);
    }

    @Test
    void aBigFavorBackSettlesSeveralSmallOnes() {
        assertThat(new Ledgers().gave("bob", 1, 400).gave("bob", 1, 380).gave("bob", 1, 360).received("bob", 5, 300)
                .flags(null)).doesNotContain(FlagType.ONE_SIDED);
    }

    @Test
    void aMemberWhoGaveToTwentyPeopleAndGotNothingBackSeesTheOnesThatWaitedLongest() {
        // the open-source developer's pattern: one answer each, every 17 days over the last eleven months
        Ledgers ledger = new Ledgers();
        for (int i = 0; i < 20; i++) {
            ledger.gave("p" + i, 2, 5 + i * 17);
        }
        LedgerHealth health = ledger.health(null);
        assertThat(health.flags()).isNotEmpty();
        assertThat(health.flags()).filteredOn(f -> f.type() == FlagType.ONE_SIDED).extracting(HealthFlag::counterpart)
                .containsExactlyInAnyOrder("p18", "p19");
        // each of them is reminded to give back, in their ledger as in their agenda
        Ledgers receiver = new Ledgers().received("tomas", 2, 5 + 19 * 17);
        assertThat(receiver.health(null).flags()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.GIVE_BACK);
            assertThat(f.counterpart()).isEqualTo("tomas");
            assertThat(f.reason()).isEqualTo("They did you a favor on 2025-07-08 that you have not returned yet.");
        });
    }

    @Test
    void aFavorReceivedIsToGiveBackAMonthLater() {
        assertThat(new Ledgers().received("bob", 2, 30).flags(null)).containsExactly(FlagType.GIVE_BACK);
        assertThat(new Ledgers().received("bob", 2, 29).flags(null)).isEmpty();
        assertThat(new Ledgers().received("bob", 2, 30).gave("bob", 1, 5).flags(null)).isEmpty();
        // a return waiting for their confirmation already counts; a favor they recorded and you did not confirm does not
        assertThat(new Ledgers().received("bob", 2, 30)
                .add("bob", Direction.GAVE, 1, 5, EntryStatus.PENDING, false, null).flags(null)).isEmpty();
        assertThat(new Ledgers().add("bob", Direction.RECEIVED, 3, 40, EntryStatus.PENDING, false, null).flags(null))
                .isEmpty();
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

    @Test
    void theBusinessThatOnlyAsksForSmallFavorsRaisesOneSidedForEachHelper() {
        // twelve favors of weight 1 from each of five helpers over six months, nothing given
        Ledgers business = new Ledgers();
        for (int h = 0; h < 5; h++) {
            Ledgers helper = new Ledgers();
            for (int favor = 0; favor < 12; favor++) {
                int daysAgo = 185 - favor * 16 - h;
                helper.gave("business", 1, daysAgo);
                business.received("h" + h, 1, daysAgo);
            }
            assertThat(helper.health(null).flags()).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo(FlagType.ONE_SIDED);
                assertThat(f.counterpart()).isEqualTo("business");
                assertThat(f.reason()).matches("12 favors you gave have not been returned; the oldest, on "
                        + "\\d{4}-\\d{2}-\\d{2}, has waited (5|6) months\\. They have not given you a favor yet\\.");
            });
        }
        assertThat(business.flags(null)).contains(FlagType.OVER_TAKING).containsOnly(FlagType.OVER_TAKING, FlagType.GIVE_BACK);
        assertThat(business.health(null).flags()).filteredOn(f -> f.type() == FlagType.GIVE_BACK)
                .extracting(HealthFlag::counterpart).containsExactlyInAnyOrder("h0", "h1", "h2", "h3", "h4");
    }
}
