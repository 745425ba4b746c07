package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.stats.KrippendorffAlpha.Level;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

    private static final double EPS = 1e-12;
    private static final double NA = Double.NaN;

    /**
     * K. Krippendorff, "Computing Krippendorff's alpha-reliability" (2011), section C: observers A–D
     * code 12 units with missing data (rows here are units, columns observers A, B, C, D).
     */
    private static final double[][] PAPER_EXAMPLE = {
        {1, 1, NA, 1},
        {2, 2, 3, 2},
        {3, 3, 3, 3},
        {3, 3, 3, 3},
        {2, 2, 2, 2},
        {1, 2, 3, 4},
        {4, 4, 4, 4},
        {1, 1, 2, 1},
        {2, 2, 2, 2},
        {NA, 5, 5, 5},
        {NA, NA, 1, 1},
        {NA, 3, NA, NA}};

    @Test
    void paperExampleWithMissingData() {
        // published: nominal 0.743, ordinal 0.815, interval 0.849 (n = 40 pairable values; unit 12
        // has one value). Full precision: the coincidence-matrix definition in numpy,
        // o[c,k] += 1/(m_u-1) over ordered pairs, alpha = 1 - (n-1) sum(o*d2) / sum(outer(n_c,n_c)*d2)
        final KrippendorffAlpha.Prepared nominal = KrippendorffAlpha.prepare(PAPER_EXAMPLE, Level.NOMINAL);
        assertThat(nominal.alpha()).isCloseTo(0.743, within(0.0005)).isCloseTo(0.743421052631579, within(EPS));
        assertThat(KrippendorffAlpha.of(PAPER_EXAMPLE, Level.ORDINAL))
            .isCloseTo(0.815, within(0.0005)).isCloseTo(0.8153875037548813, within(EPS));
        assertThat(KrippendorffAlpha.of(PAPER_EXAMPLE, Level.INTERVAL))
            .isCloseTo(0.849, within(0.0005)).isCloseTo(0.8491071428571428, within(EPS));
        assertThat(nominal.units()).isEqualTo(12);
        assertThat(nominal.pairableUnits()).isEqualTo(11);
        assertThat(nominal.pairableValues()).isEqualTo(40);
    }

    @Test
    void paperBinaryExample() {
        // Krippendorff (2011), section A: two observers, 10 units, binary values; o_01 = o_10 = 4,
        // n_0 = 14, n_1 = 6: alpha = 1 - (20 - 1) * 4 / (14 * 6) = 0.095
        final double[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        final double[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
        assertThat(KrippendorffAlpha.of(columns(a, b), Level.NOMINAL))
            .isCloseTo(0.095, within(0.0005)).isCloseTo(1 - 19 * 4 / 84.0, within(EPS));
    }

    @Test
    void completeDataRelatesToFleissKappaAndScottsPi() {
        // With every unit rated by the same m raters, o and n_c are Fleiss' pair counts, and
        // alpha = 1 - (n-1)/n (1 - kappa_Fleiss) with n = N m; for m = 2 kappa_Fleiss is Scott's pi
        // and this is alpha = pi + (1 - pi)/n.
        final SplittableRandom rng = new SplittableRandom(3);
        for (final int m : new int[] {2, 4}) {
            final int units = 40;
            final double[][] ratings = new double[units][m];
            final int[][] counts = new int[units][3];
            for (int u = 0; u < units; u++) {
                final int truth = rng.nextInt(3);
                for (int r = 0; r < m; r++) {
                    final int v = rng.nextDouble() < 0.7 ? truth : rng.nextInt(3);
                    ratings[u][r] = v;
                    counts[u][v]++;
                }
            }
            final double n = units * m;
            final double kappa = FleissKappa.of(counts);
            assertThat(KrippendorffAlpha.of(ratings, Level.NOMINAL)).isCloseTo(1 - (n - 1) / n * (1 - kappa), within(EPS));
        }
    }

    @Test
    void matchesTheCoincidenceMatrixDefinitionWithMissingRatings() {
        final SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 30; trial++) {
            final int units = 5 + rng.nextInt(40);
            final int raters = 2 + rng.nextInt(4);
            final double[][] ratings = new double[units][raters];
            for (int u = 0; u < units; u++) {
                final int truth = rng.nextInt(5);
                for (int r = 0; r < raters; r++) {
                    final boolean missing = rng.nextDouble() < 0.25;
                    ratings[u][r] = missing ? NA : rng.nextDouble() < 0.6 ? truth : rng.nextInt(5) * 1.5;
                }
            }
            for (final Level level : Level.values()) {
                final double expected = byDefinition(ratings, level);
                final double actual = KrippendorffAlpha.of(ratings, level);
                if (Double.isNaN(expected)) {
                    assertThat(actual).isNaN();
                } else {
                    assertThat(actual).as("trial %d, %s", trial, level).isCloseTo(expected, within(1e-10));
                }
            }
        }
    }

    @Test
    void onlyTheOrderMattersOnTheOrdinalLevel() {
        final double[][] squared = new double[PAPER_EXAMPLE.length][];
        for (int u = 0; u < squared.length; u++) {
            squared[u] = PAPER_EXAMPLE[u].clone();
            for (int r = 0; r < squared[u].length; r++) {
                squared[u][r] = squared[u][r] * squared[u][r];
            }
        }
        assertThat(KrippendorffAlpha.of(squared, Level.ORDINAL))
            .isCloseTo(KrippendorffAlpha.of(PAPER_EXAMPLE, Level.ORDINAL), within(EPS));
        assertThat(KrippendorffAlpha.of(squared, Level.NOMINAL))
            .isCloseTo(KrippendorffAlpha.of(PAPER_EXAMPLE, Level.NOMINAL), within(EPS));
        assertThat(KrippendorffAlpha.of(squared, Level.INTERVAL))
            .isNotCloseTo(KrippendorffAlpha.of(PAPER_EXAMPLE, Level.INTERVAL), within(0.01));
    }

    @Test
    void perfectAgreementIsOneAndIndependentRatersAreNearZero() {
        final double[][] perfect = {{1, 1, NA}, {2, 2, 2}, {0.5, NA, 0.5}, {7, NA, NA}};
        for (final Level level : Level.values()) {
            assertThat(KrippendorffAlpha.of(perfect, level)).isEqualTo(1.0);
        }
        final SplittableRandom rng = new SplittableRandom(23);
        final double[][] random = new double[3000][3];
        for (final double[] unit : random) {
            for (int r = 0; r < unit.length; r++) {
                unit[r] = rng.nextDouble() < 0.1 ? NA : rng.nextInt(5);
            }
        }
        for (final Level level : Level.values()) {
            // standard error about 0.01
            assertThat(KrippendorffAlpha.of(random, level)).isCloseTo(0, within(0.04));
        }
    }

    @Test
    void unpairableUnitsAreIgnoredAndResampledUnitsCountTwice() {
        final double[][] padded = new double[PAPER_EXAMPLE.length + 2][];
        System.arraycopy(PAPER_EXAMPLE, 0, padded, 0, PAPER_EXAMPLE.length);
        padded[PAPER_EXAMPLE.length] = new double[] {NA, NA, NA, NA};
        padded[PAPER_EXAMPLE.length + 1] = new double[] {NA, NA, 9, NA};
        for (final Level level : Level.values()) {
            assertThat(KrippendorffAlpha.of(padded, level)).isEqualTo(KrippendorffAlpha.of(PAPER_EXAMPLE, level));
        }
        // a bootstrap resample: unit 5 twice, unit 0 three times, unit 11 (unpairable) once
        final int[] drawn = {5, 0, 5, 9, 0, 1, 11, 0, 7};
        final double[][] listed = new double[drawn.length][];
        for (int i = 0; i < drawn.length; i++) {
            listed[i] = PAPER_EXAMPLE[drawn[i]];
        }
        for (final Level level : Level.values()) {
            assertThat(KrippendorffAlpha.prepare(PAPER_EXAMPLE, level).alpha(drawn))
                .isCloseTo(KrippendorffAlpha.of(listed, level), within(EPS));
        }
    }

    @Test
    void degenerateAndInvalidInput() {
        assertThat(KrippendorffAlpha.of(new double[0][], Level.NOMINAL)).isNaN();
        assertThat(KrippendorffAlpha.of(new double[][] {{1, NA}, {NA, 2}}, Level.INTERVAL)).isNaN();
        // one value throughout: D_e = 0, no variation to agree on
        for (final Level level : Level.values()) {
            assertThat(KrippendorffAlpha.of(new double[][] {{0.1, 0.1, 0.1}, {0.1, 0.1, NA}}, level)).isNaN();
        }
        // -0.0 and 0.0 are one value
        assertThat(KrippendorffAlpha.of(new double[][] {{0.0, -0.0}, {1, 1}}, Level.NOMINAL)).isEqualTo(1.0);
        assertThatThrownBy(() -> KrippendorffAlpha.of(new double[][] {{1, 2}, {1}}, Level.NOMINAL))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("unitsByRaters: row 1 has 1 values, expected 2 like row 0");
        assertThatThrownBy(() -> KrippendorffAlpha.of(new double[][] {{1, Double.POSITIVE_INFINITY}}, Level.INTERVAL))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unitsByRaters: value at row 0, column 1 is not finite (Infinity)");
        assertThatThrownBy(() -> KrippendorffAlpha.prepare(PAPER_EXAMPLE, Level.NOMINAL).alpha(new int[] {0, 12}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("unitIndexes[1] must be a unit index in 0..11, got 12");
    }

    /** Krippendorff (2011) literally: the coincidence matrix over ordered pairs, then alpha. */
    private static double byDefinition(double[][] ratings, Level level) {
        final TreeSet<Double> distinct = new TreeSet<>();
        for (final double[] unit : ratings) {
            if (present(unit) >= 2) {
                for (final double v : unit) {
                    if (!Double.isNaN(v)) {
                        distinct.add(v);
                    }
                }
            }
        }
        final double[] values = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        final int k = values.length;
        final double[][] o = new double[k][k];
        for (final double[] unit : ratings) {
            final int m = present(unit);
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < unit.length; i++) {
                for (int j = 0; j < unit.length; j++) {
                    if (i != j && !Double.isNaN(unit[i]) && !Double.isNaN(unit[j])) {
                        o[Arrays.binarySearch(values, unit[i])][Arrays.binarySearch(values, unit[j])] +=
                            1.0 / (m - 1);
                    }
                }
            }
        }
        final double[] nc = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                nc[c] += o[c][d];
            }
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                final double delta2 = switch (level) {
                    case NOMINAL -> c == d ? 0 : 1;
                    case INTERVAL -> (values[c] - values[d]) * (values[c] - values[d]);
                    case ORDINAL -> {
                        double between = 0;
                        for (int g = Math.min(c, d); g <= Math.max(c, d); g++) {
                            between += nc[g];
                        }
                        final double x = between - (nc[c] + nc[d]) / 2;
                        yield x * x;
                    }
                };
                observed += o[c][d] * delta2;
                expected += nc[c] * nc[d] * delta2;
            }
        }
        return expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
    }

    private static int present(double[] unit) {
        int m = 0;
        for (final double v : unit) {
            m += Double.isNaN(v) ? 0 : 1;
        }
        return m;
    }

    private static double[][] columns(double[] a, double[] b) {
        final double[][] units = new double[a.length][];
        for (int u = 0; u < a.length; u++) {
            units[u] = new double[] {a[u], b[u]};
        }
        return units;
    }
}
