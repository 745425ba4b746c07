package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocAucTest {

    private static final RocAuc AUC = RocAuc.withDefaults();

    @Test
    void handWorkedExampleWithTies() {
        // negatives: 0.1 0.4 0.8 0.55 0.35     positives: 0.35 0.8 0.4 0.1 0.9
        // per positive, #negatives below + 1/2 #negatives tied:
        //   0.35: 1 (0.1) + 1/2 (0.35)                 = 1.5
        //   0.8 : 4 (0.1 0.35 0.4 0.55) + 1/2 (0.8)    = 4.5
        //   0.4 : 2 (0.1 0.35) + 1/2 (0.4)             = 2.5
        //   0.1 : 0 + 1/2 (0.1)                        = 0.5
        //   0.9 : 5                                    = 5
        // U = 14, AUC = 14 / (5 * 5) = 0.56.
        // Midranks check: pooled sorted 0.1 0.1 | 0.35 0.35 | 0.4 0.4 | 0.55 | 0.8 0.8 | 0.9 has
        // midranks 1.5 1.5 | 3.5 3.5 | 5.5 5.5 | 7 | 8.5 8.5 | 10; positives' R1 = 3.5 + 8.5 + 5.5
        // + 1.5 + 10 = 29, U = R1 - 5 * 6 / 2 = 14.
        // Same value from sklearn.metrics.roc_auc_score([0,0,1,1,1,1,0,0,0,1],
        //     [0.1,0.4,0.35,0.8,0.4,0.1,0.8,0.55,0.35,0.9]) = 0.56
        final double[] s = {0.1, 0.4, 0.35, 0.8, 0.4, 0.1, 0.8, 0.55, 0.35, 0.9};
        final int[] y = {0, 0, 1, 1, 1, 1, 0, 0, 0, 1};
        assertThat(AUC.statistic(s, y)).isCloseTo(0.56, within(1e-15));
        assertThat(AUC.statistic(new double[] {0.1, 0.4, 0.8, 0.55, 0.35}, new double[] {0.35, 0.8, 0.4, 0.1, 0.9}))
            .isCloseTo(0.56, within(1e-15));
    }

    @Test
    void matchesScikitLearnOnTieHeavyScores() {
        // sklearn.metrics.roc_auc_score(y, s) (scikit-learn 1.2.1) with the arrays below
        // (9 negatives, 11 positives, 9 distinct score values) = 0.7373737373737373  (= 73 / 99)
        final double[] s = {0.2, 0.7, 0.5, 0.5, 0.9, 0.2, 0.7, 0.5, 0.1, 0.9,
                            0.3, 0.7, 0.5, 0.2, 0.8, 0.3, 0.5, 0.7, 0.1, 0.6};
        final int[] y = {1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1};
        assertThat(AUC.statistic(s, y)).isCloseTo(0.7373737373737373, within(1e-15));
    }

    @Test
    void extremesAndAllTied() {
        assertThat(AUC.statistic(new double[] {1, 2, 3}, new double[] {4, 5})).isEqualTo(1.0);
        assertThat(AUC.statistic(new double[] {4, 5}, new double[] {1, 2, 3})).isEqualTo(0.0);
        assertThat(AUC.statistic(new double[] {7, 7, 7}, new double[] {7, 7})).isEqualTo(0.5);
        // -0.0 and 0.0 are the same score
        assertThat(AUC.statistic(new double[] {-0.0}, new double[] {0.0})).isEqualTo(0.5);
    }

    @Test
    void resamplerEqualsDirectAucOfTheSameDraws() {
        final double[] neg = {0.1, 0.4, 0.8, 0.55, 0.35, 0.4, -0.0};
        final double[] pos = {0.35, 0.8, 0.4, 0.1, 0.9, 0.0};
        final RocAuc.Resampler resampler = new RocAuc.Resampler(neg, pos);
        assertThat(resampler.groups()).isEqualTo(7); // 0, 0.1, 0.35, 0.4, 0.55, 0.8, 0.9
        final int[] c0 = new int[resampler.groups()];
        final int[] c1 = new int[resampler.groups()];
        for (int seed = 0; seed < 50; seed++) {
            for (final boolean positivesFirst : new boolean[] {false, true}) {
                final double fast = resampler.resample(new SplittableRandom(seed), positivesFirst, c0, c1);
                // Replay the same draws and compute the AUC directly
                final SplittableRandom rng = new SplittableRandom(seed);
                final double[] rn = new double[neg.length];
                final double[] rp = new double[pos.length];
                if (positivesFirst) {
                    draw(rng, pos, rp);
                    draw(rng, neg, rn);
                } else {
                    draw(rng, neg, rn);
                    draw(rng, pos, rp);
                }
                assertThat(fast).isCloseTo(AUC.statistic(rn, rp), within(1e-15));
            }
        }
        assertThat(c0).containsOnly(0);
        assertThat(c1).containsOnly(0);
    }

    private static void draw(SplittableRandom rng, double[] from, double[] to) {
        for (int t = 0; t < to.length; t++) {
            to[t] = from[rng.nextInt(from.length)];
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> AUC.statistic(new double[] {1, 2}, new int[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no row of class 0");
        assertThatThrownBy(() -> AUC.statistic(new double[0], new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one class");
        assertThatThrownBy(() -> AUC.statistic(new double[] {1, Double.NaN}, new int[] {0, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positives[0] is not finite");
        assertThatThrownBy(() -> AUC.statistic(new double[] {1, 2}, new int[] {0, 3}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[1] must be 0 or 1");
        assertThatThrownBy(() -> AUC.statistic(new double[] {1, 2}, new int[] {0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels has length 1, expected 2");
    }
}
