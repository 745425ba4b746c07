package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTwoSampleTestTest {

    private static final ClassifierTwoSampleTest C2ST = ClassifierTwoSampleTest.withDefaults();

    /** n rows of N(shift * 1, I_d), from java.util.Random(seed) (its Gaussian algorithm is specified). */
    static float[][] gaussian(int n, int d, double shift, long seed) {
        final Random rnd = new Random(seed);
        final float[][] x = new float[n][d];
        for (final float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rnd.nextGaussian() + shift);
            }
        }
        return x;
    }

    @Test
    void twoHalvesOfOneSampleAreIndistinguishable() {
        final float[][] all = gaussian(600, 20, 0, 2024);
        final float[][] a = Arrays.copyOfRange(all, 0, 300);
        final float[][] b = Arrays.copyOfRange(all, 300, 600);
        final ClassifierTwoSampleResult r = C2ST.test(a, b);
        assertThat(r.auc()).isBetween(0.44, 0.56);
        assertThat(r.aucInterval().contains(0.5)).isTrue();
        assertThat(r.gapInterval().contains(0)).isTrue();
        assertThat(r.gapInterval().low()).isEqualTo(0.0);
        assertThat(r.distinguishable()).isFalse();
        // Percentile interval of a Mann-Whitney AUC under H0: half-width about
        // 1.96 * sqrt((n0 + n1 + 1) / (12 n0 n1)) = 1.96 * 0.0236 = 0.046, times the Nadeau-Bengio
        // factor sqrt(1 + 5/4) = 1.5 for 5 folds: 0.069
        assertThat(r.aucInterval().width() / 2).isBetween(0.055, 0.085);
        assertThat(r.intervalInflation()).isEqualTo(1.5);
        assertThat(r.pValue()).isGreaterThan(0.05);
    }

    @Test
    void nullRejectionRateIsNearAlpha() {
        // 100 seeded null pairs (300 vs 300, 20-d, same distribution). Without the Nadeau-Bengio
        // widening the 95% interval excluded 0.5 in 16% of 400 such pairs (SD of the AUC 0.033 vs
        // bootstrap SE 0.023); widened by 1.5 it should reject at about alpha or a little less.
        // Binomial room for 100 pairs at p = 0.05: 5 +- 2.2, so at most 10.
        int rejected = 0;
        double sumP = 0;
        for (int s = 0; s < 100; s++) {
            final float[][] a = gaussian(300, 20, 0, 10_000 + 2 * s);
            final float[][] b = gaussian(300, 20, 0, 10_001 + 2 * s);
            final ClassifierTwoSampleResult r = C2ST.withSeed(s).withBootstrap(400).test(a, b);
            rejected += r.distinguishable() ? 1 : 0;
            sumP += r.pValue();
            assertThat(r.distinguishable()).isEqualTo(r.pValue() < 0.05 || !r.aucInterval().contains(0.5));
        }
        assertThat(rejected).as("rejections of 100 null pairs").isBetween(0, 10);
        assertThat(sumP / 100).as("mean p under H0").isBetween(0.4, 0.75);
    }

    @Test
    void knownMeanShiftIsDetected() {
        // a ~ N(0, I), b ~ N(0.3 * 1, I) in 20 dimensions: Mahalanobis distance D = 0.3 * sqrt(20) = 1.342,
        // Bayes-optimal AUC = Phi(D / sqrt 2) = Phi(0.949) = 0.829. A classifier fitted on 480 rows
        // gets somewhat less.
        final float[][] a = gaussian(300, 20, 0, 7);
        final float[][] b = gaussian(300, 20, 0.3, 8);
        final ClassifierTwoSampleResult r = C2ST.test(a, b);
        assertThat(r.auc()).isBetween(0.76, 0.85);
        assertThat(r.aucInterval().low()).isGreaterThan(0.5);
        assertThat(r.aucInterval().contains(r.auc())).isTrue();
        assertThat(r.gapScore()).isCloseTo(2 * (r.auc() - 0.5), within(1e-15));
        assertThat(r.gapInterval().low()).isGreaterThan(0.4);
        assertThat(r.gapInterval().contains(0)).isFalse();
        assertThat(r.distinguishable()).isTrue();
    }

    @Test
    void identicalRowsShareAFoldSoCopiesAreIndistinguishable() {
        // b is a copy of a. With ungrouped folds every held-out row would have a twin of the other
        // label in training and the AUC would fall to about 0.28 (a large, false gap). Grouped, the
        // twins are held out together and get equal scores: every pair is a tie, AUC exactly 0.5.
        final float[][] a = gaussian(200, 20, 0, 5);
        final ClassifierTwoSampleResult copy = C2ST.test(a, a.clone());
        assertThat(copy.auc()).isEqualTo(0.5);
        assertThat(copy.gapScore()).isEqualTo(0.0);
        assertThat(copy.duplicateRows()).isEqualTo(400);
        assertThat(copy.gapInterval().contains(0)).isTrue();

        // Half of b copied from a, half fresh from the same distribution: still indistinguishable
        final float[][] fresh = gaussian(100, 20, 0, 6);
        final float[][] b = new float[200][];
        System.arraycopy(a, 0, b, 0, 100);
        System.arraycopy(fresh, 0, b, 100, 100);
        final ClassifierTwoSampleResult half = C2ST.test(a, b);
        assertThat(half.duplicateRows()).isEqualTo(200);
        assertThat(half.aucInterval().contains(0.5)).as("%s", half).isTrue();
    }

    @Test
    void swappingSamplesKeepsTheGap() {
        final float[][] a = gaussian(200, 10, 0, 1);
        final float[][] b = gaussian(260, 10, 0.15, 2);
        final ClassifierTwoSampleResult ab = C2ST.test(a, b);
        final ClassifierTwoSampleResult ba = C2ST.test(b, a);
        // Same folds and resamples (dealt in fingerprint order); the models flip sign with the
        // labels, so the AUC itself is unchanged
        assertThat(ab.auc()).isGreaterThan(0.55);
        assertThat(ba.auc()).isCloseTo(ab.auc(), within(1e-12));
        assertThat(ba.gapScore()).isCloseTo(ab.gapScore(), within(1e-12));
        assertThat(ba.aucInterval().low()).isCloseTo(ab.aucInterval().low(), within(1e-12));
        assertThat(ba.aucInterval().high()).isCloseTo(ab.aucInterval().high(), within(1e-12));
        assertThat(ba.gapInterval().low()).isCloseTo(ab.gapInterval().low(), within(1e-12));
        assertThat(ba.gapInterval().high()).isCloseTo(ab.gapInterval().high(), within(1e-12));
        assertThat(ba.nA()).isEqualTo(260);
        assertThat(ba.nB()).isEqualTo(200);
    }

    @Test
    void sameSeedSameResultAnyThreadCount() {
        final float[][] a = gaussian(150, 8, 0, 3);
        final float[][] b = gaussian(170, 8, 0.1, 4);
        final ClassifierTwoSampleResult r = C2ST.withSeed(99).test(a, b);
        assertThat(C2ST.withSeed(99).test(a, b)).isEqualTo(r);
        assertThat(C2ST.withSeed(99).withThreads(1).test(a, b)).isEqualTo(r);
        assertThat(C2ST.withSeed(99).withThreads(4).test(a, b)).isEqualTo(r);
        assertThat(C2ST.withSeed(99).statistic(a, b)).isEqualTo(r.auc());
        assertThat(C2ST.withSeed(100).test(a, b)).isNotEqualTo(r);
    }

    @Test
    void resultRecordsItsParametersAndStaysInRange() {
        final float[][] a = gaussian(120, 6, 0, 5);
        final float[][] b = gaussian(90, 6, 0.2, 6);
        final ClassifierTwoSampleResult r = C2ST.withFolds(4).withBootstrap(300).withConfidence(0.9)
            .withSeed(17).withRegularization(0.5).test(a, b);
        assertThat(r.nA()).isEqualTo(120);
        assertThat(r.nB()).isEqualTo(90);
        assertThat(r.dimension()).isEqualTo(6);
        assertThat(r.folds()).isEqualTo(4);
        assertThat(r.bootstrapResamples()).isEqualTo(300);
        assertThat(r.seed()).isEqualTo(17);
        assertThat(r.regularization()).isEqualTo(0.5);
        assertThat(r.aucInterval().confidence()).isEqualTo(0.9);
        assertThat(r.gapInterval().confidence()).isEqualTo(0.9);
        assertThat(r.solverConverged()).isTrue();
        assertThat(r.solverIterations()).isBetween(1, 1000);
        assertThat(r.auc()).isBetween(0.0, 1.0);
        assertThat(r.aucInterval().low()).isBetween(0.0, 1.0);
        assertThat(r.aucInterval().high()).isBetween(r.aucInterval().low(), 1.0);
        assertThat(r.gapScore()).isBetween(0.0, 1.0);
        assertThat(r.gapInterval().low()).isBetween(0.0, 1.0);
        assertThat(r.gapInterval().high()).isBetween(r.gapInterval().low(), 1.0);
        // Same resamples: the 50% interval lies inside the 90% one, which lies inside the 99% one
        final ClassifierTwoSampleTest t = C2ST.withFolds(4).withBootstrap(300).withSeed(17).withRegularization(0.5);
        final Interval i50 = t.withConfidence(0.5).test(a, b).aucInterval();
        final Interval i99 = t.withConfidence(0.99).test(a, b).aucInterval();
        assertThat(i50.low()).isGreaterThanOrEqualTo(r.aucInterval().low());
        assertThat(i50.high()).isLessThanOrEqualTo(r.aucInterval().high());
        assertThat(i99.low()).isLessThanOrEqualTo(r.aucInterval().low());
        assertThat(i99.high()).isGreaterThanOrEqualTo(r.aucInterval().high());
        assertThat(i50.width()).isLessThan(i99.width());
    }

    @Test
    void optionsAreCopied() {
        final ClassifierTwoSampleTest t = C2ST.withFolds(3).withBootstrap(10).withConfidence(0.8)
            .withSeed(5).withRegularization(2).withThreads(1);
        assertThat(C2ST.folds()).isEqualTo(5);
        assertThat(C2ST.bootstrapResamples()).isEqualTo(1000);
        assertThat(C2ST.confidence()).isEqualTo(0.95);
        assertThat(C2ST.seed()).isEqualTo(0);
        assertThat(C2ST.regularization()).isEqualTo(1.0);
        assertThat(C2ST.threads()).isEqualTo(2);
        assertThat(t.folds()).isEqualTo(3);
        assertThat(t.bootstrapResamples()).isEqualTo(10);
        assertThat(t.confidence()).isEqualTo(0.8);
        assertThat(t.seed()).isEqualTo(5);
        assertThat(t.regularization()).isEqualTo(2.0);
        assertThat(t.threads()).isEqualTo(1);
    }

    @Test
    void gapIntervalIsTheImageOfTheAucInterval() {
        // contains 0.5: [0, max(2|l - .5|, 2|h - .5|)]
        assertGap(new Interval(0.45, 0.6, 0.95), 0.0, 0.2);
        assertGap(new Interval(0.3, 0.55, 0.95), 0.0, 0.4);
        assertGap(new Interval(0.5, 0.5, 0.95), 0.0, 0.0);
        // above 0.5: [2(l - .5), 2(h - .5)]
        assertGap(new Interval(0.6, 0.7, 0.95), 0.2, 0.4);
        // below 0.5: [2(.5 - h), 2(.5 - l)]
        assertGap(new Interval(0.2, 0.4, 0.95), 0.2, 0.6);
        assertThat(ClassifierTwoSampleTest.gapScore(0.3)).isCloseTo(0.4, within(1e-15));
        assertThat(ClassifierTwoSampleTest.gapScore(0.5)).isEqualTo(0.0);
    }

    private static void assertGap(Interval auc, double low, double high) {
        final Interval g = ClassifierTwoSampleTest.gapInterval(auc);
        assertThat(g.low()).isCloseTo(low, within(1e-12));
        assertThat(g.high()).isCloseTo(high, within(1e-12));
        assertThat(g.confidence()).isEqualTo(auc.confidence());
        assertThat(g.contains(0)).isEqualTo(auc.contains(0.5));
    }

    @Test
    void quantilesInterpolateLinearly() {
        // numpy.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) = [1.075, 2.5, 3.925]  (method='linear')
        final double[] x = {1, 2, 3, 4};
        assertThat(Quantiles.type7(x, 0.025)).isCloseTo(1.075, within(1e-12));
        assertThat(Quantiles.type7(x, 0.5)).isCloseTo(2.5, within(1e-12));
        assertThat(Quantiles.type7(x, 0.975)).isCloseTo(3.925, within(1e-12));
        assertThat(Quantiles.type7(new double[] {0.7}, 0.975)).isEqualTo(0.7);
    }

    @Test
    void degenerateInputsAreRejected() {
        final float[][] ok = gaussian(10, 3, 0, 1);
        assertThatThrownBy(() -> C2ST.test(gaussian(4, 3, 0, 2), ok))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sample a has 4 rows, fewer than the number of folds (5)");
        assertThatThrownBy(() -> C2ST.test(ok, gaussian(3, 3, 0, 2)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sample b has 3 rows");
        assertThatThrownBy(() -> C2ST.test(ok, gaussian(10, 4, 0, 2)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("samples differ in dimension: a has 3, b has 4");
        assertThatThrownBy(() -> C2ST.test(new float[0][], ok))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is empty");
        final float[][] bad = gaussian(10, 3, 0, 3);
        bad[7][2] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> C2ST.statistic(ok, bad))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("b: value at row 7, column 2 is not finite");
        assertThatThrownBy(() -> C2ST.withFolds(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> C2ST.withBootstrap(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap resamples must be >= 1");
        assertThatThrownBy(() -> C2ST.withConfidence(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> C2ST.withConfidence(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> C2ST.withRegularization(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> C2ST.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
