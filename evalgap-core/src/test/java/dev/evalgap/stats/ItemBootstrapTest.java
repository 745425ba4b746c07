package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ItemBootstrapTest {

    @Test
    void drawsTheSameResamplesAsBootstrapMean() {
        // Same seed, same generator, same order of nextInt(n) draws: the mean of the drawn items is
        // BootstrapMean's resampled mean, so the two percentile intervals are identical.
        final SplittableRandom rng = new SplittableRandom(1);
        final double[] x = new double[60];
        Arrays.setAll(x, i -> rng.nextGaussian());
        final AgreementFigure f = ItemBootstrap.withDefaults().withResamples(2000).withSeed(5)
            .run(x.length, idx -> mean(x, idx));
        final BootstrapMeanResult m = BootstrapMean.withDefaults().withBootstrap(2000).withSeed(5).test(x);
        assertThat(f.estimate()).isEqualTo(m.mean());
        assertThat(f.interval()).isEqualTo(m.interval());
        assertThat(f.items()).isEqualTo(60);
        assertThat(f.resamples()).isEqualTo(2000);
        assertThat(f.undefinedResamples()).isZero();
        assertThat(f.seed()).isEqualTo(5);
    }

    @Test
    void sameSeedSameFigureAndTheIntervalHoldsTheEstimate() {
        final int[][] ab = correlatedRaters(new SplittableRandom(2), 300, 0.6);
        final ItemBootstrap b = ItemBootstrap.withDefaults().withSeed(9);
        final AgreementFigure f = b.run(300, idx -> kappa(ab, idx));
        assertThat(b.run(300, idx -> kappa(ab, idx))).isEqualTo(f);
        assertThat(b.withSeed(10).run(300, idx -> kappa(ab, idx)).interval()).isNotEqualTo(f.interval());
        assertThat(f.interval().contains(f.estimate())).isTrue();
        assertThat(f.interval().confidence()).isEqualTo(0.95);
        // kappa of 300 items has a standard error near 0.045: the 95% interval is about 0.18 wide
        assertThat(f.interval().width()).isBetween(0.1, 0.3);
        assertThat(f.reading()).isEqualTo(LandisKoch.of(f.estimate()));
        assertThat(b.withConfidence(0.5).run(300, idx -> kappa(ab, idx)).interval().width())
            .isLessThan(f.interval().width());
    }

    @Test
    void undefinedResamplesAreLeftOutAndCounted() {
        // undefined when every drawn item is the same one: probability 3 (1/3)^3 = 1/9 per resample
        final ItemBootstrap b = ItemBootstrap.withDefaults().withResamples(1000).withSeed(4);
        final AgreementFigure f = b.run(3, idx -> Arrays.stream(idx).distinct().count() < 2 ? Double.NaN : idx.length);
        assertThat(f.undefinedResamples()).isBetween(80, 145);
        assertThat(f.interval().low()).isEqualTo(3.0);
    }

    @Test
    void noIntervalWithoutAnEstimateOrTwoDefinedResamples() {
        final AtomicInteger calls = new AtomicInteger();
        final AgreementFigure undefined = ItemBootstrap.withDefaults().run(50, idx -> {
            calls.incrementAndGet();
            return Double.NaN;
        });
        assertThat(calls.get()).isEqualTo(1);
        assertThat(undefined.interval()).isNull();
        assertThat(undefined.undefinedResamples()).isEqualTo(1000);
        assertThat(undefined.defined()).isFalse();
        assertThat(ItemBootstrap.withDefaults().withResamples(1).run(50, idx -> 0.5).interval()).isNull();
        final AgreementFigure empty = ItemBootstrap.withDefaults().run(0, idx -> 0.5);
        assertThat(empty.interval()).isNull();
        assertThat(empty.items()).isZero();
    }

    /**
     * Coverage: raters whose population kappa is known. Rater a codes from p = (0.5, 0.3, 0.2);
     * rater b copies a with probability rho, else codes independently from p. Both margins are p, so
     * p_e = sum p^2, p_o = rho + (1 - rho) p_e and kappa = rho exactly. The percentile interval of
     * 150 items should cover rho in about 95% of 200 samples (binomial sd 1.5 points); it runs a
     * little below nominal for a bounded, skewed statistic like kappa.
     */
    @Test
    void theIntervalCoversThePopulationKappaAtAboutTheNominalRate() {
        final double rho = 0.6;
        final int items = 150;
        final int samples = 200;
        int covered = 0;
        for (int s = 0; s < samples; s++) {
            final int[][] ab = correlatedRaters(new SplittableRandom(1000 + s), items, rho);
            final AgreementFigure f = ItemBootstrap.withDefaults().withResamples(500).withSeed(s)
                .run(items, idx -> kappa(ab, idx));
            covered += f.interval().contains(rho) ? 1 : 0;
        }
        assertThat(covered / (double) samples).isBetween(0.88, 0.99);
    }

    @Test
    void invalidArguments() {
        assertThatThrownBy(() -> ItemBootstrap.withDefaults().withResamples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemBootstrap.withDefaults().withConfidence(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemBootstrap.withDefaults().run(-1, idx -> 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("items must be >= 0, got -1");
    }

    /** Summed in order, as BootstrapMean does (DoubleStream.sum compensates and differs in the last bits). */
    private static double mean(double[] x, int[] idx) {
        double sum = 0;
        for (final int i : idx) {
            sum += x[i];
        }
        return sum / idx.length;
    }

    private static int[][] correlatedRaters(SplittableRandom rng, int n, double rho) {
        final int[][] ab = new int[2][n];
        for (int i = 0; i < n; i++) {
            ab[0][i] = category(rng);
            ab[1][i] = rng.nextDouble() < rho ? ab[0][i] : category(rng);
        }
        return ab;
    }

    private static int category(SplittableRandom rng) {
        final double u = rng.nextDouble();
        return u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
    }

    private static double kappa(int[][] ab, int[] idx) {
        final int[] a = new int[idx.length];
        final int[] b = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            a[i] = ab[0][idx[i]];
            b[i] = ab[1][idx[i]];
        }
        return CohensKappa.of(a, b, 3, KappaWeights.NONE);
    }
}
