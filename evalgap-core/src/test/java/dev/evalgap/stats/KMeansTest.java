package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static final KMeans KM = KMeans.withDefaults();

    /**
     * SplitMix64 (Steele, Lea and Flood 2014), written out so that Python can replay it exactly:
     * the scikit-learn reference values below come from the same numbers.
     */
    static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            state = seed;
        }

        long next() {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform on [0, 1), 53 bits. */
        double uniform() {
            return (next() >>> 11) * 0x1.0p-53;
        }
    }

    /**
     * n rows, row i from blob i % k: blob centres uniform on [-spread, spread]^d, noise per
     * coordinate noise * (u1 + u2 + u3 + u4 - 2) (sum of four uniforms, SD noise / sqrt 3).
     * Python twin (values identical to the last bit):
     * <pre>
     * M = (1 &lt;&lt; 64) - 1
     * class SplitMix:
     *     def __init__(self, seed): self.s = seed &amp; M
     *     def next(self):
     *         self.s = (self.s + 0x9E3779B97F4A7C15) &amp; M
     *         z = self.s
     *         z = ((z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9) &amp; M
     *         z = ((z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB) &amp; M
     *         return z ^ (z &gt;&gt; 31)
     *     def uniform(self): return (self.next() &gt;&gt; 11) * 2.0**-53
     * def blobs(n, d, k, spread, noise, seed):
     *     r = SplitMix(seed)
     *     c = [[spread * (2 * r.uniform() - 1) for _ in range(d)] for _ in range(k)]
     *     X = np.empty((n, d), dtype=np.float32)
     *     for i in range(n):
     *         for j in range(d):
     *             u = r.uniform() + r.uniform() + r.uniform() + r.uniform()
     *             X[i, j] = np.float32(c[i % k][j] + noise * (u - 2))
     *     return X
     * </pre>
     */
    static float[][] blobs(int n, int d, int k, double spread, double noise, long seed) {
        final SplitMix r = new SplitMix(seed);
        final double[][] c = new double[k][d];
        for (final double[] row : c) {
            for (int j = 0; j < d; j++) {
                row[j] = spread * (2 * r.uniform() - 1);
            }
        }
        final float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                final double u = r.uniform() + r.uniform() + r.uniform() + r.uniform();
                x[i][j] = (float) (c[i % k][j] + noise * (u - 2));
            }
        }
        return x;
    }

    /** Adjusted Rand index (Hubert and Arabie 1985) of two labellings. */
    static double adjustedRand(int[] a, int[] b) {
        final int n = a.length;
        final int ka = Arrays.stream(a).max().orElse(0) + 1;
        final int kb = Arrays.stream(b).max().orElse(0) + 1;
        final long[][] table = new long[ka][kb];
        for (int i = 0; i < n; i++) {
            table[a[i]][b[i]]++;
        }
        double index = 0;
        final long[] rows = new long[ka];
        final long[] cols = new long[kb];
        for (int i = 0; i < ka; i++) {
            for (int j = 0; j < kb; j++) {
                index += pairs(table[i][j]);
                rows[i] += table[i][j];
                cols[j] += table[i][j];
            }
        }
        double sa = 0;
        double sb = 0;
        for (final long v : rows) {
            sa += pairs(v);
        }
        for (final long v : cols) {
            sb += pairs(v);
        }
        final double expected = sa * sb / pairs(n);
        return (index - expected) / (0.5 * (sa + sb) - expected);
    }

    private static double pairs(long v) {
        return v * (v - 1) / 2.0;
    }

    private static int[] truth(int n, int k) {
        final int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % k;
        }
        return t;
    }

    @Test
    void generatorMatchesItsPythonTwin() {
        // float(X[0, 0]), float(X[-1, -1]) of blobs(...) in Python
        final float[][] a = blobs(3000, 16, 12, 3.0, 2.0, 42);
        assertThat(a[0][0]).isEqualTo(0.4905649423599243f);
        assertThat(a[2999][15]).isEqualTo(1.027411937713623f);
        final float[][] b = blobs(2000, 8, 20, 1.0, 1.0, 7);
        assertThat(b[0][0]).isEqualTo(-1.3767424821853638f);
        assertThat(b[1999][7]).isEqualTo(1.724057674407959f);
    }

    @Test
    void separatedBlobsAreRecoveredExactly() {
        // 6 blobs in 10 dimensions, centres ~ U[-10, 10]^10 (typically 18 apart), noise SD 0.29
        final float[][] x = blobs(600, 10, 6, 10.0, 0.5, 3);
        final KMeansResult r = KM.withK(6).fit(x);
        assertThat(adjustedRand(r.labels(), truth(600, 6))).isEqualTo(1.0, within(1e-12));
        assertThat(r.sizes()).containsOnly(100);
        assertThat(r.k()).isEqualTo(6);
        assertThat(r.nInit()).isEqualTo(4);
        assertThat(r.iterations()).isBetween(1, 10);
        // Centroid of blob t = mean of its rows
        final int l = r.labels()[0];
        final double[] mean = new double[10];
        for (int i = 0; i < 600; i += 6) {
            for (int j = 0; j < 10; j++) {
                mean[j] += x[i][j] / 100.0;
            }
        }
        for (int j = 0; j < 10; j++) {
            assertThat((double) r.centroids()[l][j]).isCloseTo(mean[j], within(1e-5));
        }
    }

    @Test
    void inertiaIsExactAndAtMostScikitLearnsOnOverlappingBlobs() {
        // from gen import blobs; X = blobs(3000, 16, 12, 3.0, 2.0, 42)
        // KMeans(n_clusters=12, n_init=4, random_state=0).fit(X).inertia_ = 63953.8046875 (sklearn 1.2.1)
        final float[][] x = blobs(3000, 16, 12, 3.0, 2.0, 42);
        final KMeansResult r = KM.withK(12).fit(x);
        assertThat(r.inertia()).isLessThanOrEqualTo(63953.8046875 * 1.01);
        assertThat(r.inertia()).isCloseTo(directInertia(x, r), within(1e-9 * r.inertia()));
    }

    @Test
    void inertiaIsAtMostScikitLearnsWithoutClearClusters() {
        // X = blobs(2000, 8, 20, 1.0, 1.0, 7): 20 heavily overlapping blobs, many local optima
        // KMeans(n_clusters=20, n_init=4, random_state=0).fit(X).inertia_ = 4596.5947265625 (sklearn 1.2.1)
        final float[][] x = blobs(2000, 8, 20, 1.0, 1.0, 7);
        final KMeansResult r = KM.withK(20).fit(x);
        assertThat(r.inertia()).isLessThanOrEqualTo(4596.5947265625 * 1.01);
        assertThat(r.inertia()).isCloseTo(directInertia(x, r), within(1e-9 * r.inertia()));
        // More initialisations can only lower the best inertia found among the first four
        final double one = KM.withK(20).withNInit(1).fit(x).inertia();
        assertThat(r.inertia()).isLessThanOrEqualTo(one);
    }

    private static double directInertia(float[][] x, KMeansResult r) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            final float[] c = r.centroids()[r.labels()[i]];
            for (int j = 0; j < c.length; j++) {
                final double e = (double) x[i][j] - c[j];
                s += e * e;
            }
        }
        return s;
    }

    @Test
    void labelsAreTheNearestCentroids() {
        final float[][] x = blobs(1500, 12, 9, 1.5, 1.0, 11);
        final KMeansResult r = KM.withK(9).fit(x);
        assertThat(r.assign(x)).isEqualTo(r.labels());
        for (int i = 0; i < x.length; i += 37) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 9; c++) {
                double s = 0;
                for (int j = 0; j < 12; j++) {
                    final double e = (double) x[i][j] - r.centroids()[c][j];
                    s += e * e;
                }
                if (s < bestD) {
                    bestD = s;
                    best = c;
                }
            }
            assertThat(r.labels()[i]).as("row %d", i).isEqualTo(best);
        }
        // New rows: near a centroid, they get its label
        final float[][] probe = {r.centroids()[4].clone(), r.centroids()[7].clone()};
        probe[0][0] += 1e-3f;
        assertThat(r.assign(probe)).containsExactly(4, 7);
    }

    @Test
    void pruningByBoundsLeavesTheResultUnchanged() {
        // Hamerly's bounds only skip work: every run must end exactly where computing all distances
        // ends (labels, centroids to the bit, inertia, iterations), here with overlapping blobs
        // (many rows near two centroids), a high dimension, one run split over threads, and
        // empty clusters relocated (3 distinct rows, k = 5)
        final float[][] overlapping = blobs(2000, 8, 20, 1.0, 1.0, 7);
        assertThat(KM.withK(20).fit(overlapping)).isEqualTo(KM.withK(20).withoutPruning().fit(overlapping));
        final float[][] wide = blobs(1500, 96, 12, 1.5, 1.0, 13);
        assertThat(KM.withK(12).withSeed(4).fit(wide)).isEqualTo(KM.withK(12).withSeed(4).withoutPruning().fit(wide));
        assertThat(KM.withK(12).withNInit(1).withThreads(3).fit(wide))
            .isEqualTo(KM.withK(12).withNInit(1).withThreads(3).withoutPruning().fit(wide));
        final float[][] repeated = new float[30][];
        for (int i = 0; i < 30; i++) {
            repeated[i] = new float[] {i % 3, 2 * (i % 3), -1};
        }
        assertThat(KM.withK(5).fit(repeated)).isEqualTo(KM.withK(5).withoutPruning().fit(repeated));
    }

    @Test
    void sameSeedSameResultAnyThreadCount() {
        final float[][] x = blobs(2500, 20, 15, 1.0, 1.0, 5);
        final KMeansResult r = KM.withK(15).withSeed(9).fit(x);
        assertThat(KM.withK(15).withSeed(9).fit(x)).isEqualTo(r);
        assertThat(KM.withK(15).withSeed(9).withThreads(1).fit(x)).isEqualTo(r);
        assertThat(KM.withK(15).withSeed(9).withThreads(3).fit(x)).isEqualTo(r);
        // One initialisation: the rows are split over the threads instead of the runs
        final KMeansResult one = KM.withK(15).withSeed(9).withNInit(1).fit(x);
        assertThat(KM.withK(15).withSeed(9).withNInit(1).withThreads(1).fit(x)).isEqualTo(one);
        assertThat(KM.withK(15).withSeed(9).withNInit(1).withThreads(4).fit(x)).isEqualTo(one);
        assertThat(r.seed()).isEqualTo(9);
        // Another seed starts elsewhere: without clear clusters it ends in another local optimum
        assertThat(KM.withK(15).withSeed(10).fit(x).inertia()).isNotEqualTo(r.inertia());
    }

    @Test
    void randomInitAndIterationLimit() {
        final float[][] x = blobs(600, 10, 6, 10.0, 0.5, 3);
        final KMeansResult r = KM.withK(6).withInit(KMeans.Init.RANDOM).withNInit(10).fit(x);
        assertThat(adjustedRand(r.labels(), truth(600, 6))).isEqualTo(1.0, within(1e-12));
        final KMeansResult capped = KM.withK(20).withMaxIterations(1).withNInit(1)
            .fit(blobs(2000, 8, 20, 1.0, 1.0, 7));
        assertThat(capped.iterations()).isEqualTo(1);
    }

    @Test
    void fewerDistinctRowsThanClusters() {
        // 3 distinct rows, k = 5: k-means++ draws copies, clusters stay empty and are relocated;
        // every row sits on a centroid
        final float[][] x = new float[30][];
        for (int i = 0; i < 30; i++) {
            x[i] = new float[] {i % 3, 2 * (i % 3), -1};
        }
        final KMeansResult r = KM.withK(5).fit(x);
        assertThat(r.inertia()).isEqualTo(0.0);
        assertThat(new HashSet<>(Arrays.asList(Arrays.stream(r.labels()).boxed().toArray()))).hasSizeBetween(3, 5);
        final KMeansResult single = KM.withK(1).fit(x);
        assertThat(single.labels()).containsOnly(0);
        assertThat(single.centroids()[0]).containsExactly(1f, 2f, -1f);
    }

    @Test
    void silhouetteMatchesScikitLearn() {
        // silhouette_score([[0], [1], [10], [11]], [0, 0, 1, 1]) = 0.899749373433584
        // = mean(9.5 / 10.5, 8.5 / 9.5, 8.5 / 9.5, 9.5 / 10.5)
        final KMeans.Data line = new KMeans.Data(new float[][] {{0}, {1}, {10}, {11}}, 1, 1);
        assertThat(KMeans.silhouettes(line, new int[][] {{0, 0, 1, 1}}, 2, 1)[0])
            .isCloseTo(0.899749373433584, within(1e-7));
        // X = [[0, 0], [0, 1], [5, 0], [5, 1.5], [9, 9]]
        // silhouette_score(X, [0, 0, 1, 1, 2]) = 0.6033750607110278 (a singleton scores 0)
        // silhouette_score(X, [0, 0, 1, 1, 1]) = 0.3813869741334551
        final KMeans.Data five = new KMeans.Data(new float[][] {{0, 0}, {0, 1}, {5, 0}, {5, 1.5f}, {9, 9}}, 2, 2);
        final double[] s = KMeans.silhouettes(five, new int[][] {{0, 0, 1, 1, 1}, {0, 0, 1, 1, 2}}, 2, 2);
        assertThat(s[0]).isCloseTo(0.3813869741334551, within(1e-6));
        assertThat(s[1]).isCloseTo(0.6033750607110278, within(1e-6));
    }

    @Test
    void chooseKFindsThePlantedNumberOfClusters() {
        final KSelection s = KMeans.chooseK(blobs(1200, 10, 6, 10.0, 0.5, 3), 2, 12, 0);
        assertThat(s.k()).isEqualTo(6);
        assertThat(s.kMin()).isEqualTo(2);
        assertThat(s.kMax()).isEqualTo(12);
        assertThat(s.silhouettes()).hasSize(11);
        assertThat(s.silhouette(6)).isGreaterThan(0.8);
        for (int k = 2; k <= 12; k++) {
            assertThat(s.silhouette(k)).isBetween(-1.0, s.silhouette(6));
        }
        assertThat(s.sampleSize()).isEqualTo(1200);
        assertThat(s.n()).isEqualTo(1200);
        assertThat(s.nInit()).isEqualTo(KMeans.CHOOSE_K_N_INIT);
        assertThat(s.rule()).isEqualTo(KSelection.RULE);
        // A different planted k
        assertThat(KMeans.chooseK(blobs(900, 10, 9, 10.0, 0.5, 4), 4, 15, 1).k()).isEqualTo(9);
    }

    @Test
    void chooseKSubsamplesLargeInputsAndIsDeterministic() {
        final float[][] x = blobs(5000, 8, 5, 10.0, 0.5, 8);
        final KSelection s = KMeans.chooseK(x, 3, 8, 4);
        assertThat(s.k()).isEqualTo(5);
        assertThat(s.sampleSize()).isEqualTo(KMeans.CHOOSE_K_SAMPLE);
        assertThat(s.n()).isEqualTo(5000);
        assertThat(KMeans.chooseK(x, 3, 8, 4, 1)).isEqualTo(s);
        assertThat(KMeans.chooseK(x, 3, 8, 4, 3)).isEqualTo(s);
        // kMax is clipped to the subsample size - 1
        final KSelection small = KMeans.chooseK(blobs(8, 2, 2, 10.0, 0.5, 1), 2, 30, 0);
        assertThat(small.kMax()).isEqualTo(7);
        assertThat(small.silhouettes()).hasSize(6);
    }

    @Test
    void optionsAreCopied() {
        final KMeans t = KM.withK(7).withInit(KMeans.Init.RANDOM).withNInit(2).withMaxIterations(50)
            .withTolerance(0).withSeed(3).withThreads(1);
        assertThat(KM.k()).isEqualTo(20);
        assertThat(KM.init()).isEqualTo(KMeans.Init.K_MEANS_PLUS_PLUS);
        assertThat(KM.nInit()).isEqualTo(4);
        assertThat(KM.maxIterations()).isEqualTo(300);
        assertThat(KM.tolerance()).isEqualTo(1e-4);
        assertThat(KM.seed()).isEqualTo(0);
        assertThat(KM.threads()).isEqualTo(2);
        assertThat(t.k()).isEqualTo(7);
        assertThat(t.init()).isEqualTo(KMeans.Init.RANDOM);
        assertThat(t.nInit()).isEqualTo(2);
        assertThat(t.maxIterations()).isEqualTo(50);
        assertThat(t.tolerance()).isEqualTo(0.0);
        assertThat(t.seed()).isEqualTo(3);
        assertThat(t.threads()).isEqualTo(1);
    }

    @Test
    void invalidArgumentsAreRejected() {
        final float[][] x = blobs(10, 3, 2, 1.0, 1.0, 1);
        assertThatThrownBy(() -> KM.withK(11).fit(x)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("k = 11 clusters need at least 11 rows, got 10");
        assertThatThrownBy(() -> KM.withK(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KM.withNInit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KM.withMaxIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KM.withTolerance(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KM.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KM.withInit(null)).isInstanceOf(NullPointerException.class);
        final float[][] bad = blobs(10, 3, 2, 1.0, 1.0, 1);
        bad[4][1] = Float.NaN;
        assertThatThrownBy(() -> KM.withK(2).fit(bad)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("x: value at row 4, column 1 is not finite");
        final KMeansResult r = KM.withK(2).fit(x);
        assertThatThrownBy(() -> r.assign(new float[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("rows have dimension 2, centroids 3");
        assertThatThrownBy(() -> KMeans.chooseK(x, 1, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.chooseK(x, 5, 4, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("kMin (5) must be <= kMax (4)");
        assertThatThrownBy(() -> KMeans.chooseK(x, 10, 12, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("exceeds the largest k");
    }

    @Test
    void resultEqualityComparesContents() {
        final KMeansResult a = new KMeansResult(2, new int[] {0, 1}, new float[][] {{0f}, {1f}}, 0.5, 3, 1L, 4);
        final KMeansResult b = new KMeansResult(2, new int[] {0, 1}, new float[][] {{0f}, {1f}}, 0.5, 3, 1L, 4);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new KMeansResult(2, new int[] {1, 0}, new float[][] {{0f}, {1f}}, 0.5, 3, 1L, 4));
        assertThat(a.toString()).contains("sizes=[1, 1]");
        final Set<Object> set = new HashSet<>();
        set.add(a);
        assertThat(set).contains(b);
    }
}
