package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

    private static final double EPS = Math.ulp(1.0);

    @Test
    void identicalHistogramsDivergeByZero() {
        assertThat(JensenShannon.divergence(new double[] {3, 1, 0, 6}, new double[] {3, 1, 0, 6})).isEqualTo(0.0);
        // Counts and the probabilities they normalise to are the same histogram
        assertThat(JensenShannon.divergence(new double[] {30, 10, 0, 60}, new double[] {0.3, 0.1, 0, 0.6}))
            .isCloseTo(0.0, within(8 * EPS));
        assertThat(JensenShannon.distance(new double[] {1}, new double[] {5})).isEqualTo(0.0);
    }

    @Test
    void disjointSupportsDivergeByOne() {
        assertThat(JensenShannon.divergence(new double[] {5, 0, 0}, new double[] {0, 2, 7})).isEqualTo(1.0);
        assertThat(JensenShannon.distance(new double[] {0, 1}, new double[] {1, 0})).isEqualTo(1.0);
    }

    @Test
    void workedExample() {
        // p = (1/2, 1/2, 0), q = (0, 1/2, 1/2), m = (1/4, 1/2, 1/4)
        // KL(p||m) = 1/2 log2((1/2)/(1/4)) + 1/2 log2((1/2)/(1/2)) + 0 = 1/2 * 1 + 1/2 * 0 = 1/2
        // KL(q||m) = 0 + 1/2 log2(1) + 1/2 log2(2) = 1/2
        // JS = 1/2 * 1/2 + 1/2 * 1/2 = 1/2; distance = sqrt(1/2)
        final double[] p = {2, 2, 0};
        final double[] q = {0, 5, 5};
        assertThat(JensenShannon.divergence(p, q)).isCloseTo(0.5, within(4 * EPS));
        assertThat(JensenShannon.distance(p, q)).isCloseTo(Math.sqrt(0.5), within(4 * EPS));
        // drift_peer.js_divergence_base2([2, 2, 0], [0, 5, 5]) = 0.5
    }

    @Test
    void matchesScipyAndTheReferencePeer() {
        // from scipy.spatial.distance import jensenshannon
        // jensenshannon([10, 20, 30, 0, 40], [25, 5, 30, 15, 25], base=2)**2 = 0.14631099210498466
        // jensenshannon(..., base=2) = 0.38250619877981673
        // drift_peer.js_divergence_base2(same) = 0.14631099210498463
        final double[] p = {10, 20, 30, 0, 40};
        final double[] q = {25, 5, 30, 15, 25};
        assertThat(JensenShannon.divergence(p, q)).isCloseTo(0.14631099210498466, within(16 * EPS));
        assertThat(JensenShannon.distance(p, q)).isCloseTo(0.38250619877981673, within(16 * EPS));
        // A bin empty in both, and bins empty in one:
        // jensenshannon([120, 0, 33, 7, 0, 51], [80, 12, 40, 0, 0, 90], base=2)**2 = 0.07631830310630636
        assertThat(JensenShannon.divergence(new double[] {120, 0, 33, 7, 0, 51}, new double[] {80, 12, 40, 0, 0, 90}))
            .isCloseTo(0.07631830310630636, within(16 * EPS));
    }

    @Test
    void symmetricAndBounded() {
        final Random rnd = new Random(17);
        for (int t = 0; t < 200; t++) {
            final double[] p = new double[1 + rnd.nextInt(30)];
            final double[] q = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(100);
                q[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 50;
            }
            p[0] += 1;
            q[q.length - 1] += 1;
            final double pq = JensenShannon.divergence(p, q);
            assertThat(JensenShannon.divergence(q, p)).isCloseTo(pq, within(8 * EPS));
            assertThat(pq).isBetween(0.0, 1.0);
            assertThat(JensenShannon.distance(p, q)).isEqualTo(Math.sqrt(pq));
        }
    }

    @Test
    void weightedHistogramsAreScaleFree() {
        final double[] p = {1.5, 0.25, 3.0};
        final double[] q = {0.5, 2.0, 1.0};
        final double base = JensenShannon.divergence(p, q);
        assertThat(JensenShannon.divergence(new double[] {15, 2.5, 30}, q)).isCloseTo(base, within(8 * EPS));
    }

    @Test
    void invalidHistogramsAreRejected() {
        assertThatThrownBy(() -> JensenShannon.divergence(new double[] {1, 2}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q has length 1, expected 2");
        assertThatThrownBy(() -> JensenShannon.divergence(new double[0], new double[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p is empty");
        assertThatThrownBy(() -> JensenShannon.divergence(new double[] {1, -1}, new double[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p[1] must be finite and >= 0");
        assertThatThrownBy(() -> JensenShannon.divergence(new double[] {1, 1}, new double[] {Double.NaN, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q[0]");
        assertThatThrownBy(() -> JensenShannon.divergence(new double[] {0, 0}, new double[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p sums to 0");
    }
}
