package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CohensKappaTest {

    private static final double EPS = 1e-12;

    /**
     * Boyd et al. (1982): two radiologists grade 85 xeromammograms as normal, benign, suspected
     * cancer, cancer (rows rater a, columns rater b); the two-rater example of Stata's [R] kappa
     * manual, which prints κ = 0.4728 unweighted.
     */
    private static final int[][] XEROMAMMOGRAMS = {
        {21, 12, 0, 0},
        {4, 17, 1, 0},
        {3, 9, 15, 2},
        {0, 0, 0, 1}};

    @Test
    void wikipediaWorkedExamples() {
        // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, yes/yes 20, yes/no 5,
        // no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4
        assertThat(CohensKappa.ofTable(new int[][] {{20, 5}, {10, 15}}, KappaWeights.NONE)).isCloseTo(0.4, within(EPS));
        // same article, "same percentages but different numbers": p_o = 0.6 in both tables,
        // p_e = 0.54 and 0.46: kappa = 0.06 / 0.46 = 0.1304 and 0.14 / 0.54 = 0.2593
        assertThat(CohensKappa.ofTable(new int[][] {{45, 15}, {25, 15}}, KappaWeights.NONE))
            .isCloseTo(0.1304, within(0.00005)).isCloseTo(0.06 / 0.46, within(EPS));
        assertThat(CohensKappa.ofTable(new int[][] {{25, 35}, {5, 35}}, KappaWeights.NONE))
            .isCloseTo(0.2593, within(0.00005)).isCloseTo(0.14 / 0.54, within(EPS));
    }

    @Test
    void labelsGiveTheSameKappaAsTheirTable() {
        final int[][] labels = labels(XEROMAMMOGRAMS);
        for (final KappaWeights w : KappaWeights.values()) {
            assertThat(CohensKappa.of(labels[0], labels[1], 4, w))
                .isCloseTo(CohensKappa.ofTable(XEROMAMMOGRAMS, w), within(EPS));
        }
    }

    @Test
    void weightedKappaOnAFourCategoryScale() {
        // p_o = 54/85, p_e = (33*28 + 22*38 + 29*16 + 1*3) / 85^2 = 2227/7225: kappa = 0.4728 (Stata)
        assertThat(CohensKappa.ofTable(XEROMAMMOGRAMS, KappaWeights.NONE))
            .isCloseTo(0.4728, within(0.00005)).isCloseTo((54 / 85.0 - 2227 / 7225.0) / (1 - 2227 / 7225.0), within(EPS));
        // sklearn.metrics.cohen_kappa_score(a, b, weights=None | 'linear' | 'quadratic') on the 85
        // expanded pairs (scikit-learn 1.2.1)
        assertThat(CohensKappa.ofTable(XEROMAMMOGRAMS, KappaWeights.NONE)).isCloseTo(0.4727891156462586, within(EPS));
        assertThat(CohensKappa.ofTable(XEROMAMMOGRAMS, KappaWeights.LINEAR)).isCloseTo(0.5683990442054958, within(EPS));
        assertThat(CohensKappa.ofTable(XEROMAMMOGRAMS, KappaWeights.QUADRATIC)).isCloseTo(0.6713705780011598, within(EPS));
    }

    @Test
    void weightsFollowTheirFormulas() {
        // k = 4: linear 1 - |i-j|/3, quadratic 1 - (i-j)^2/9
        assertThat(KappaWeights.LINEAR.weight(0, 1, 4)).isCloseTo(2 / 3.0, within(EPS));
        assertThat(KappaWeights.LINEAR.weight(3, 0, 4)).isEqualTo(0.0);
        assertThat(KappaWeights.QUADRATIC.weight(0, 1, 4)).isCloseTo(8 / 9.0, within(EPS));
        assertThat(KappaWeights.QUADRATIC.weight(1, 3, 4)).isCloseTo(5 / 9.0, within(EPS));
        assertThat(KappaWeights.NONE.weight(1, 2, 4)).isEqualTo(0.0);
        assertThat(KappaWeights.NONE.weight(2, 2, 4)).isEqualTo(1.0);
        assertThat(KappaWeights.QUADRATIC.weight(0, 0, 1)).isEqualTo(1.0);
        assertThatThrownBy(() -> KappaWeights.LINEAR.weight(0, 4, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("codes must be in 0..3, got (0, 4)");
    }

    /**
     * Fleiss and Cohen (1973): quadratic-weighted kappa is a ratio of (1/n) moments,
     * \(2 s_{ab} / (s_a^2 + s_b^2 + (\bar a - \bar b)^2)\), an identity for any table.
     */
    @Test
    void quadraticKappaIsTheMomentRatioOfFleissAndCohen() {
        final SplittableRandom rng = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            final int k = 3 + rng.nextInt(4);
            final int n = 30 + rng.nextInt(100);
            final int[] a = new int[n];
            final int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextInt(k);
                b[i] = rng.nextDouble() < 0.6 ? a[i] : rng.nextInt(k);
            }
            final double ma = mean(a);
            final double mb = mean(b);
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < n; i++) {
                sab += (a[i] - ma) * (b[i] - mb) / n;
                saa += (a[i] - ma) * (a[i] - ma) / n;
                sbb += (b[i] - mb) * (b[i] - mb) / n;
            }
            assertThat(CohensKappa.of(a, b, k, KappaWeights.QUADRATIC))
                .isCloseTo(2 * sab / (saa + sbb + (ma - mb) * (ma - mb)), within(1e-12));
        }
    }

    @Test
    void perfectAgreementIsOneAndKappaIsSymmetric() {
        final int[] a = {0, 1, 2, 2, 1, 0, 3, 3};
        final int[] b = {0, 2, 2, 1, 1, 0, 3, 2};
        for (final KappaWeights w : KappaWeights.values()) {
            assertThat(CohensKappa.of(a, a, 4, w)).isEqualTo(1.0);
            assertThat(CohensKappa.of(a, b, 4, w)).isCloseTo(CohensKappa.of(b, a, 4, w), within(EPS));
        }
        // complete disagreement on two balanced categories: p_o = 0, p_e = 0.5
        assertThat(CohensKappa.of(new int[] {0, 1, 0, 1}, new int[] {1, 0, 1, 0}, 2, KappaWeights.NONE)).isEqualTo(-1.0);
    }

    @Test
    void independentRatersAgreeAtChance() {
        final SplittableRandom rng = new SplittableRandom(7);
        final int n = 20_000;
        final int[] a = new int[n];
        final int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            // unequal margins: chance agreement is well above 1/k, kappa still near 0
            a[i] = rng.nextDouble() < 0.7 ? 0 : 1 + rng.nextInt(2);
            b[i] = rng.nextDouble() < 0.5 ? 0 : 1 + rng.nextInt(2);
        }
        for (final KappaWeights w : KappaWeights.values()) {
            // the standard error of kappa here is about 0.007
            assertThat(CohensKappa.of(a, b, 3, w)).isCloseTo(0, within(0.03));
        }
        assertThat(PercentAgreement.of(a, b)).isCloseTo(0.7 * 0.5 + 0.3 * 0.5 / 2, within(0.02));
    }

    @Test
    void missingRatingsAreLeftOut() {
        final int[] a = {0, 1, -1, 2, 1, 0, 2, -1};
        final int[] b = {0, 1, 2, -1, 2, 0, 2, -1};
        // complete pairs: items 0, 1, 4, 5, 6
        final int[] completeA = {0, 1, 1, 0, 2};
        final int[] completeB = {0, 1, 2, 0, 2};
        for (final KappaWeights w : KappaWeights.values()) {
            assertThat(CohensKappa.of(a, b, 3, w)).isEqualTo(CohensKappa.of(completeA, completeB, 3, w));
        }
        assertThat(PercentAgreement.of(a, b)).isCloseTo(0.8, within(EPS));
        assertThat(CohensKappa.of(new int[] {0, -1}, new int[] {-1, 1}, 2, KappaWeights.NONE)).isNaN();
        assertThat(PercentAgreement.of(new int[] {0, -1}, new int[] {-1, 1})).isNaN();
        assertThat(PercentAgreement.of(new int[0], new int[0])).isNaN();
    }

    @Test
    void oneSharedCategoryIsUndefinedNotPerfect() {
        // p_o = p_e = 1: agreement cannot be told from chance
        for (final KappaWeights w : KappaWeights.values()) {
            assertThat(CohensKappa.of(new int[] {1, 1, 1}, new int[] {1, 1, 1}, 3, w)).isNaN();
        }
        assertThat(CohensKappa.ofTable(new int[][] {{0, 0}, {0, 0}}, KappaWeights.NONE)).isNaN();
        assertThat(PercentAgreement.of(new int[] {1, 1, 1}, new int[] {1, 1, 1})).isEqualTo(1.0);
        // different single categories: p_o = p_e = 0, kappa = 0
        assertThat(CohensKappa.of(new int[] {0, 0}, new int[] {1, 1}, 2, KappaWeights.NONE)).isEqualTo(0.0);
    }

    @Test
    void invalidInput() {
        assertThatThrownBy(() -> CohensKappa.of(new int[] {0, 3}, new int[] {0, 1}, 3, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a[1] must be a category code in 0..2 or -1 (missing), got 3");
        assertThatThrownBy(() -> CohensKappa.of(new int[] {0, 1}, new int[] {0, -2}, 3, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("b[1] must be a category code in 0..2 or -1 (missing), got -2");
        assertThatThrownBy(() -> CohensKappa.of(new int[] {0, 1}, new int[] {0}, 3, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("b has length 1, expected 2");
        assertThatThrownBy(() -> CohensKappa.of(new int[0], new int[0], 0, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohensKappa.ofTable(new int[][] {{1, 2}, {3}}, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("table: row 1 has 1 counts, expected 2 (k x k)");
        assertThatThrownBy(() -> CohensKappa.ofTable(new int[][] {{1, -2}, {3, 4}}, KappaWeights.NONE))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentAgreement.of(new int[] {-3}, new int[] {0}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a[0] must be a category code >= 0 or -1 (missing), got -3");
    }

    /** The pairs of a k x k table as two label arrays. */
    static int[][] labels(int[][] table) {
        int n = 0;
        for (final int[] row : table) {
            for (final int c : row) {
                n += c;
            }
        }
        final int[][] ab = new int[2][n];
        int next = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                for (int c = 0; c < table[i][j]; c++) {
                    ab[0][next] = i;
                    ab[1][next++] = j;
                }
            }
        }
        return ab;
    }

    private static double mean(int[] x) {
        double s = 0;
        for (final int v : x) {
            s += v;
        }
        return s / x.length;
    }
}
