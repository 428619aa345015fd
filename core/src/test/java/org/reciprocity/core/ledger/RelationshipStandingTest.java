package org.reciprocity.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.ledger.RelationshipStanding.Owing;

class RelationshipStandingTest {

    private static final LedgerSettings DEFAULTS = LedgerSettings.defaults();

    private static RelationshipStanding standing(Ledgers ledger) {
        return RelationshipStanding.of(Balances.chronological(ledger.entries()), Ledgers.TODAY, DEFAULTS);
    }

    @Test
    void nothingWaitingIsBalanced() {
        RelationshipStanding s = standing(new Ledgers().gave("bob", 2, 100).received("bob", 2, 40));
        assertThat(s.owing()).isEqualTo(Owing.BALANCED);
        assertThat(s.waiting()).isZero();
        assertThat(s.oldestWaiting()).isNull();
        assertThat(s.needsAttention()).isFalse();
    }

    @Test
    void favorsGivenWithinThePatienceAreNotOneSidedYet() {
        RelationshipStanding s = standing(new Ledgers().gave("bob", 2, 200).gave("bob", 1, 100));
        assertThat(s.owing()).isEqualTo(Owing.BALANCED);
        assertThat(s.waiting()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo("2 favors you gave have not been returned; the oldest, on 2025-11-13, has "
                + "waited 6 months. Many people take months to give back.");
    }

    @Test
    void aMemberWhoGivesMoreOverallOwesNobodyWhatCameBackToThem() {
        // she gave to ann and cid; bob, whom she never helped, helped her: value that circled back, not a debt
        Ledgers ledger = new Ledgers().gave("ann", 3, 200).gave("cid", 3, 150).received("bob", 2, 60);
        assertThat(RelationshipStanding.givesMoreOverall(ledger.entries())).isTrue();
        assertThat(ledger.health(null).flags()).noneMatch(f -> f.type() == FlagType.GIVE_BACK);
        List<Entry> withBob = ledger.entries().stream().filter(e -> e.counterpart().equals("bob")).toList();
        assertThat(RelationshipStanding.of(withBob, Ledgers.TODAY, DEFAULTS, true).owing()).isEqualTo(Owing.BALANCED);
        assertThat(RelationshipStanding.of(withBob, Ledgers.TODAY, DEFAULTS, false).owing()).isEqualTo(Owing.MEMBER_OWES);
    }

    @Test
    void theMemberOwesFromTheOldestWaitingFavorAndItIsDueAMonthLater() {
        RelationshipStanding s = standing(new Ledgers().received("bob", 2, 50).received("bob", 3, 40).gave("bob", 1, 10));
        assertThat(s.owing()).isEqualTo(Owing.MEMBER_OWES);
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(s.oldestWaiting().id()).isEqualTo(2L);
        assertThat(s.dueOn()).isEqualTo(Ledgers.TODAY.minusDays(40).plusDays(30));
        assertThat(s.needsAttention()).isTrue();
        assertThat(s.reason()).isEqualTo("They did you a favor on 2026-04-22 that you have not returned yet.");
    }

    @Test
    void aGiveBackNotDueYetIsOwedButNeedsNoAttention() {
        RelationshipStanding s = standing(new Ledgers().received("bob", 2, 10).received("bob", 1, 5));
        assertThat(s.owing()).isEqualTo(Owing.MEMBER_OWES);
        assertThat(s.needsAttention()).isFalse();
        assertThat(s.reason()).isEqualTo("They did you 2 favors you have not returned yet, the oldest on 2026-05-22.");
    }

    @Test
    void aNamedReturnClosesTheFavorItNames() {
        // the return names the later favor: the earlier one still waits
        RelationshipStanding s = standing(new Ledgers().received("bob", 2, 60).received("bob", 3, 50)
                .gaveReturning("bob", 4, 10, 2L));
        assertThat(s.owing()).isEqualTo(Owing.MEMBER_OWES);
        assertThat(s.oldestWaiting().id()).isEqualTo(1L);
        assertThat(s.waiting()).isEqualTo(1);
    }

    @Test
    void aFavorReceivedAfterOneGivenIsItsReturnNotADebt() {
        RelationshipStanding s = standing(new Ledgers().gave("bob", 1, 100).received("bob", 4, 40));
        assertThat(s.owing()).isEqualTo(Owing.BALANCED);
        assertThat(s.waiting()).isZero();
    }

    @Test
    void moreGivenInWeightThanReceivedMeansNothingIsOwed() {
        // two light favors waiting, but a heavy one was given for them
        RelationshipStanding s = standing(new Ledgers().gave("bob", 5, 100).received("bob", 1, 60).received("bob", 1, 50)
                .received("bob", 1, 40));
        assertThat(s.owing()).isEqualTo(Owing.BALANCED);
        assertThat(s.waiting()).isEqualTo(2);
        assertThat(s.reason()).isEqualTo("Nothing is owed: you have given them as much as they gave you.");
    }

    @Test
    void theirLastFavorIsNamedWhenTheyOnceGaveBack() {
        RelationshipStanding s = standing(new Ledgers().gave("bob", 2, 420).received("bob", 1, 400).gave("bob", 2, 350)
                .gave("bob", 2, 330));
        assertThat(s.owing()).isEqualTo(Owing.THEY_OWE);
        assertThat(s.reason()).isEqualTo("2 favors you gave have not been returned; the oldest, on 2025-06-16, has waited "
                + "11 months. The last favor they gave you was on 2025-04-27.");
    }

    @Test
    void pendingFavorsCloseButNeverWait() {
        Ledgers ledger = new Ledgers().gave("bob", 2, 400)
                .add("bob", Direction.RECEIVED, 2, 20, EntryStatus.PENDING, false, null);
        assertThat(standing(ledger).owing()).isEqualTo(Owing.BALANCED);
        assertThat(standing(new Ledgers().gavePending("bob", 3, 400)).waiting()).isZero();
    }

    @Test
    void waitingFavorsAreTheOpenLoopsOfTheBalance() {
        Random random = new Random(7);
        for (int run = 0; run < 300; run++) {
            Ledgers ledger = new Ledgers();
            for (int i = 0; i < 1 + random.nextInt(15); i++) {
                if (random.nextBoolean()) {
                    ledger.gave("x", 1 + random.nextInt(5), random.nextInt(600));
                } else if (random.nextInt(4) == 0) {
                    ledger.gaveReturning("x", 1 + random.nextInt(5), random.nextInt(600), 1 + random.nextInt(i + 1));
                } else {
                    ledger.received("x", 1 + random.nextInt(5), random.nextInt(600));
                }
            }
            List<Entry> sorted = Balances.chronological(ledger.entries());
            List<Entry> loops = Balances.openLoops(sorted);
            RelationshipStanding s = RelationshipStanding.of(sorted, Ledgers.TODAY, DEFAULTS);
            assertThat(s.waiting()).isEqualTo(loops.size());
            if (!loops.isEmpty()) {
                assertThat(s.oldestWaiting()).isEqualTo(loops.stream().min(Comparator.comparing(Entry::occurredOn)
                        .thenComparing(e -> sorted.indexOf(e))).orElseThrow());
            }
        }
    }

    @Test
    void durationsAreWholeDaysOrMonths() {
        assertThat(RelationshipStanding.duration(Ledgers.TODAY.minusDays(1), Ledgers.TODAY)).isEqualTo("1 day");
        assertThat(RelationshipStanding.duration(Ledgers.TODAY.minusDays(45), Ledgers.TODAY)).isEqualTo("45 days");
        assertThat(RelationshipStanding.duration(Ledgers.TODAY.minusMonths(2), Ledgers.TODAY)).isEqualTo("2 months");
        assertThat(RelationshipStanding.duration(Ledgers.TODAY.minusDays(330), Ledgers.TODAY)).isEqualTo("10 months");
    }

    @Test
    void thePatienceWithManyFavorsCannotExceedThePatience() {
        LedgerSettings d = DEFAULTS;
        assertThatThrownBy(() -> new LedgerSettings(d.halfLifeDays(), d.trendWindowDays(), 200, 3, 250,
                d.overGivingWindowDays(), d.overGivingUndeclaredMinGiven(), d.overGivingUndeclaredRatio(),
                d.overTakingMinReceivedFavors(), d.overTakingMinReceived(), d.overTakingMaxGiveShare(),
                d.unthankedAfterDays(), d.dormantMinExchanges(), d.dormantRhythmFactor(), d.dormantMinDays()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
