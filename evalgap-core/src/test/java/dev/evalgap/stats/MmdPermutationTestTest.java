package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmdPermutationTestTest {

    private static final MmdPermutationTest MMD = MmdPermutationTest.withDefaults();
    
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

    private static Offset<Double> relative(double expected, double tolerance) {
        return within(Math.abs(expected) * tolerance);
    }

    // ------------------------------------------------------------------------------------------
    // worked example and reference values

    @Test
    void handWorkedExample() {
        // a = {0, 1, 2}, b = {4, 6} in one dimension. The 10 pooled distances, sorted:
        // 1 1 2 2 2 3 4 4 5 6; an even count, so sigma = (2 + 3) / 2 = 2.5 and
        // k(u, v) = exp(-(u - v)^2 / 12.5).
        // Within a (each unordered pair twice, over m(m-1) = 6): (2 e^-0.08 + e^-0.32) / 3
        // Within b (over n(n-1) = 2): e^-0.32
        // Between (2 / (m n) = 1/3 times the 6 cross pairs at distances 4 6 3 5 2 4):
        //   (2 e^-1.28 + e^-2.88 + e^-0.72 + e^-2 + e^-0.32) / 3
        // MMD^2 = (2 e^-0.08 + 3 e^-0.32 - 2 e^-1.28 - e^-0.72 - e^-2 - e^-2.88) / 3 = 0.2577...
        final float[][] a = {{0}, {1}, {2}};
        final float[][] b = {{4}, {6}};
        final double expected = (2 * Math.exp(-0.08) + 3 * Math.exp(-0.32) - 2 * Math.exp(-1.28)
            - Math.exp(-0.72) - Math.exp(-2) - Math.exp(-2.88)) / 3;
        final MmdResult r = MMD.withPermutations(20_000).withSeed(3).test(a, b);
        assertThat(r.sigma()).isEqualTo(2.5);
        assertThat(r.sigmaFallback()).isFalse();
        assertThat(r.bandwidthRule()).isEqualTo(MmdPermutationTest.Bandwidth.MEDIAN_HEURISTIC);
        assertThat(r.mmd2()).isCloseTo(expected, within(1e-12));
        assertThat(MMD.statistic(a, b)).isCloseTo(expected, within(1e-12));
        // Exact permutation p: of the C(5, 3) = 10 ways to choose "a", count those whose statistic
        // is >= the observed one (the observed labelling included); B = 20000 estimates it with a
        // standard error of at most 0.0036.
        final double exact = exactPermutationP(a, b, r.sigma());
        assertThat(r.pValue()).isCloseTo(exact, within(0.015));
        assertThat(r.m()).isEqualTo(3);
        assertThat(r.n()).isEqualTo(2);
        assertThat(r.dimension()).isEqualTo(1);
    }

    @Test
    void fixedBandwidthIsUsedAndRecorded() {
        // Same data as above with sigma = 1: k = exp(-(u - v)^2 / 2)
        final float[][] a = {{0}, {1}, {2}};
        final float[][] b = {{4}, {6}};
        final double expected = (2 * Math.exp(-0.5) + Math.exp(-2)) / 3 + Math.exp(-2)
            - (2 * Math.exp(-8) + Math.exp(-18) + Math.exp(-4.5) + Math.exp(-12.5) + Math.exp(-2)) / 3;
        final MmdPermutationTest fixed = MMD.withBandwidth(1.0).withPermutations(100);
        final MmdResult r = fixed.test(a, b);
        assertThat(r.sigma()).isEqualTo(1.0);
        assertThat(r.bandwidthRule()).isEqualTo(MmdPermutationTest.Bandwidth.FIXED);
        assertThat(r.sigmaFallback()).isFalse();
        assertThat(r.mmd2()).isCloseTo(expected, within(1e-12));
        assertThat(fixed.bandwidthRule()).isEqualTo(MmdPermutationTest.Bandwidth.FIXED);
        assertThat(fixed.withMedianBandwidth().test(a, b).sigma()).isEqualTo(2.5);
    }

    /**
     * sigma and MMD^2 from the reference peer, for rows from {@link #gaussian}, written one per line
     * with Float.toString (which round-trips), e.g. for the first case:
     * <pre>
     * a = gaussian(30, 5, 0, 101), b = gaussian(25, 5, 0.3, 102)
     * /usr/bin/python3 ../shared/bench/drift_peer.py A.csv B.csv --skip c2st,kmeans --perms 200 --seed 1
     * </pre>
     * (numpy 1.24.2). p is compared in the live test; here only the deterministic figures.
     */
    @Test
    void agreesWithReferencePeerValues() {
        // 55 pooled rows: 1485 pairs (odd count, one middle value)
        assertPeer(gaussian(30, 5, 0, 101), gaussian(25, 5, 0.3, 102),
            2.8963231328466392, 0.015514105243019438);
        // 80 pooled rows: 3160 pairs (even count, mean of two middle values)
        assertPeer(gaussian(40, 3, 0, 201), gaussian(40, 3, 0.5, 202),
            2.2509969225436786, 0.08545649002938638);
        // the smallest samples: 2 vs 3 rows, 10 pairs
        assertPeer(gaussian(2, 2, 0, 301), gaussian(3, 2, 1.0, 302),
            3.097799193146141, -0.21718578025898183);
        // dimension 7, not a multiple of the 4 coordinates per step of the distance kernel
        assertPeer(gaussian(20, 7, 0, 401), gaussian(33, 7, 0.2, 402),
            3.731954373128051, 0.0038641813840694095);
    }

    private static void assertPeer(float[][] a, float[][] b, double sigma, double mmd2) {
        final MmdResult r = MMD.withPermutations(200).withSeed(1).test(a, b);
        assertThat(r.sigma()).isCloseTo(sigma, relative(sigma, 1e-12));
        assertThat(r.mmd2()).isCloseTo(mmd2, relative(mmd2, 1e-9));
    }

    @Test
    void agreesWithReferencePeerLive(@TempDir Path dir) throws Exception {
        final Path script = PythonPeer.sharedFolder().resolve("bench/drift_peer.py");
        assumeTrue(Files.isRegularFile(script), "no " + script);
        assumeTrue(Files.isExecutable(PythonPeer.PYTHON), "no /usr/bin/python3");
        assumeTrue(PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), "-c", "import numpy, scipy, sklearn"),
            dir.resolve("probe.out"), dir.resolve("probe.err")) == 0, "python3 lacks numpy, scipy or sklearn");

        // 500 vs 500 in 64 dimensions, b shifted by 0.02 per coordinate: a weak difference, p near 0.17
        final float[][] a = gaussian(500, 64, 0, 11);
        final float[][] b = gaussian(500, 64, 0.02, 12);
        final Path fa = dir.resolve("A.csv");
        final Path fb = dir.resolve("B.csv");
        PythonPeer.writeCsv(fa, a);
        PythonPeer.writeCsv(fb, b);
        final Path out = dir.resolve("peer.json");
        final Path err = dir.resolve("peer.err");
        // /usr/bin/python3 drift_peer.py A.csv B.csv --skip c2st,kmeans --perms 1000 --seed 1
        final int code = PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), script.toString(), fa.toString(), fb.toString(),
            "--skip", "c2st,kmeans", "--perms", "1000", "--seed", "1"), out, err);
        assertThat(code).as("drift_peer.py exit code; stderr: %s", Files.readString(err)).isEqualTo(0);
        final JsonNode mmd = new ObjectMapper().readTree(out.toFile()).get("mmd");
        final double peerSigma = mmd.get("sigma").asDouble();
        final double peerMmd2 = mmd.get("mmd2_unbiased").asDouble();
        final double peerP = mmd.get("p_value").asDouble();

        final MmdResult r = MMD.withSeed(1).test(a, b);
        assertThat(r.sigma()).isCloseTo(peerSigma, relative(peerSigma, 1e-6));
        assertThat(r.mmd2()).isCloseTo(peerMmd2, relative(peerMmd2, 1e-6));
        // Two independent estimates with B = 1000 each: the difference has a standard error of about
        // sqrt(2 p (1 - p) / 1000) = 0.017 at p = 0.17; 0.08 is more than 4 of them
        assertThat(r.pValue()).isCloseTo(peerP, within(0.08));
        assertThat(mmd.get("perm_exceed").asInt()).isBetween(50, 350);
    }

    // ------------------------------------------------------------------------------------------
    // properties

    @Test
    void pValueStaysInRangeAndSameSeedGivesSameResult() {
        final float[][] a = gaussian(40, 4, 0, 1);
        final float[][] b = gaussian(50, 4, 0.1, 2);
        final MmdPermutationTest t = MMD.withPermutations(99).withSeed(7);
        final MmdResult r = t.test(a, b);
        assertThat(r.pValue()).isBetween(1.0 / 100, 1.0);
        assertThat(r.pValue()).isEqualTo((1.0 + r.exceedances()) / 100);
        assertThat(r.permutations()).isEqualTo(99);
        assertThat(r.seed()).isEqualTo(7);
        assertThat(t.test(a, b)).isEqualTo(r);
        assertThat(t.statistic(a, b)).isEqualTo(r.mmd2());
        assertThat(t.withSeed(8).test(a, b).nullMean()).isNotEqualTo(r.nullMean());

        // A large difference: no relabelling reaches it, and p is the smallest possible, not 0
        final MmdResult far = MMD.withPermutations(50).test(a, gaussian(50, 4, 5, 3));
        assertThat(far.exceedances()).isEqualTo(0);
        assertThat(far.pValue()).isEqualTo(1.0 / 51);
        assertThat(far.rejects(0.05)).isTrue();
    }

    @Test
    void swappingSamplesKeepsStatisticAndBandwidth() {
        final float[][] a = gaussian(70, 6, 0, 4);
        final float[][] b = gaussian(90, 6, 0.3, 5);
        final MmdResult ab = MMD.withPermutations(100).test(a, b);
        final MmdResult ba = MMD.withPermutations(100).test(b, a);
        assertThat(ba.sigma()).isEqualTo(ab.sigma());
        assertThat(ba.mmd2()).isCloseTo(ab.mmd2(), relative(ab.mmd2(), 1e-12));
        assertThat(ba.m()).isEqualTo(90);
        assertThat(ba.n()).isEqualTo(70);
    }

    @Test
    void nullPValuesAreRoughlyUniform() {
        // 50 splits of one N(0, I_5) sample into 60 + 60 rows, B = 200 each
        final int splits = 50;
        int rejected = 0;
        double sum = 0;
        for (int s = 0; s < splits; s++) {
            final float[][] all = gaussian(120, 5, 0, 5_000 + s);
            final MmdResult r = MMD.withPermutations(200).withSeed(s)
                .test(Arrays.copyOfRange(all, 0, 60), Arrays.copyOfRange(all, 60, 120));
            sum += r.pValue();
            if (r.rejects(0.05)) {
                rejected++;
            }
        }
        // Under H0 the permutation p is (super-)uniform: 2.5 +- 1.5 rejections of 50 expected
        assertThat(rejected).as("rejections at 0.05 of %d", splits).isBetween(0, (int) (0.15 * splits));
        assertThat(sum / splits).isBetween(0.35, 0.65);
    }

    @Test
    void knownMeanShiftIsDetected() {
        // 100 vs 100 in 10 dimensions, shift 0.5 per coordinate (Mahalanobis distance 1.58)
        final MmdResult r = MMD.withPermutations(500).test(gaussian(100, 10, 0, 21), gaussian(100, 10, 0.5, 22));
        assertThat(r.pValue()).isLessThanOrEqualTo(0.01);
        assertThat(r.mmd2()).isGreaterThan(r.nullQ95());
        assertThat(r.nullMean()).isCloseTo(0.0, within(3 * r.nullSd()));
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        // 700 pooled rows: several tiles of 256 columns, so the threads share the work; B = 1100
        // needs two batches of relabellings
        final float[][] a = gaussian(300, 9, 0, 31);
        final float[][] b = gaussian(400, 9, 0.05, 32);
        final MmdPermutationTest t = MMD.withPermutations(1100).withSeed(5);
        final MmdResult one = t.withThreads(1).test(a, b);
        assertThat(t.withThreads(2).test(a, b)).isEqualTo(one);
        assertThat(t.withThreads(3).test(a, b)).isEqualTo(one);
        assertThat(t.withThreads(2).statistic(a, b)).isEqualTo(one.mmd2());
    }

    /**
     * Replays the documented relabellings (first split of SplittableRandom(seed), one partial
     * Fisher-Yates shuffle of the pooled indices each) and recomputes every permuted statistic
     * directly in double precision. 1200 pooled rows (more than the 32 * 36 rows after which the
     * int accumulators are flushed), so the last tiles are flushed in the middle, and groups of 36
     * rows take their membership bits from two 64-bit words.
     */
    @Test
    void permutedStatisticsMatchBruteForce() {
        final float[][] a = gaussian(550, 3, 0, 41);
        final float[][] b = gaussian(650, 3, 0.03, 42);
        final int perms = 30;
        final long seed = 9;
        final MmdResult r = MMD.withPermutations(perms).withSeed(seed).test(a, b);

        final int m = a.length;
        final int n = m + b.length;
        final float[][] z = new float[n][];
        System.arraycopy(a, 0, z, 0, m);
        System.arraycopy(b, 0, z, m, b.length);
        final double[][] k = gram(z, r.sigma());
        final double observed = statistic(k, firstM(n, m), m);
        assertThat(observed).isCloseTo(r.mmd2(), relative(r.mmd2(), 1e-9));

        final SplittableRandom rng = new SplittableRandom(seed).split();
        final int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        final double[] nulls = new double[perms];
        int exceed = 0;
        for (int t = 0; t < perms; t++) {
            final boolean[] inA = new boolean[n];
            for (int s = 0; s < m; s++) {
                final int j = s + rng.nextInt(n - s);
                final int v = idx[j];
                idx[j] = idx[s];
                idx[s] = v;
                inA[v] = true;
            }
            nulls[t] = statistic(k, inA, m);
            if (nulls[t] >= observed) {
                exceed++;
            }
        }
        // The permutations use the kernel rounded to multiples of 2^-20: each statistic moves by at
        // most 4 * 2^-21 (the absolute weights of the three averages sum to 4)
        final double mean = Arrays.stream(nulls).average().orElseThrow();
        assertThat(r.nullMean()).isCloseTo(mean, within(2e-6));
        assertThat(r.exceedances()).isEqualTo(exceed);
        final double[] sorted = nulls.clone();
        Arrays.sort(sorted);
        final double h = (perms - 1) * 0.95;
        final int lo = (int) h;
        final double q95 = sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        assertThat(r.nullQ95()).isCloseTo(q95, within(2e-6));
    }

    @Test
    void heavilyTiedDistancesGiveTheExactMedian() {
        // Points on a 4 x 4 integer grid: only 10 distinct squared distances among ~720,000 pairs,
        // so the median's float value is shared by far more pairs than are recomputed one by one
        final Random rnd = new Random(51);
        final float[][] a = new float[600][2];
        final float[][] b = new float[600][2];
        for (final float[][] x : List.of(a, b)) {
            for (final float[] row : x) {
                row[0] = rnd.nextInt(4);
                row[1] = rnd.nextInt(4);
            }
        }
        final float[][] z = new float[1200][];
        System.arraycopy(a, 0, z, 0, 600);
        System.arraycopy(b, 0, z, 600, 600);
        final double[] d = new double[1200 * 1199 / 2];
        int p = 0;
        for (int i = 0; i < 1200; i++) {
            for (int j = i + 1; j < 1200; j++) {
                final double dx = z[i][0] - z[j][0];
                final double dy = z[i][1] - z[j][1];
                d[p++] = Math.sqrt(dx * dx + dy * dy);
            }
        }
        Arrays.sort(d);
        final double median = 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
        final MmdResult r = MMD.withPermutations(20).test(a, b);
        assertThat(r.sigma()).isEqualTo(median);
        // More tied pairs near the median than may be held at once: radix selection on the exact values
        assertThat(MMD.withPermutations(20).withMaxWindow(1000).test(a, b).sigma()).isEqualTo(median);
    }

    @Test
    void radixSelectionGivesTheSameMedianAsRankingTheWindow() {
        // Continuous data: a handful of pairs lie within the error bound of the median; with room for one
        // at a time, the exact values are found by radix selection (16 bits a pass) instead of sorted
        final float[][] a = gaussian(300, 5, 0, 61);
        final float[][] b = gaussian(320, 5, 0.2, 62);
        final MmdResult ranked = MMD.withPermutations(50).test(a, b);
        final MmdResult radix = MMD.withPermutations(50).withMaxWindow(1).test(a, b);
        assertThat(radix.sigma()).isEqualTo(ranked.sigma());
        assertThat(radix).isEqualTo(ranked);
    }

    @Test
    void identicalRowsFallBackToUnitBandwidth() {
        // Every pooled pair is at distance 0: the median rule gives 0, sigma = 1 is used instead;
        // every kernel value is 1, the statistic is exactly 0 and every relabelling ties with it
        final float[][] a = new float[5][];
        final float[][] b = new float[4][];
        Arrays.fill(a, new float[] {0.25f, -1f, 3f});
        Arrays.fill(b, new float[] {0.25f, -1f, 3f});
        final MmdResult r = MMD.withPermutations(30).test(a, b);
        assertThat(r.sigma()).isEqualTo(1.0);
        assertThat(r.sigmaFallback()).isTrue();
        assertThat(r.mmd2()).isEqualTo(0.0);
        assertThat(r.exceedances()).isEqualTo(30);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.nullSd()).isEqualTo(0.0);
        assertThat(r.rejects(0.05)).isFalse();
        assertThat(MMD.statistic(a, b)).isEqualTo(0.0);
    }

    @Test
    void mirroredLabellingsTieExactly() {
        // m = n = 2: the 6 ways to choose "a" come in 3 mirror pairs with equal statistics, so the
        // exact permutation p is a multiple of 1/3. With B = 30000 relabellings the estimate is
        // within 0.01 of it only if the observed labelling and its mirror both count as ties.
        final float[][] a = {{0, 0}, {1, 0}};
        final float[][] b = {{0, 1}, {3, 3}};
        final MmdResult r = MMD.withPermutations(30_000).test(a, b);
        final double exact = exactPermutationP(a, b, r.sigma());
        assertThat(exact * 3).isCloseTo(Math.rint(exact * 3), within(1e-9));
        assertThat(r.pValue()).isCloseTo(exact, within(0.01));
    }

    @Test
    void degenerateInputsAreRejected() {
        final float[][] ok = gaussian(5, 3, 0, 1);
        assertThatThrownBy(() -> MMD.test(gaussian(1, 3, 0, 2), ok))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows of a must be >= 2, got 1");
        assertThatThrownBy(() -> MMD.test(ok, gaussian(1, 3, 0, 2)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows of b must be >= 2, got 1");
        assertThatThrownBy(() -> MMD.statistic(ok, gaussian(4, 2, 0, 3)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a has 3, b has 2");
        final float[][] nan = gaussian(4, 3, 0, 4);
        nan[2][1] = Float.NaN;
        assertThatThrownBy(() -> MMD.test(ok, nan))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b: value at row 2, column 1 is not finite");
        assertThatThrownBy(() -> MMD.test(new float[0][], ok))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is empty");
        assertThatThrownBy(() -> MMD.test(new float[][] {{1, 2, 3}, {1, 2}}, ok))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 2 values");
        final float[][] huge = {{0, 3e19f, 0}, {1, 1, 1}};
        assertThatThrownBy(() -> MMD.test(ok, huge))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed the float range");
        assertThatThrownBy(() -> MMD.withPermutations(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permutations must be >= 1");
        assertThatThrownBy(() -> MMD.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MMD.withBandwidth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MMD.withBandwidth(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MMD.withBandwidth(Double.POSITIVE_INFINITY))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreCopied() {
        final MmdPermutationTest t = MMD.withPermutations(10).withSeed(4).withThreads(1).withBandwidth(0.5);
        assertThat(MMD.permutations()).isEqualTo(1000);
        assertThat(MMD.seed()).isEqualTo(0);
        assertThat(MMD.threads()).isEqualTo(2);
        assertThat(MMD.bandwidthRule()).isEqualTo(MmdPermutationTest.Bandwidth.MEDIAN_HEURISTIC);
        assertThat(MMD.bandwidth()).isNaN();
        assertThat(t.permutations()).isEqualTo(10);
        assertThat(t.seed()).isEqualTo(4);
        assertThat(t.threads()).isEqualTo(1);
        assertThat(t.bandwidth()).isEqualTo(0.5);
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    /** Gaussian kernel matrix, directly in double. */
    private static double[][] gram(float[][] z, double sigma) {
        final int n = z.length;
        final double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < z[i].length; c++) {
                    final double diff = (double) z[i][c] - z[j][c];
                    s += diff * diff;
                }
                k[i][j] = Math.exp(-s / (2 * sigma * sigma));
            }
        }
        return k;
    }

    private static boolean[] firstM(int n, int m) {
        final boolean[] inA = new boolean[n];
        Arrays.fill(inA, 0, m, true);
        return inA;
    }

    /** Unbiased MMD^2 (Gretton et al. 2012, eq. 3) of the labelling inA, from the kernel matrix. */
    private static double statistic(double[][] k, boolean[] inA, int m) {
        final int n = k.length - m;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (i == j) {
                    continue;
                }
                if (inA[i] && inA[j]) {
                    xx += k[i][j];
                } else if (!inA[i] && !inA[j]) {
                    yy += k[i][j];
                } else if (inA[i]) {
                    xy += k[i][j];
                }
            }
        }
        return xx / (m * (m - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) m * n);
    }

    /** Exact permutation p over all C(N, m) labellings (small samples only). */
    private static double exactPermutationP(float[][] a, float[][] b, double sigma) {
        final int m = a.length;
        final int n = m + b.length;
        final float[][] z = new float[n][];
        System.arraycopy(a, 0, z, 0, m);
        System.arraycopy(b, 0, z, m, b.length);
        final double[][] k = gram(z, sigma);
        final double observed = statistic(k, firstM(n, m), m);
        int total = 0;
        int atLeast = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            final boolean[] inA = new boolean[n];
            for (int i = 0; i < n; i++) {
                inA[i] = (mask >>> i & 1) != 0;
            }
            total++;
            if (statistic(k, inA, m) >= observed - 1e-12) {
                atLeast++;
            }
        }
        return (double) atLeast / total;
    }

}
