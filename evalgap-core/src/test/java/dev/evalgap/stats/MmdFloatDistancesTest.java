package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The MMD's float distances (large samples): the bandwidth stays exact, the statistic agrees with
 * the all-double computation, and the median survives millions of tied pairs.
 */
class MmdFloatDistancesTest {

    /** n rows of 384 on the unit sphere, around a direction that moves with {@code shift}, like text embeddings. */
    private static float[][] embeddings(int n, double shift, long seed) {
        final int d = 384;
        final Random rnd = new Random(seed);
        final float[][] x = new float[n][d];
        for (final float[] row : x) {
            double s = 0;
            final double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = rnd.nextGaussian() + (j < 8 ? 1.5 + shift : 0);
                s += v[j] * v[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] = (float) (v[j] / Math.sqrt(s));
            }
        }
        return x;
    }

    @Test
    void floatDistancesGiveTheExactBandwidthAndTheStatisticToOneInAMillion() {
        // 1,000 vs 1,000 rows of 384: N^2 d = 1.5e9 multiply-adds, beyond the exact-kernel limit
        final float[][] a = embeddings(1000, 0, 1);
        final float[][] b = embeddings(1000, 0.3, 2);
        assertThat(2000L * 2000 * 384).isGreaterThan(MmdPermutationTest.EXACT_KERNEL_WORK);
        final MmdPermutationTest test = MmdPermutationTest.withDefaults().withPermutations(200).withSeed(3);
        final MmdResult fast = test.test(a, b);
        final MmdResult exact = test.withExactKernelWork(Long.MAX_VALUE).test(a, b);
        // The median is recomputed exactly either way: the same bits
        assertThat(fast.sigma()).isEqualTo(exact.sigma());
        assertThat(fast.mmd2()).isCloseTo(exact.mmd2(), within(1e-6 * Math.abs(exact.mmd2())));
        // The statistic moved by far less than the null spread: the same relabellings, the same count
        assertThat(Math.abs(fast.mmd2() - exact.mmd2())).isLessThan(1e-4 * exact.nullSd());
        assertThat(fast.exceedances()).isEqualTo(exact.exceedances());
        // And the float path is what the default takes at this size (a change of path changes bits)
        assertThat(test.withExactKernelWork(0).test(a, b)).isEqualTo(fast);
    }

    @Test
    void medianIsExactWithMillionsOfTiedPairs() {
        // a = 2,500 copies of u, b = 2,500 copies of v: 6,247,500 pairs at distance 0 and 6,250,000
        // at D = |u - v|, so both middle values of the 12,497,500 pairs are D. The pairs stored
        // near D (all 6,250,000 of them) are too many to hold at once: the exact order statistic
        // comes from the radix passes over their recomputed distances.
        final float[] u = {0.1f, 0.7f, -0.3f};
        final float[] v = {0.4f, -0.3f, 0.2f};
        final float[][] a = new float[2500][];
        final float[][] b = new float[2500][];
        for (int i = 0; i < 2500; i++) {
            a[i] = u;
            b[i] = v;
        }
        double d2 = 0;
        for (int j = 0; j < 3; j++) {
            d2 += ((double) u[j] - v[j]) * ((double) u[j] - v[j]);
        }
        final MmdResult r = MmdPermutationTest.withDefaults().withPermutations(19).withSeed(1).test(a, b);
        assertThat(r.sigma()).isCloseTo(Math.sqrt(d2), within(1e-15));
        // k = 1 within each sample, exp(-D^2 / (2 D^2)) = e^-1/2 across: MMD^2 = 2 - 2 e^-1/2
        assertThat(r.mmd2()).isCloseTo(2 - 2 * Math.exp(-0.5), within(1e-12));
        // No relabelling of 19 separates u from v again: p = 1 / (B + 1)
        assertThat(r.pValue()).isEqualTo(1.0 / 20);
    }

    @Test
    void kernelExponentialIsAccurateToTenToTheMinusThirteen() {
        // exp(x) by (e^{x/64})^64 with a Taylor polynomial of degree 17, against Math.exp
        final int n = 200_001;
        final double[] x = new double[n];
        final double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -70.0 * i / (n - 1);
            t[i] = x[i];
        }
        MmdPermutationTest.exp(t, n);
        for (int i = 0; i < n; i++) {
            if (x[i] >= -64) {
                assertThat(t[i]).as("exp(%s)", x[i]).isCloseTo(Math.exp(x[i]), within(1e-13 * Math.exp(x[i])));
            } else {
                // Clamped: the kernel of such a pair is below 2e-28 either way
                assertThat(t[i]).isCloseTo(Math.exp(-64), within(1e-13 * Math.exp(-64)));
            }
        }
        final double[] zero = {0};
        MmdPermutationTest.exp(zero, 1);
        assertThat(zero[0]).isEqualTo(1.0);
    }
}
