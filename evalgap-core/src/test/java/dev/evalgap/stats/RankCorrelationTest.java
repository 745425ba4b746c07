package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evalgap.stats.RankCorrelation.Method;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankCorrelationTest {

    private static final double EPS = 1e-14;
    /** Agreement with the all-pairs oracle: the same integer counts, at most a different rounding. */
    private static final double ORACLE_EPS = 1e-12;
    private static final Path PYTHON = Path.of("/usr/bin/python3");
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

    @Test
    void everyInputOfUpToThreePairsMatchesTheAllPairsDefinition() {
        // all x, y in {0, 1, 2}^n: every pattern of ties, orders and constant variables
        for (int n = 0; n <= 3; n++) {
            final int patterns = (int) Math.pow(3, n);
            for (int px = 0; px < patterns; px++) {
                for (int py = 0; py < patterns; py++) {
                    assertMatchesOracle(digits(px, n), digits(py, n));
                }
            }
        }
    }

    @Test
    void randomInputsMatchTheAllPairsDefinition() {
        final SplittableRandom rng = new SplittableRandom(20240611);
        // 1 distinct value: constant (NaN); 2..5: heavy ties; 0: continuous, no ties
        final int[] distinctValues = {1, 2, 3, 5, 0};
        int nan = 0;
        for (int trial = 0; trial < 1500; trial++) {
            final int n = rng.nextInt(2, 80);
            final double[] x = draw(rng, n, distinctValues[trial % distinctValues.length]);
            final double[] y = draw(rng, n, distinctValues[rng.nextInt(distinctValues.length)]);
            assertMatchesOracle(x, y);
            nan += Double.isNaN(KENDALL.statistic(x, y)) ? 1 : 0;
        }
        // constant variables were drawn, and not only them
        assertThat(nan).isPositive().isLessThan(1500);
        // long inputs, where the merge sort runs many passes over runs of unequal length
        assertMatchesOracle(draw(rng, 1999, 4), draw(rng, 1999, 6));
        assertMatchesOracle(draw(rng, 2048, 0), draw(rng, 2048, 0));
    }

    @Test
    void permutationsWithoutTiesMatchTheAllPairsDefinition() {
        final SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            final int n = rng.nextInt(2, 120);
            final double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i;
            }
            final double[] y = x.clone();
            shuffle(y, rng);
            assertMatchesOracle(x, y);
            // without ties, tau_b is tau_a = 1 - 4 n_d / (n (n - 1))
            assertThat(KENDALL.statistic(x, y))
                .isCloseTo(1 - 4.0 * allPairs(x, y)[1] / ((double) n * (n - 1)), within(ORACLE_EPS));
        }
        // reversed: every pair discordant
        final double[] up = {1, 2, 3, 4, 5, 6, 7};
        final double[] down = {7, 6, 5, 4, 3, 2, 1};
        assertThat(KENDALL.statistic(up, down)).isEqualTo(-1.0);
    }

    @Test
    void bootstrapRecomputesTheDefinitionOnPairsDrawnInOrder() {
        // the interval from resamples drawn as documented (pair rng.nextInt(n), n times per resample) and
        // computed by the all-pairs oracle; n = 7 with a rare x value also yields undefined resamples
        final double[][] xs = {
            {1, 1, 1, 1, 1, 1, 2},
            {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3}};
        final double[][] ys = {
            {1, 2, 2, 3, 1, 2, 3},
            {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5, 2, 3, 5, 3, 6, 0, 2, 8, 7}};
        final int resamples = 400;
        final long seed = 17;
        for (int c = 0; c < xs.length; c++) {
            final double[] x = xs[c];
            final double[] y = ys[c];
            for (final Method m : Method.values()) {
                final RankCorrelationResult r = RankCorrelation.withDefaults().with(m).withBootstrap(resamples)
                    .withConfidence(0.9).withSeed(seed).test(x, y);
                final SplittableRandom rng = new SplittableRandom(seed);
                final List<Double> defined = new ArrayList<>();
                final double[] bx = new double[x.length];
                final double[] by = new double[x.length];
                for (int b = 0; b < resamples; b++) {
                    for (int i = 0; i < x.length; i++) {
                        final int j = rng.nextInt(x.length);
                        bx[i] = x[j];
                        by[i] = y[j];
                    }
                    final double v = m == Method.SPEARMAN ? spearmanOracle(bx, by) : kendallOracle(bx, by);
                    if (!Double.isNaN(v)) {
                        defined.add(v);
                    }
                }
                final double[] sorted = defined.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                assertThat(r.undefinedResamples()).as("%s case %d", m, c).isEqualTo(resamples - sorted.length);
                assertThat(r.interval().low()).as("%s case %d", m, c)
                    .isCloseTo(Quantiles.type7(sorted, 0.05), within(ORACLE_EPS));
                assertThat(r.interval().high()).as("%s case %d", m, c)
                    .isCloseTo(Quantiles.type7(sorted, 0.95), within(ORACLE_EPS));
            }
        }
    }

    @Test
    @Tag("scipy")
    void randomInputsMatchScipy(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(python(dir, "import scipy", List.of()).exitCode == 0, "/usr/bin/python3 lacks scipy");
        final SplittableRandom rng = new SplittableRandom(99);
        final int[] distinctValues = {2, 3, 5, 0};
        final List<double[][]> cases = new ArrayList<>();
        for (int trial = 0; trial < 200; trial++) {
            final int n = rng.nextInt(2, 150);
            cases.add(new double[][] {draw(rng, n, distinctValues[trial % distinctValues.length]),
                draw(rng, n, distinctValues[rng.nextInt(distinctValues.length)])});
        }
        cases.add(new double[][] {{1, 2, 3}, {4, 4, 4}});
        final List<String> lines = new ArrayList<>();
        for (final double[][] pair : cases) {
            lines.add(join(pair[0]));
            lines.add(join(pair[1]));
        }
        // scipy.stats.kendalltau(x, y).statistic (variant 'b') and scipy.stats.spearmanr(x, y).statistic
        final String script = String.join("\n",
            "import math, sys, warnings",
            "import scipy.stats as st",
            "warnings.simplefilter('ignore')",
            "lines = open(sys.argv[1]).read().split('\\n')",
            "for i in range(0, len(lines) - 1, 2):",
            "    x = [float(v) for v in lines[i].split()]",
            "    y = [float(v) for v in lines[i + 1].split()]",
            "    out = [st.kendalltau(x, y)[0], st.spearmanr(x, y)[0]]",
            "    print(' '.join('NaN' if math.isnan(v) else repr(float(v)) for v in out))");
        final Path data = dir.resolve("pairs.txt");
        Files.write(data, lines, StandardCharsets.US_ASCII);
        final PythonRun run = python(dir, script, List.of(data.toString()));
        assertThat(run.exitCode).as("python stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).hasSize(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            final String[] scipy = run.stdout.get(c).split(" ");
            final double[] x = cases.get(c)[0];
            final double[] y = cases.get(c)[1];
            assertClose(KENDALL.statistic(x, y), Double.parseDouble(scipy[0]), "kendall case " + c);
            assertClose(SPEARMAN.statistic(x, y), Double.parseDouble(scipy[1]), "spearman case " + c);
        }
    }

    private static void assertMatchesOracle(double[] x, double[] y) {
        final String data = Arrays.toString(x) + " " + Arrays.toString(y);
        assertClose(KENDALL.statistic(x, y), kendallOracle(x, y), "kendall " + data);
        assertClose(SPEARMAN.statistic(x, y), spearmanOracle(x, y), "spearman " + data);
    }

    private static void assertClose(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(ORACLE_EPS));
        }
    }

    /** Kendall's tau_b by its definition over all n(n-1)/2 pairs. */
    private static double kendallOracle(double[] x, double[] y) {
        final int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        final long[] counts = allPairs(x, y);
        final double n0 = n * (n - 1) / 2.0;
        final double denominator = Math.sqrt((n0 - counts[2]) * (n0 - counts[3]));
        return denominator == 0 ? Double.NaN : (counts[0] - counts[1]) / denominator;
    }

    /** Concordant, discordant, tied in x, tied in y (a pair tied in both counts in both). */
    private static long[] allPairs(double[] x, double[] y) {
        final long[] counts = new long[4];
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                final int sx = Double.compare(x[i], x[j]);
                final int sy = Double.compare(y[i], y[j]);
                if (sx == 0 || sy == 0) {
                    counts[2] += sx == 0 ? 1 : 0;
                    counts[3] += sy == 0 ? 1 : 0;
                } else {
                    counts[sx == sy ? 0 : 1]++;
                }
            }
        }
        return counts;
    }

    /** Spearman's rho as the Pearson correlation of midranks found by counting smaller and equal values. */
    private static double spearmanOracle(double[] x, double[] y) {
        final int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        final double[] rx = midranksByCounting(x);
        final double[] ry = midranksByCounting(y);
        final double mx = Arrays.stream(rx).average().orElseThrow();
        final double my = Arrays.stream(ry).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Midrank of x_i: 1 + #{j: x_j < x_i} + (#{j: x_j = x_i} - 1) / 2. */
    private static double[] midranksByCounting(double[] x) {
        final double[] ranks = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int smaller = 0;
            int equal = 0;
            for (final double v : x) {
                smaller += Double.compare(v, x[i]) < 0 ? 1 : 0;
                equal += Double.compare(v, x[i]) == 0 ? 1 : 0;
            }
            ranks[i] = 1 + smaller + (equal - 1) / 2.0;
        }
        return ranks;
    }

    /** n values among {@code distinct} levels (1..distinct, unevenly likely), or continuous when 0. */
    private static double[] draw(SplittableRandom rng, int n, int distinct) {
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = distinct == 0 ? rng.nextGaussian()
                : 1 + Math.min(rng.nextInt(distinct), rng.nextInt(distinct));
        }
        return v;
    }

    /** The n base-3 digits of {@code pattern}. */
    private static double[] digits(int pattern, int n) {
        final double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = pattern % 3;
            pattern /= 3;
        }
        return d;
    }

    private static void shuffle(double[] v, SplittableRandom rng) {
        for (int i = v.length - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    private static String join(double[] v) {
        final StringBuilder line = new StringBuilder();
        for (final double d : v) {
            line.append(line.length() == 0 ? "" : " ").append(d); // Double.toString round-trips exactly
        }
        return line.toString();
    }

    private record PythonRun(int exitCode, List<String> stdout, String stderr) {
    }

    private static PythonRun python(Path dir, String script, List<String> args)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(args);
        final Path out = Files.createTempFile(dir, "python", ".out");
        final Path err = Files.createTempFile(dir, "python", ".err");
        final Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new PythonRun(-1, List.of(), "timed out");
        }
        return new PythonRun(p.exitValue(), Files.readAllLines(out), Files.readString(err));
    }
}
