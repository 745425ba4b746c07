package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedGainDifferenceTest {

    // Group A: 3 pairs (0.5 -> 0.8, 0.6 -> 0.9, 0.7 -> 0.7), gains 0.3, 0.3, 0.0, mean gain 0.2.
    // Group B: 2 pairs (0.5 -> 0.6, 0.5 -> 0.4), gains 0.1, -0.1, mean gain 0.0.
    // Delta = 0.2 - 0.0 = 0.2.
    static final double[] A0 = {0.5, 0.6, 0.7};
    static final double[] A1 = {0.8, 0.9, 0.7};
    static final double[] B0 = {0.5, 0.5};
    static final double[] B1 = {0.6, 0.4};

    @Test
    void estimateIsTheDifferenceOfMeanGains() {
        final PairedGainDifferenceResult r = PairedGainDifference.withDefaults().test(A0, A1, B0, B1);
        assertThat(r.gainA()).isCloseTo(0.2, within(1e-12));
        assertThat(r.gainB()).isCloseTo(0.0, within(1e-12));
        assertThat(r.estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(PairedGainDifference.withDefaults().statistic(A0, A1, B0, B1)).isCloseTo(0.2, within(1e-12));
        assertThat(r.nA()).isEqualTo(3);
        assertThat(r.nB()).isEqualTo(2);
    }

    @Test
    void intervalMatchesTheExactBootstrapDistribution() {
        // The bootstrap distribution can be enumerated: mean(A*) = 0.1 * K with K ~ Binomial(3, 2/3)
        // (P = 1/27, 6/27, 12/27, 8/27 for K = 0..3); mean(B*) = 0.1, 0, -0.1 with P = 1/4, 1/2, 1/4.
        // Delta* = mean(A*) - mean(B*):
        //   -0.1: 1/108        cumulative 0.0093
        //    0.0: 8/108                   0.0833
        //    0.1: 25/108                  0.3148
        //    0.2: 38/108                  0.6667
        //    0.3: 28/108                  0.9259
        //    0.4: 8/108                   1
        // The 2.5% quantile lies in the step at 0.0 and the 97.5% quantile in the step at 0.4: the
        // exact 95% percentile interval is [0.0, 0.4]; the 80% interval (10%, 90%) is [0.1, 0.3].
        // numpy check (random, B = 200000): np.quantile(a[rng.integers(0, 3, (B, 3))].mean(1)
        //   - b[rng.integers(0, 2, (B, 2))].mean(1), [.025, .975, .1, .9]) -> [0, 0.4, 0.1, 0.3]
        // With B = 20000 the empirical quantiles fall in the same steps (the nearest step edge is
        // 0.016 away from 0.025, 23 standard errors of an empirical CDF at B = 20000).
        final PairedGainDifference g = PairedGainDifference.withDefaults().withBootstrap(20000).withSeed(3);
        final PairedGainDifferenceResult r95 = g.test(A0, A1, B0, B1);
        assertThat(r95.interval().low()).isCloseTo(0.0, within(1e-12));
        assertThat(r95.interval().high()).isCloseTo(0.4, within(1e-12));
        assertThat(r95.interval().confidence()).isEqualTo(0.95);
        final PairedGainDifferenceResult r80 = g.withConfidence(0.8).test(A0, A1, B0, B1);
        assertThat(r80.interval().low()).isCloseTo(0.1, within(1e-12));
        assertThat(r80.interval().high()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void gainsOverloadSameSeedAndSwapSymmetry() {
        final PairedGainDifference g = PairedGainDifference.withDefaults().withBootstrap(20000).withSeed(8);
        final PairedGainDifferenceResult pairs = g.test(A0, A1, B0, B1);
        final PairedGainDifferenceResult gains = g.testGains(new double[] {0.3, 0.3, 0.0}, new double[] {0.1, -0.1});
        assertThat(gains.estimate()).isCloseTo(pairs.estimate(), within(1e-12));
        assertThat(gains.interval().low()).isCloseTo(pairs.interval().low(), within(1e-12));
        assertThat(gains.interval().high()).isCloseTo(pairs.interval().high(), within(1e-12));
        assertThat(g.test(A0, A1, B0, B1)).isEqualTo(pairs);
        // B versus A: the negated estimate, and (the distribution being exact here) the mirrored interval
        final PairedGainDifferenceResult swapped = g.test(B0, B1, A0, A1);
        assertThat(swapped.estimate()).isCloseTo(-0.2, within(1e-12));
        assertThat(swapped.interval().low()).isCloseTo(-0.4, within(1e-12));
        assertThat(swapped.interval().high()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void degenerateCases() {
        final PairedGainDifference g = PairedGainDifference.withDefaults();
        final PairedGainDifferenceResult noB = g.test(A0, A1, new double[0], new double[0]);
        assertThat(noB.estimate()).isNaN();
        assertThat(noB.interval()).isNull();
        assertThat(noB.defined()).isFalse();
        assertThat(noB.gainA()).isCloseTo(0.2, within(1e-12));
        final PairedGainDifferenceResult one = g.testGains(new double[] {0.25}, new double[] {-0.5});
        assertThat(one.estimate()).isEqualTo(0.75);
        assertThat(one.interval().low()).isEqualTo(0.75);
        assertThat(one.interval().high()).isEqualTo(0.75);
        assertThatThrownBy(() -> g.test(A0, new double[] {1}, B0, B1))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("a1 has length 1, expected 3");
        assertThatThrownBy(() -> g.testGains(new double[] {Double.NaN}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("gainsA[0] is not finite (NaN)");
    }
}
