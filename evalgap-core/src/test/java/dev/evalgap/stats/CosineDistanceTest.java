package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosineDistanceTest {

    @Test
    void handWorkedDistancesOfUnitRows() {
        float[][] u = CosineDistance.unit("q", new float[][] {{3, 0}, {0, -2}});
        float[][] c = CosineDistance.unit("c", new float[][] {{0.6f, 0.8f}, {-1, 0}, {0.6f, 0.8f}});
        assertThat(u[0]).containsExactly(1f, 0f);
        assertThat(u[1]).containsExactly(0f, -1f);
        // q0: 1 - 0.6 = 0.4, 1 - (-1) = 2; q1: 1 - (-0.8) = 1.8, 1 - 0 = 1
        assertThat(CosineDistance.between(u[0], c[0])).isCloseTo(0.4, within(1e-7));
        assertThat(CosineDistance.between(u[0], c[1])).isEqualTo(2.0);
        int[] nearest = new int[2];
        double[] d = CosineDistance.nearest(u, c, nearest, 2);
        assertThat(d[0]).isCloseTo(0.4, within(1e-7));
        assertThat(d[1]).isEqualTo(1.0);
        // c0 and c2 tie for q0: the first wins
        assertThat(nearest).containsExactly(0, 1);
    }

    @Test
    void nearestIsTheMinimumOfBetweenForAnyNumberOfThreads() {
        SplittableRandom rng = new SplittableRandom(3);
        float[][] q = CosineDistance.unit("q", random(rng, 1500, 24));
        float[][] c = CosineDistance.unit("c", random(rng, 700, 24));
        int[] one = new int[q.length];
        int[] two = new int[q.length];
        double[] d1 = CosineDistance.nearest(q, c, one, 1);
        double[] d2 = CosineDistance.nearest(q, c, two, 2);
        assertThat(d2).containsExactly(d1);
        assertThat(two).containsExactly(one);
        for (int i = 0; i < q.length; i += 37) {
            double min = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j = 0; j < c.length; j++) {
                double v = CosineDistance.between(q[i], c[j]);
                if (v < min) {
                    min = v;
                    arg = j;
                }
            }
            assertThat(d1[i]).isEqualTo(min);
            assertThat(one[i]).isEqualTo(arg);
        }
    }

    @Test
    void aZeroRowIsNamed() {
        assertThatThrownBy(() -> CosineDistance.unit("eval", new float[][] {{1, 0}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("eval: row 1 has norm 0; its cosine "
                        + "distance is undefined");
    }

    private static float[][] random(SplittableRandom rng, int n, int d) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        return x;
    }
}
