package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void containsIncludesEnds() {
        final Interval i = new Interval(0.4, 0.6, 0.95);
        assertThat(i.contains(0.4)).isTrue();
        assertThat(i.contains(0.6)).isTrue();
        assertThat(i.contains(0.5)).isTrue();
        assertThat(i.contains(0.3999)).isFalse();
        assertThat(i.contains(Double.NaN)).isFalse();
        assertThat(i.width()).isEqualTo(0.6 - 0.4);
    }

    @Test
    void invalidIntervalsAreRejected() {
        assertThatThrownBy(() -> new Interval(0.6, 0.4, 0.95))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> new Interval(Double.NaN, 0.4, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(0.1, 0.4, 1.0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence level must be in (0, 1)");
        assertThatThrownBy(() -> new Interval(0.1, 0.4, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
