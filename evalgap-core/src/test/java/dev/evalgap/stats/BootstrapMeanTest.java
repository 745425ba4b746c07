package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapMeanTest {

    @Test
    void frequencyTableMatchesScipyPercentileBootstrap() {
        // v = 3 x 1, 5 x 2, 7 x 3, 10 x 4, 15 x 5 (a CSAT histogram)
        // scipy.stats.bootstrap((v,), np.mean, n_resamples=20000, method='percentile',
        //                       random_state=np.random.default_rng(3)) -> mean 3.725, CI (3.325, 4.1)
        final BootstrapMeanResult r = BootstrapMean.withDefaults().withBootstrap(20000).withSeed(5)
            .test(new double[] {5, 1, 4, 2, 3}, new long[] {15, 3, 10, 5, 7});
        assertThat(r.mean()).isCloseTo(3.725, within(1e-12));
        assertThat(r.n()).isEqualTo(40);
        assertThat(r.interval().low()).isCloseTo(3.325, within(0.04));
        assertThat(r.interval().high()).isCloseTo(4.1, within(0.04));
    }

    @Test
    void tableAndListedValuesAgree() {
        final double[] listed = {1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5,
            5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        final BootstrapMean b = BootstrapMean.withDefaults().withBootstrap(20000).withSeed(9);
        final BootstrapMeanResult fromValues = b.test(listed);
        final BootstrapMeanResult fromTable = b.test(new double[] {1, 2, 3, 4, 5}, new long[] {3, 5, 7, 10, 15});
        assertThat(fromValues.mean()).isCloseTo(fromTable.mean(), within(1e-12));
        assertThat(fromValues.interval().low()).isCloseTo(fromTable.interval().low(), within(0.03));
        assertThat(fromValues.interval().high()).isCloseTo(fromTable.interval().high(), within(0.03));
        assertThat(b.test(listed)).isEqualTo(fromValues);
    }

    @Test
    void stratifiedMeanReweightsStrataAndReportsUnrepresentedWeight() {
        // strata means 0.9 and 0.5, weights 0.2 and 0.6; the third stratum (0.2) has no value:
        // (0.2 * 0.9 + 0.6 * 0.5) / 0.8 = 0.6
        final double[][] strata = {{0.8, 1.0}, {0.4, 0.5, 0.6}, {}};
        final BootstrapMeanResult r = BootstrapMean.withDefaults().withSeed(1)
            .testStratified(strata, new double[] {0.2, 0.6, 0.2});
        assertThat(r.mean()).isCloseTo(0.6, within(1e-12));
        assertThat(r.representedWeight()).isCloseTo(0.8, within(1e-12));
        assertThat(r.strata()).isEqualTo(2);
        assertThat(r.n()).isEqualTo(5);
        // resampled strata means lie in [0.8, 1.0] and [0.4, 0.6]: the estimate lies in [0.5, 0.7]
        assertThat(r.interval().low()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.interval().high()).isLessThanOrEqualTo(0.7);
        assertThat(r.interval().contains(0.6)).isTrue();
    }

    @Test
    void degenerateCases() {
        final BootstrapMean b = BootstrapMean.withDefaults();
        assertThat(b.test(new double[0]).interval()).isNull();
        assertThat(b.test(new double[0]).mean()).isNaN();
        final BootstrapMeanResult one = b.test(new double[] {4});
        assertThat(one.interval().low()).isEqualTo(4.0);
        assertThat(one.interval().high()).isEqualTo(4.0);
        assertThat(b.test(new double[] {1}, new long[] {0}).mean()).isNaN();
        assertThat(b.testStratified(new double[][] {{}, {}}, new double[] {1, 1}).interval()).isNull();
        assertThatThrownBy(() -> b.test(new double[] {1, 2}, new long[] {1, -1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("counts[1] must be finite and >= 0, got -1");
        assertThatThrownBy(() -> b.test(new double[] {Double.POSITIVE_INFINITY}))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
