package org.reciprocity.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void reliabilityIsTheBetaMeanOfKeptAndLapsedPledges() {
        assertThat(Signals.reliability(0, 0)).isEqualTo(0.5);
        assertThat(Signals.reliability(4, 1)).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(Signals.reliability(0, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Signals.reliability(40, 10)).isGreaterThan(Signals.reliability(4, 1));
        assertThatThrownBy(() -> Signals.reliability(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gratitudeIsTheShareThankedAndUnknownWithoutFavorsReceived() {
        assertThat(Signals.gratitude(0, 0)).isNull();
        assertThat(Signals.gratitude(3, 4)).isEqualTo(0.75);
        assertThatThrownBy(() -> Signals.gratitude(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMedianOfOddAndEvenCounts() {
        assertThat(Signals.median(new int[0])).isNull();
        assertThat(Signals.median(new int[] {9, 1, 3})).isEqualTo(3);
        assertThat(Signals.median(new int[] {9, 1, 3, 4})).isEqualTo(3.5);
    }
}
