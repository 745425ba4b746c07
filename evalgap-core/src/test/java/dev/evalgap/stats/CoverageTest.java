package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final Coverage COV = Coverage.withDefaults();
    private static final int D = 32;
    private static final int K = 10;
    /** K unit directions in 32 dimensions: the topics of a synthetic production stream. */
    private static final float[][] TOPICS = topics(K, D, 1);

    private static float[][] topics(int k, int d, long seed) {
        final Random r = new Random(seed);
        final float[][] c = new float[k][d];
        for (final float[] row : c) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
                s += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] /= Math.sqrt(s);
            }
        }
        return c;
    }

    /**
     * n rows: topic t drawn with probability proportional to weights[t], row = topic direction +
     * noise * N(0, I / d). Writes the topic of every row to {@code topicOut} if not null.
     */
    static float[][] draw(double[] weights, int n, double noise, long seed, int[] topicOut) {
        final Random r = new Random(seed);
        double total = 0;
        for (final double v : weights) {
            total += v;
        }
        final float[][] x = new float[n][D];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * total;
            int t = 0;
            while (t < weights.length - 1 && u >= weights[t]) {
                u -= weights[t];
                t++;
            }
            if (topicOut != null) {
                topicOut[i] = t;
            }
            for (int j = 0; j < D; j++) {
                x[i][j] = (float) (TOPICS[t][j] + noise * r.nextGaussian() / Math.sqrt(D));
            }
        }
        return x;
    }

    private static double[] uniform() {
        final double[] w = new double[K];
        Arrays.fill(w, 1);
        return w;
    }

    /** Production with topic 0 at 30%, the other nine sharing 70%. */
    private static double[] withMissingTopic() {
        final double[] w = new double[K];
        Arrays.fill(w, 0.7 / (K - 1));
        w[0] = 0.3;
        return w;
    }

    @Test
    void handWorkedExample() {
        // P = the four axis directions of the plane, E = {(1, 0)}, R = {(1, 1)/sqrt 2}
        // d_E = (0, 1, 2, 1); d_R = (1 - 1/sqrt 2, 1 - 1/sqrt 2, 1 + 1/sqrt 2, 1 + 1/sqrt 2) = (a, a, b, b)
        // tau = smallest v with W{d_R <= v} >= 1/2 = a (W = 2/4); W{d_E <= a} = 1/4 -> relative 0.25 / 0.5
        // tau_u = smallest v with W{d_R <= v} >= 0.95 = b; W{d_E > b} = W{p3} = 1/4
        final float[][] p = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        final float[][] e = {{1, 0}};
        final float[][] r = {{1, 1}};
        final double a = 1 - Math.sqrt(0.5);
        final double b = 1 + Math.sqrt(0.5);
        final CoverageResult c = COV.withBootstrap(200).test(p, e, r);
        assertThat(c.evalDistances()).containsExactly(new double[] {0, 1, 2, 1}, within(1e-7));
        assertThat(c.referenceDistances()).containsExactly(new double[] {a, a, b, b}, within(1e-7));
        assertThat(c.nearestEval()).containsOnly(0);
        assertThat(c.threshold()).isCloseTo(a, within(1e-7));
        assertThat(c.uncoveredThreshold()).isCloseTo(b, within(1e-7));
        assertThat(c.coveredShare()).isEqualTo(0.25);
        assertThat(c.referenceCoveredShare()).isEqualTo(0.5);
        assertThat(c.relativeCoverage()).isEqualTo(0.5);
        assertThat(c.uncoveredShare()).isEqualTo(0.25);
        assertThat(c.uncovered(2)).isTrue();
        assertThat(c.uncovered(1)).isFalse();
        // Weights (1, 1, 1, 5), W = 8: W{d_R <= a} = 2/8 < 1/2, W{d_R <= b} = 1, so tau = tau_u = b;
        // W{d_E <= b} = (1 + 1 + 5) / 8 -> relative (7/8) / 1; W{d_E > b} = 1/8
        final CoverageResult w = COV.withBootstrap(200).test(p, e, r, new double[] {1, 1, 1, 5});
        assertThat(w.threshold()).isCloseTo(b, within(1e-7));
        assertThat(w.referenceCoveredShare()).isEqualTo(1.0);
        assertThat(w.relativeCoverage()).isEqualTo(0.875);
        assertThat(w.uncoveredShare()).isEqualTo(0.125);
        assertThat(w.weighted()).isTrue();
        // Kish: 8^2 / (1 + 1 + 1 + 25)
        assertThat(w.effectiveSize()).isCloseTo(64.0 / 28, within(1e-12));
    }

    @Test
    void freshProductionSampleCoversLikeProduction() {
        final float[][] p = draw(uniform(), 2000, 1.0, 10, null);
        final float[][] e = draw(uniform(), 500, 1.0, 11, null);
        final float[][] r = draw(uniform(), 500, 1.0, 12, null);
        final CoverageResult c = COV.test(p, e, r);
        assertThat(c.relativeCoverage()).isBetween(0.9, 1.1);
        assertThat(c.relativeCoverageInterval().contains(1)).isTrue();
        assertThat(c.belowReference()).isFalse();
        assertThat(c.uncoveredShare()).isBetween(0.03, 0.07);
        assertThat(c.uncoveredShareInterval().contains(0.05)).isTrue();
        // tau is a median of d_R: at least half, and (no ties) one item more than half at most
        assertThat(c.referenceCoveredShare()).isBetween(0.5, 0.5 + 1.0 / 2000);
        assertThat(c.threshold()).isLessThan(c.uncoveredThreshold());
        assertThat(c.nProduction()).isEqualTo(2000);
        assertThat(c.nEval()).isEqualTo(500);
        assertThat(c.nReference()).isEqualTo(500);
        assertThat(c.dimension()).isEqualTo(D);
        assertThat(c.weighted()).isFalse();
        assertThat(c.effectiveSize()).isEqualTo(2000.0);
        assertThat(c.bootstrapResamples()).isEqualTo(1000);
        assertThat(c.undefinedResamples()).isZero();
        assertThat(c.relativeCoverageInterval().confidence()).isEqualTo(0.95);
    }

    @Test
    void nullCalibration() {
        // 40 seeded triples (P, E, R) from one distribution, 1000 / 200 / 200 rows. The relative
        // coverage is unbiased, but its interval only resamples P and holds E and R fixed, so it
        // misses the variability between the two draws of 200: measured over 200 triples of this
        // design, the 95% interval contained 1 in 155 (78%); 71% at 5000 / 1000 / 1000 and noise
        // 1, 92% at 2000 / 500 / 500 and noise 2 (100 triples each). Asserted with binomial room
        // for 40 triples: p = 0.78 gives 31 +- 2.6. The uncovered share's interval contained its
        // expected value 0.05 in 184 of the 200 (92%).
        int containsOne = 0;
        int containsFive = 0;
        double relative = 0;
        double uncovered = 0;
        for (int s = 0; s < 40; s++) {
            final float[][] p = draw(uniform(), 1000, 1.0, 1000 + 3 * s, null);
            final float[][] e = draw(uniform(), 200, 1.0, 1001 + 3 * s, null);
            final float[][] r = draw(uniform(), 200, 1.0, 1002 + 3 * s, null);
            final CoverageResult c = COV.withSeed(s).withBootstrap(500).test(p, e, r);
            relative += c.relativeCoverage();
            uncovered += c.uncoveredShare();
            if (c.relativeCoverageInterval().contains(1)) {
                containsOne++;
            }
            if (c.uncoveredShareInterval().contains(0.05)) {
                containsFive++;
            }
        }
        assertThat(relative / 40).isBetween(0.97, 1.03);
        assertThat(uncovered / 40).isBetween(0.04, 0.06);
        assertThat(containsOne).as("intervals containing 1, of 40").isBetween(24, 40);
        assertThat(containsFive).as("intervals containing 0.05, of 40").isGreaterThanOrEqualTo(32);
    }

    @Test
    void evalSetMissingATopicOfThirtyPercent() {
        final double[] production = withMissingTopic();
        final double[] evalMix = production.clone();
        evalMix[0] = 0;
        final int[] topic = new int[2000];
        final float[][] p = draw(production, 2000, 1.0, 77, topic);
        final float[][] e = draw(evalMix, 500, 1.0, 78, null);
        final float[][] r = draw(production, 500, 1.0, 79, null);
        final CoverageResult c = COV.test(p, e, r);
        final long share = Arrays.stream(topic).filter(t -> t == 0).count();
        assertThat(share / 2000.0).isBetween(0.27, 0.33);
        // The missing topic is uncovered in full; the rest is as covered as by a production sample
        assertThat(c.uncoveredShare()).isCloseTo(0.3, within(0.04));
        assertThat(c.uncoveredShareInterval().low()).isGreaterThan(0.25);
        assertThat(c.relativeCoverage()).isLessThan(0.8);
        assertThat(c.relativeCoverageInterval().high()).isLessThan(0.85);
        assertThat(c.belowReference()).isTrue();
        int missed = 0;
        int uncoveredElsewhere = 0;
        for (int i = 0; i < 2000; i++) {
            if (topic[i] == 0 && c.uncovered(i)) {
                missed++;
            } else if (topic[i] != 0 && c.uncovered(i)) {
                uncoveredElsewhere++;
            }
        }
        // Nearly every row of the missing topic is uncovered (566 of 569 here: noise brings a few
        // within tau_u of another topic's eval case); elsewhere fewer than the 5% of a fresh sample
        assertThat(missed).isGreaterThanOrEqualTo((int) (0.98 * share));
        assertThat(uncoveredElsewhere).isLessThan((int) (0.05 * (2000 - share)));
    }

    @Test
    void weightsAreRespected() {
        final double[] production = withMissingTopic();
        final double[] evalMix = production.clone();
        evalMix[0] = 0;
        final int[] topic = new int[2000];
        final float[][] p = draw(production, 2000, 1.0, 77, topic);
        final float[][] e = draw(evalMix, 500, 1.0, 78, null);
        final float[][] r = draw(production, 500, 1.0, 79, null);
        // All the weight (say, revenue) on the topic the eval set misses
        final double[] onMissing = new double[2000];
        int members = 0;
        for (int i = 0; i < 2000; i++) {
            if (topic[i] == 0) {
                onMissing[i] = 1;
                members++;
            }
        }
        final CoverageResult c = COV.test(p, e, r, onMissing);
        assertThat(c.uncoveredShare()).isGreaterThan(0.99);
        assertThat(c.uncoveredShareInterval().low()).isGreaterThan(0.98);
        assertThat(c.relativeCoverage()).isLessThan(0.01);
        assertThat(c.weighted()).isTrue();
        assertThat(c.effectiveSize()).isCloseTo(members, within(1e-9));
        // Unit weights reproduce the unweighted figures
        final double[] ones = new double[2000];
        Arrays.fill(ones, 1);
        final CoverageResult unit = COV.test(p, e, r, ones);
        final CoverageResult plain = COV.test(p, e, r);
        assertThat(unit.relativeCoverage()).isEqualTo(plain.relativeCoverage());
        assertThat(unit.relativeCoverageInterval()).isEqualTo(plain.relativeCoverageInterval());
        assertThat(unit.uncoveredShareInterval()).isEqualTo(plain.uncoveredShareInterval());
        // Weight off the missing topic: better covered than unweighted
        final double[] offMissing = new double[2000];
        for (int i = 0; i < 2000; i++) {
            offMissing[i] = 1 - onMissing[i];
        }
        final CoverageResult off = COV.test(p, e, r, offMissing);
        assertThat(off.uncoveredShare()).isLessThan(0.05);
        assertThat(off.relativeCoverage()).isGreaterThan(plain.relativeCoverage());
    }

    @Test
    void resamplesWithoutWeightAreCounted() {
        // One item of 50 carries all the weight: a resample misses it with probability
        // (1 - 1/50)^50 = 0.364, so about 364 of 1000 resamples define no figure
        final float[][] p = draw(uniform(), 50, 1.0, 5, null);
        final float[][] e = draw(uniform(), 20, 1.0, 6, null);
        final float[][] r = draw(uniform(), 20, 1.0, 7, null);
        final double[] w = new double[50];
        w[17] = 3.5;
        final CoverageResult c = COV.test(p, e, r, w);
        assertThat(c.undefinedResamples()).isBetween(300, 430);
        assertThat(c.effectiveSize()).isCloseTo(1.0, within(1e-12));
        // The single weighted item decides everything: its d_R is both thresholds
        assertThat(c.threshold()).isEqualTo(c.referenceDistances()[17]);
        assertThat(c.uncoveredThreshold()).isEqualTo(c.referenceDistances()[17]);
    }

    @Test
    void nearestNeighboursAreExact() {
        final float[][] p = draw(uniform(), 700, 1.5, 21, null);
        final float[][] e = draw(uniform(), 333, 1.5, 22, null);
        final float[][] r = draw(uniform(), 333, 1.5, 23, null);
        final CoverageResult c = COV.withBootstrap(10).test(p, e, r);
        for (int i = 0; i < p.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (final float[] row : e) {
                best = Math.min(best, cosineDistance(p[i], row));
            }
            assertThat(c.evalDistances()[i]).as("d_E of row %d", i).isCloseTo(best, within(1e-6));
            assertThat(cosineDistance(p[i], e[c.nearestEval()[i]])).isCloseTo(best, within(1e-6));
            double bestR = Double.POSITIVE_INFINITY;
            for (final float[] row : r) {
                bestR = Math.min(bestR, cosineDistance(p[i], row));
            }
            assertThat(c.referenceDistances()[i]).as("d_R of row %d", i).isCloseTo(bestR, within(1e-6));
        }
    }

    private static double cosineDistance(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < a.length; j++) {
            ab += (double) a[j] * b[j];
            aa += (double) a[j] * a[j];
            bb += (double) b[j] * b[j];
        }
        return 1 - ab / Math.sqrt(aa * bb);
    }

    @Test
    void cosineIgnoresTheLengthOfRows() {
        final float[][] p = draw(uniform(), 300, 1.0, 31, null);
        final float[][] e = draw(uniform(), 100, 1.0, 32, null);
        final float[][] r = draw(uniform(), 100, 1.0, 33, null);
        // Scaling by a power of two changes no bit of the unit vectors
        final float[][] scaled = new float[e.length][];
        for (int i = 0; i < e.length; i++) {
            scaled[i] = e[i].clone();
            for (int j = 0; j < D; j++) {
                scaled[i][j] *= (i % 2 == 0) ? 4f : 0.125f;
            }
        }
        assertThat(COV.test(p, scaled, r)).isEqualTo(COV.test(p, e, r));
    }

    @Test
    void sameSeedSameResultAnyThreadCount() {
        final float[][] p = draw(withMissingTopic(), 1500, 1.0, 41, null);
        final float[][] e = draw(uniform(), 1100, 1.0, 42, null);
        final float[][] r = draw(withMissingTopic(), 1100, 1.0, 43, null);
        final CoverageResult c = COV.withSeed(7).test(p, e, r);
        assertThat(COV.withSeed(7).test(p, e, r)).isEqualTo(c);
        assertThat(COV.withSeed(7).withThreads(1).test(p, e, r)).isEqualTo(c);
        assertThat(COV.withSeed(7).withThreads(3).test(p, e, r)).isEqualTo(c);
        final CoverageResult other = COV.withSeed(8).test(p, e, r);
        assertThat(other.relativeCoverage()).isEqualTo(c.relativeCoverage());
        assertThat(other.relativeCoverageInterval()).isNotEqualTo(c.relativeCoverageInterval());
        assertThat(c.seed()).isEqualTo(7);
        // Same resamples: the 50% interval lies inside the 95% one
        final CoverageResult half = COV.withSeed(7).withConfidence(0.5).test(p, e, r);
        assertThat(half.relativeCoverageInterval().low()).isGreaterThanOrEqualTo(c.relativeCoverageInterval().low());
        assertThat(half.relativeCoverageInterval().high()).isLessThanOrEqualTo(c.relativeCoverageInterval().high());
    }

    @Test
    void uncoveredQuantileSetsTheThreshold() {
        final float[][] p = draw(uniform(), 2000, 1.0, 51, null);
        final float[][] e = draw(uniform(), 400, 1.0, 52, null);
        final float[][] r = draw(uniform(), 400, 1.0, 53, null);
        final CoverageResult c = COV.withUncoveredQuantile(0.8).test(p, e, r);
        assertThat(c.uncoveredQuantile()).isEqualTo(0.8);
        assertThat(c.uncoveredShare()).isBetween(0.15, 0.25);
        final double[] sorted = c.referenceDistances().clone();
        Arrays.sort(sorted);
        // Order statistic ceil(0.8 * 2000) = 1600 (1-based)
        assertThat(c.uncoveredThreshold()).isEqualTo(sorted[1599]);
        assertThat(c.threshold()).isEqualTo(sorted[999]);
    }

    @Test
    void optionsAreCopied() {
        final Coverage t = COV.withBootstrap(10).withConfidence(0.8).withUncoveredQuantile(0.9).withSeed(5)
            .withThreads(1);
        assertThat(COV.bootstrapResamples()).isEqualTo(1000);
        assertThat(COV.confidence()).isEqualTo(0.95);
        assertThat(COV.uncoveredQuantile()).isEqualTo(0.95);
        assertThat(COV.seed()).isEqualTo(0);
        assertThat(COV.threads()).isEqualTo(2);
        assertThat(t.bootstrapResamples()).isEqualTo(10);
        assertThat(t.confidence()).isEqualTo(0.8);
        assertThat(t.uncoveredQuantile()).isEqualTo(0.9);
        assertThat(t.seed()).isEqualTo(5);
        assertThat(t.threads()).isEqualTo(1);
    }

    @Test
    void invalidInputsAreRejected() {
        final float[][] p = draw(uniform(), 20, 1.0, 1, null);
        final float[][] e = draw(uniform(), 5, 1.0, 2, null);
        final float[][] r = draw(uniform(), 5, 1.0, 3, null);
        assertThatThrownBy(() -> COV.test(p, e, draw(uniform(), 6, 1.0, 3, null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("as many rows as the eval sample: 6 vs 5");
        assertThatThrownBy(() -> COV.test(new float[][] {p[0]}, e, r))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production needs at least 2 rows");
        assertThatThrownBy(() -> COV.test(p, new float[][] {{1, 2}}, new float[][] {{1, 2}}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eval has dimension 2, production 32");
        final float[][] zero = r.clone();
        zero[3] = new float[D];
        assertThatThrownBy(() -> COV.test(p, e, zero))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference: row 3 has norm 0");
        assertThatThrownBy(() -> COV.test(p, e, r, new double[20]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights are all 0");
        final double[] negative = new double[20];
        negative[4] = -1;
        assertThatThrownBy(() -> COV.test(p, e, r, negative))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[4]");
        assertThatThrownBy(() -> COV.test(p, e, r, new double[3]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights has length 3, expected 20");
        assertThatThrownBy(() -> COV.withUncoveredQuantile(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> COV.withBootstrap(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> COV.withConfidence(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> COV.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
