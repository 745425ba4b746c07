package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.stats.RankCorrelation.Method;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    private static final double EPS = 1e-14;
    private static final RankCorrelation SPEARMAN = RankCorrelation.withDefaults();
    private static final RankCorrelation KENDALL = RankCorrelation.withDefaults().with(Method.KENDALL_TAU_B);

    @Test
    void handWorkedExampleWithoutTies() {
        final double[] x = {1, 2, 3, 4, 5};
        final double[] y = {2, 1, 4, 3, 5};
        // d = (-1, 1, -1, 1, 0), sum d^2 = 4: rho = 1 - 6 * 4 / (5 * 24) = 0.8
        assertThat(SPEARMAN.statistic(x, y)).isCloseTo(0.8, within(EPS));
        // of the 10 pairs, (1,2) and (3,4) are discordant: tau = (8 - 2) / 10 = 0.6
        assertThat(KENDALL.statistic(x, y)).isCloseTo(0.6, within(EPS));
    }

    @Test
    void handWorkedExampleWithTies() {
        final double[] x = {1, 2, 2, 3};
        final double[] y = {1, 3, 2, 4};
        // midranks of x: (1, 2.5, 2.5, 4); centred (-1.5, 0, 0, 1.5) and (-1.5, 0.5, -0.5, 1.5):
        // rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10)
        assertThat(RankCorrelation.midranks(x)).containsExactly(1, 2.5, 2.5, 4);
        assertThat(SPEARMAN.statistic(x, y)).isCloseTo(3 / Math.sqrt(10), within(EPS));
        // n_c = 5, n_d = 0, n_0 = 6, one pair tied in x (n_1 = 1), n_2 = 0: tau_b = 5 / sqrt(5 * 6)
        assertThat(KENDALL.statistic(x, y)).isCloseTo(5 / Math.sqrt(30), within(EPS));
        // scipy.stats.spearmanr(x, y).statistic, scipy.stats.kendalltau(x, y).statistic (scipy 1.10.1)
        assertThat(SPEARMAN.statistic(x, y)).isCloseTo(0.9486832980505139, within(EPS));
        assertThat(KENDALL.statistic(x, y)).isCloseTo(0.912870929175277, within(EPS));
    }

    @Test
    void matchesScipyWithTiesInBothVariables() {
        // x = [0.62,0.66,0.69,0.73,0.76,0.79,0.83,0.86,0.86,0.70,0.71,0.66]
        // y = [0.91,0.90,0.92,0.92,0.85,0.80,0.78,0.74,0.75,0.90,0.88,0.90]
        // scipy.stats.spearmanr(x, y).statistic, scipy.stats.kendalltau(x, y).statistic
        final double[] x = {0.62, 0.66, 0.69, 0.73, 0.76, 0.79, 0.83, 0.86, 0.86, 0.70, 0.71, 0.66};
        final double[] y = {0.91, 0.90, 0.92, 0.92, 0.85, 0.80, 0.78, 0.74, 0.75, 0.90, 0.88, 0.90};
        assertThat(SPEARMAN.statistic(x, y)).isCloseTo(-0.8070910233697373, within(EPS));
        assertThat(KENDALL.statistic(x, y)).isCloseTo(-0.7143757143760715, within(EPS));

        // digits of pi and e: x = [3,1,4,1,5,9,2,6,5,3,5,8,9,7,9], y = [2,7,1,8,2,8,1,8,2,8,4,5,9,0,4]
        final double[] p = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};
        final double[] e = {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4};
        assertThat(SPEARMAN.statistic(p, e)).isCloseTo(0.17916174391114706, within(EPS));
        assertThat(KENDALL.statistic(p, e)).isCloseTo(0.1570874410539306, within(EPS));
    }

    @Test
    void symmetricAndSignedLikeTheData() {
        final double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        final double[] y = {2, 7, 1, 8, 2, 8, 1, 8};
        final double[] minusY = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            minusY[i] = -y[i];
        }
        for (final RankCorrelation r : new RankCorrelation[] {SPEARMAN, KENDALL}) {
            assertThat(r.statistic(x, y)).isCloseTo(r.statistic(y, x), within(EPS));
            assertThat(r.statistic(x, minusY)).isCloseTo(-r.statistic(x, y), within(EPS));
            assertThat(r.statistic(x, x)).isEqualTo(1.0);
        }
    }

    @Test
    void bootstrapIntervalAgreesWithScipyPercentileBootstrap() {
        // rng = np.random.default_rng(1); a = round(normal(size=30), 3); b = round(0.6 a + 0.8 normal(size=30), 3)
        // scipy.stats.bootstrap((a, b), stat, paired=True, vectorized=False, n_resamples=20000,
        //                       method='percentile', random_state=np.random.default_rng(7))
        // spearman 0.40556173526140155, CI (0.011194950803920335, 0.7081750777455009)
        // kendall  0.2735632183908046,  CI (-0.016627078384798096, 0.5336538461538461)
        // Different generators: the ends agree to Monte Carlo error (about 0.01 at B = 20000).
        final double[] a = {0.346, 0.822, 0.33, -1.303, 0.905, 0.446, -0.537, 0.581, 0.365, 0.294, 0.028, 0.547,
            -0.736, -0.163, -0.482, 0.599, 0.04, -0.292, -0.782, -0.257, 0.008, -0.276, 1.294, 1.007, -2.711, -1.889,
            -0.175, -0.422, 0.214, 0.217};
        final double[] b = {1.902, -0.396, -0.104, 0.852, 1.06, 0.798, -0.733, -0.97, 0.353, 0.264, -0.965, -0.218,
            -0.499, -0.854, -0.368, 0.436, 0.052, -0.58, 0.006, 0.559, 0.261, -0.82, 1.362, 0.203, -0.923, -1.991,
            0.627, -0.269, -0.871, -0.121};
        final RankCorrelationResult s = SPEARMAN.withBootstrap(20000).withSeed(11).test(a, b);
        assertThat(s.estimate()).isCloseTo(0.40556173526140155, within(1e-12));
        assertThat(s.interval().low()).isCloseTo(0.0112, within(0.03));
        assertThat(s.interval().high()).isCloseTo(0.7082, within(0.03));
        final RankCorrelationResult k = KENDALL.withBootstrap(20000).withSeed(11).test(a, b);
        assertThat(k.estimate()).isCloseTo(0.2735632183908046, within(1e-12));
        assertThat(k.interval().low()).isCloseTo(-0.0166, within(0.03));
        assertThat(k.interval().high()).isCloseTo(0.5337, within(0.03));
        assertThat(k.includesZero()).isTrue();
        assertThat(s.undefinedResamples()).isZero();
    }

    @Test
    void sameSeedSameResultAndPerfectOrderGivesADegenerateInterval() {
        final double[] x = {0.62, 0.66, 0.69, 0.73, 0.76, 0.79, 0.83, 0.86};
        final double[] down = {0.90, 0.89, 0.87, 0.86, 0.84, 0.80, 0.79, 0.75};
        final RankCorrelationResult r = SPEARMAN.withSeed(3).test(x, down);
        assertThat(r).isEqualTo(SPEARMAN.withSeed(3).test(x, down));
        assertThat(r.estimate()).isEqualTo(-1.0);
        // every resample of a perfectly decreasing relation is perfectly decreasing (or undefined)
        assertThat(r.interval().low()).isEqualTo(-1.0);
        assertThat(r.interval().high()).isEqualTo(-1.0);
        assertThat(r.undefinedResamples()).isBetween(0, 5);
        assertThat(r.includesZero()).isFalse();
        assertThat(r.n()).isEqualTo(8);
    }

    @Test
    void degenerateAndInvalidInput() {
        final RankCorrelationResult constant = SPEARMAN.test(new double[] {1, 2, 3}, new double[] {4, 4, 4});
        assertThat(constant.estimate()).isNaN();
        assertThat(constant.interval()).isNull();
        assertThat(constant.tiedY()).isEqualTo(3);
        assertThat(KENDALL.statistic(new double[] {1}, new double[] {2})).isNaN();
        assertThat(SPEARMAN.statistic(new double[0], new double[0])).isNaN();
        assertThatThrownBy(() -> SPEARMAN.statistic(new double[] {1, 2}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("y has length 1, expected 2");
        assertThatThrownBy(() -> KENDALL.statistic(new double[] {1, Double.NaN}, new double[] {1, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("x[1] is not finite (NaN)");
        assertThatThrownBy(() -> SPEARMAN.withBootstrap(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SPEARMAN.withConfidence(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
