package org.reciprocity.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.agenda.AgendaInput.Interaction;
import org.reciprocity.core.agenda.AgendaInput.Person;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.EntryStatus;
import org.reciprocity.core.ledger.FlagType;
import org.reciprocity.core.ledger.LedgerHealth;
import org.reciprocity.core.ledger.LedgerSettings;
import org.reciprocity.core.network.Tier;

class AgendaTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    final List<Person> people = new ArrayList<>();
    final List<Interaction> interactions = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<AgendaInput.Pledge> pledges = new ArrayList<>();
    final List<AgendaInput.Posting> postings = new ArrayList<>();
    final Map<String, String> names = new HashMap<>(Map.of("m:1", "Bea", "c:7", "Carl"));

    List<AgendaItem> agenda() {
        return Agenda.build(input(), TODAY);
    }

    AgendaInput input() {
        return new AgendaInput(people, interactions, entries, Map.of(), names, pledges, postings,
                AgendaInput.DEFAULT_CADENCES);
    }

    static Entry entry(long id, String who, Direction direction, LocalDate on, EntryStatus status, boolean thanked) {
        return new Entry(id, who, direction, 2, on, status, on, thanked, null);
    }

    @Test
    void aCallLoggedFromBeforeTheContactWasAddedCountsOnItsOwnDate() {
        // added today, a call 40 days ago: a close contact (30 days ideal) is due ten days ago, not in a month
        people.add(new Person("c:9", "Dora", Tier.CLOSE, null, TODAY, Set.of()));
        interactions.add(new Interaction("i9", "c:9", InteractionType.CALL, TODAY.minusDays(40)));
        AgendaItem keep = agenda().stream().filter(i -> i.type() == AgendaType.KEEP_IN_TOUCH).findFirst().orElseThrow();
        assertThat(keep.dueOn()).isEqualTo(TODAY.minusDays(10));
    }

    @Test
    void aMeetingCallsForAFollowUpTwoDaysLaterUntilSomethingElseHappens() {
        interactions.add(new Interaction("i1", "m:1", InteractionType.MEETING, TODAY.minusDays(3)));
        interactions.add(new Interaction("i2", "m:1", InteractionType.CALL, TODAY.minusDays(1)));
        assertThat(agenda()).noneMatch(i -> i.type() == AgendaType.FOLLOW_UP);

        interactions.remove(1);
        AgendaItem item = agenda().stream().filter(i -> i.type() == AgendaType.FOLLOW_UP).findFirst().orElseThrow();
        assertThat(item.dueOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(item.overdue()).isTrue();
        assertThat(item.reason()).contains("meeting with Bea on 2026-11-23");

        interactions.set(0, new Interaction("i1", "m:1", InteractionType.MEETING, TODAY.minusDays(31)));
        assertThat(agenda()).noneMatch(i -> i.type() == AgendaType.FOLLOW_UP);
    }

    @Test
    void confirmedFavorsReceivedAndNotThankedAreThankYousOwed() {
        entries.add(entry(1, "m:1", Direction.RECEIVED, TODAY.minusDays(4), EntryStatus.CONFIRMED, false));
        entries.add(entry(2, "m:1", Direction.RECEIVED, TODAY.minusDays(4), EntryStatus.CONFIRMED, true));
        entries.add(entry(3, "m:1", Direction.RECEIVED, TODAY.minusDays(4), EntryStatus.PENDING, false));
        assertThat(agenda()).filteredOn(i -> i.type() == AgendaType.THANK).extracting(AgendaItem::key)
                .containsExactly("THANK:1");
    }

    @Test
    void openFavorsFromSomeoneWhoGaveMoreAreToGiveBackAMonthAfterTheOldest() {
        entries.add(entry(1, "m:1", Direction.RECEIVED, TODAY.minusDays(50), EntryStatus.CONFIRMED, true));
        entries.add(entry(2, "m:1", Direction.RECEIVED, TODAY.minusDays(40), EntryStatus.CONFIRMED, true));
        entries.add(entry(3, "m:1", Direction.GAVE, TODAY.minusDays(10), EntryStatus.CONFIRMED, false));
        AgendaItem item = agenda().stream().filter(i -> i.type() == AgendaType.GIVE_BACK).findFirst().orElseThrow();
        assertThat(item.dueOn()).isEqualTo(TODAY.minusDays(40).plusDays(30));
        assertThat(item.reason()).contains("Bea did you a favor you have not returned yet");

        entries.add(entry(4, "m:1", Direction.GAVE, TODAY.minusDays(5), EntryStatus.CONFIRMED, false));
        assertThat(agenda()).noneMatch(i -> i.type() == AgendaType.GIVE_BACK);
    }

    @Test
    void aFavorReceivedForOneYouGaveIsItsReturnNotSomethingToGiveBack() {
        // the ledger's reading: the later favor closes the earlier one, whatever their weights
        entries.add(entry(1, "m:1", Direction.GAVE, TODAY.minusDays(100), EntryStatus.CONFIRMED, false));
        entries.add(new Entry(2, "m:1", Direction.RECEIVED, 5, TODAY.minusDays(40), EntryStatus.CONFIRMED,
                TODAY.minusDays(40), true, null));
        assertThat(agenda()).noneMatch(i -> i.type() == AgendaType.GIVE_BACK);
    }

    @Test
    void theLedgersGiveBackFlagsNameTheAgendasDueGiveBackItems() {
        Random random = new Random(11);
        int compared = 0;
        for (int run = 0; run < 200; run++) {
            entries.clear();
            for (int i = 0; i < random.nextInt(40); i++) {
                String who = "m:" + random.nextInt(6);
                Direction direction = random.nextBoolean() ? Direction.GAVE : Direction.RECEIVED;
                EntryStatus status = random.nextInt(8) == 0 ? EntryStatus.PENDING : EntryStatus.CONFIRMED;
                LocalDate on = TODAY.minusDays(random.nextInt(500));
                Long returns = direction == Direction.GAVE && random.nextInt(4) == 0 ? (long) random.nextInt(i + 1) : null;
                entries.add(new Entry(i, who, direction, 1 + random.nextInt(5), on, status, on, true, returns));
            }
            Set<String> flagged = new HashSet<>();
            LedgerHealth.of(entries, null, TODAY, LedgerSettings.defaults()).flags().stream()
                    .filter(f -> f.type() == FlagType.GIVE_BACK).forEach(f -> flagged.add(f.counterpart()));
            Set<String> due = new HashSet<>();
            agenda().stream().filter(i -> i.type() == AgendaType.GIVE_BACK && !i.dueOn().isAfter(TODAY))
                    .forEach(i -> due.add(i.counterpartKey()));
            assertThat(flagged).isEqualTo(due);
            compared += due.size();
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void keepInTouchIsDueAfterTheTiersIdealIntervalAndOverduePastItsMaximum() {
        people.add(new Person("c:7", "Carl", Tier.CLOSE, null, TODAY.minusDays(400), Set.of("m:1")));
        interactions.add(new Interaction("i1", "c:7", InteractionType.CALL, TODAY.minusDays(45)));
        AgendaItem item = agenda().stream().filter(i -> i.type() == AgendaType.KEEP_IN_TOUCH).findFirst().orElseThrow();
        assertThat(item.dueOn()).isEqualTo(TODAY.minusDays(15));
        assertThat(item.overdue()).isFalse();
        assertThat(Agenda.losingTouch(input(), TODAY)).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo("AMBER");
            assertThat(s.daysSince()).isEqualTo(45);
        });

        interactions.set(0, new Interaction("i1", "c:7", InteractionType.CALL, TODAY.minusDays(91)));
        assertThat(Agenda.losingTouch(input(), TODAY)).singleElement().extracting(Agenda.Standing::level).isEqualTo("RED");
    }

    @Test
    void anInteractionOrAFavorWithTheLinkedMemberResetsTheTimer() {
        people.add(new Person("c:7", "Carl", Tier.INNER_CIRCLE, null, TODAY.minusDays(100), Set.of("m:1")));
        assertThat(Agenda.losingTouch(input(), TODAY)).hasSize(1);
        entries.add(entry(1, "m:1", Direction.GAVE, TODAY.minusDays(3), EntryStatus.CONFIRMED, false));
        assertThat(Agenda.losingTouch(input(), TODAY)).isEmpty();
        AgendaItem item = agenda().stream().filter(i -> i.type() == AgendaType.KEEP_IN_TOUCH).findFirst().orElseThrow();
        assertThat(item.dueOn()).isEqualTo(TODAY.minusDays(3).plusDays(14));

        entries.clear();
        interactions.add(new Interaction("i1", "m:1", InteractionType.MESSAGE, TODAY.minusDays(2)));
        assertThat(Agenda.losingTouch(input(), TODAY)).isEmpty();
    }

    @Test
    void anImportedConnectionStartsFromItsConnectedOnDateAndAContactCadenceOverridesTheTier() {
        people.add(new Person("c:7", "Carl", Tier.ACQUAINTANCE, new Cadence(7, 10), TODAY.minusDays(8), Set.of()));
        AgendaItem item = agenda().stream().filter(i -> i.type() == AgendaType.KEEP_IN_TOUCH).findFirst().orElseThrow();
        assertThat(item.dueOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(item.key()).isEqualTo("KEEP_IN_TOUCH:c:7:" + TODAY.minusDays(8));
    }

    @Test
    void pledgesComeDueAndPostingsAreAnnouncedBeforeTheyExpire() {
        pledges.add(new AgendaInput.Pledge("p1", "Fix my deck", "Bea", TODAY.plusDays(2)));
        postings.add(new AgendaInput.Posting("a1", "ask", "Need a lawyer", TODAY.plusDays(3)));
        List<AgendaItem> items = agenda();
        assertThat(items).extracting(AgendaItem::type).containsExactly(AgendaType.EXPIRING, AgendaType.PLEDGE_DUE);
        assertThat(items).allSatisfy(i -> assertThat(i.dueOn()).isEqualTo(TODAY));
        assertThat(items.get(1).reason()).contains("You pledged to help Bea with \u201cFix my deck\u201d by 2026-11-28");
    }
}
