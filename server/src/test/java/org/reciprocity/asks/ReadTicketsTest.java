package org.reciprocity.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.asks.ReadTickets.Of;

class ReadTicketsTest {

    private final ReadTickets tickets = new ReadTickets();

    @Test
    void anOlderReadAppliedAfterANewerOneIsDropped() {
        long older = tickets.take();
        long newer = tickets.take();
        assertThat(tickets.isCurrent(Of.MEMBER, 7, newer)).isTrue();
        tickets.applied(Of.MEMBER, List.of(7L), newer);
        tickets.done(newer);

        assertThat(tickets.isCurrent(Of.MEMBER, 7, older)).isFalse();
        assertThat(tickets.isCurrent(Of.MEMBER, 8, older)).isTrue(); // another document
        assertThat(tickets.isCurrent(Of.POSTING, 7, older)).isTrue(); // a posting is not a member
        tickets.done(older);
    }

    @Test
    void aNewerReadAppliedAfterAnOlderOneIsKept() {
        long older = tickets.take();
        long newer = tickets.take();
        tickets.applied(Of.POSTING, List.of(3L), older);
        tickets.done(older);
        assertThat(tickets.isCurrent(Of.POSTING, 3, newer)).isTrue();
        tickets.done(newer);
    }

    @Test
    void aRebuildOutdatesEveryReadBegunBeforeIt() {
        long before = tickets.take();
        long rebuild = tickets.take();
        long after = tickets.take();
        tickets.rebuilt(rebuild);
        tickets.done(rebuild);
        assertThat(tickets.isCurrent(Of.MEMBER, 1, before)).isFalse();
        assertThat(tickets.isCurrent(Of.MEMBER, 1, after)).isTrue();
        tickets.done(before);
        tickets.done(after);
    }

    @Test
    void whatWasAppliedIsForgottenOnceNoOlderReadRuns() {
        long older = tickets.take();
        long newer = tickets.take();
        tickets.applied(Of.MEMBER, List.of(1L, 2L), newer);
        tickets.done(newer);
        assertThat(tickets.remembered()).isEqualTo(2); // the older read may still try to apply
        tickets.done(older);
        assertThat(tickets.remembered()).isZero();
        assertThat(tickets.isCurrent(Of.MEMBER, 1, tickets.take())).isTrue();
    }
}
