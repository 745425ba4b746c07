package dev.evalgap.demo;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeeklyMixTest {

    @Test
    void sharesAreProbabilitiesSummingToOneEveryWeek() {
        for (int w = 1; w <= Timeline.WEEKS; w++) {
            double sum = 0;
            for (IntentGroup g : IntentGroup.values()) {
                double s = WeeklyMix.share(g, w);
                assertThat(s).as("%s week %d", g, w).isBetween(0.0, 1.0);
                sum += s;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void featureStartsInWeek7AndPolicyInWeek9() {
        for (int w = 1; w <= Timeline.WEEKS; w++) {
            assertThat(WeeklyMix.share(IntentGroup.FEATURE, w) > 0).isEqualTo(w >= Timeline.FEATURE_WEEK);
            assertThat(WeeklyMix.share(IntentGroup.POLICY, w) > 0).isEqualTo(w >= Timeline.POLICY_WEEK);
        }
        assertThatThrownBy(() -> WeeklyMix.share(IntentGroup.CORE, 13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsFollowTheShares() {
        WeeklyMix mix = new WeeklyMix(Vocabulary.standard());
        SplittableRandom rng = new SplittableRandom(11);
        int n = 40_000;
        Map<IntentGroup, Integer> counts = new EnumMap<>(IntentGroup.class);
        for (int i = 0; i < n; i++) {
            counts.merge(mix.draw(12, rng).group(), 1, Integer::sum);
        }
        for (IntentGroup g : IntentGroup.values()) {
            assertThat(counts.getOrDefault(g, 0) / (double) n).as(g.tag())
                    .isCloseTo(WeeklyMix.share(g, 12), within(0.01));
        }
    }
}
