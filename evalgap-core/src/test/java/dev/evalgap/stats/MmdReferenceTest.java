package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** MMD² against a hand-worked example and the Python reference; invariants of the permutation test. */
class MmdReferenceTest {

    @Test
    void handWorkedExample() {
        // a = {0, 1}, b = {3, 5} in one dimension. Pooled pairwise distances: 1, 2, 2, 3, 4, 5 (6 pairs),
        // median = (2 + 3) / 2 = 2.5 = sigma, so k(d) = exp(-d^2 / 12.5).
        // MMD^2 = sum_{i!=j in a} k / (2*1) + sum_{i!=j in b} k / (2*1) - 2 sum_{a x b} k / (2*2)
        //       = k(1) + k(2) - (k(3) + k(5) + k(2) + k(4)) / 2
        float[][] a = {{0}, {1}};
        float[][] b = {{3}, {5}};
        MmdResult r = MmdPermutationTest.withDefaults().withPermutations(99).withSeed(3).test(a, b);
        double expected = k(1) + k(2) - (k(3) + k(5) + k(2) + k(4)) / 2;
        assertThat(r.sigma()).isCloseTo(2.5, within(1e-12));
        assertThat(r.mmd2()).isCloseTo(expected, within(1e-12));
        assertThat(r.m()).isEqualTo(2);
        assertThat(r.n()).isEqualTo(2);
    }

    private static double k(double d) {
        return Math.exp(-d * d / 12.5);
    }

    private static float[][] referenceA() {
        float[][] a = new float[30][3];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = (float) StrictMath.sin(i * (j + 1) + 1);
            }
        }
        return a;
    }

    private static float[][] referenceB() {
        float[][] b = new float[25][3];
        for (int i = 0; i < 25; i++) {
            for (int j = 0; j < 3; j++) {
                b[i][j] = (float) (StrictMath.cos(i * (j + 2)) + 0.3);
            }
        }
        return b;
    }

    @Test
    void equalsThePythonReference() {
        // A[i][j] = float32(sin(i*(j+1)+1)), i < 30; B[i][j] = float32(cos(i*(j+2)) + 0.3), i < 25; saved with
        // np.save and run as
        //   /usr/bin/python3 ../shared/bench/drift_peer.py A.npy B.npy --skip c2st,kmeans --perms 200 --seed 1
        // -> mmd2_unbiased 0.008451048217510193, sigma 1.7432919650051277, p_value 0.2537 (numpy's permutations)
        MmdResult r = MmdPermutationTest.withDefaults().withPermutations(2000).withSeed(1)
                .test(referenceA(), referenceB());
        assertThat(r.mmd2()).isCloseTo(0.008451048217510193, within(1e-6 * 0.008451048217510193));
        assertThat(r.sigma()).isCloseTo(1.7432919650051277, within(1e-6 * 1.7432919650051277));
        // a different generator: equal within Monte-Carlo error (sd of the reference's p at B = 200: 0.031)
        assertThat(r.pValue()).isCloseTo(0.2537, within(0.1));
    }

    @Test
    void pValueIsNeverZeroAndTheSeedDecides() {
        float[][] a = referenceA();
        float[][] b = referenceB();
        for (int i = 0; i < b.length; i++) {
            b[i][0] += 3;
        }
        MmdResult far = MmdPermutationTest.withDefaults().withPermutations(199).withSeed(5).test(a, b);
        assertThat(far.exceedances()).isZero();
        assertThat(far.pValue()).isEqualTo(1.0 / 200);
        assertThat(MmdPermutationTest.withDefaults().withPermutations(199).withSeed(5).test(a, b)).isEqualTo(far);
        MmdResult swapped = MmdPermutationTest.withDefaults().withPermutations(199).withSeed(5).test(b, a);
        assertThat(swapped.mmd2()).isCloseTo(far.mmd2(), within(1e-12));
        assertThat(swapped.sigma()).isEqualTo(far.sigma());
    }

    @Test
    void degenerateInputsAreRefused() {
        assertThatThrownBy(() -> MmdPermutationTest.withDefaults().test(new float[][] {{1}}, new float[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MmdPermutationTest.withDefaults().test(new float[][] {{1}, {2}},
                new float[][] {{1, 2}, {2, 3}})).isInstanceOf(IllegalArgumentException.class);
    }
}
