package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FleissKappaTest {

    private static final double EPS = 1e-12;

    @Test
    void wikipediaWorkedExample() {
        // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
        // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210. Full precision: the same formulas in numpy
        // (P = ((n**2).sum(1) - 14) / (14 * 13); p = n.sum(0) / 140; (P.mean() - (p**2).sum()) / (1 - (p**2).sum()))
        final int[][] counts = {
            {0, 0, 0, 0, 14},
            {0, 2, 6, 4, 2},
            {0, 0, 3, 5, 6},
            {0, 3, 9, 2, 0},
            {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},
            {3, 2, 6, 3, 0},
            {2, 5, 3, 2, 2},
            {6, 5, 2, 1, 0},
            {0, 2, 2, 3, 7}};
        assertThat(FleissKappa.of(counts)).isCloseTo(0.210, within(0.0005)).isCloseTo(0.20993070442195522, within(EPS));
    }

    @Test
    void twoRatersGiveScottsPi() {
        // 6 units, 2 raters agreeing on units 0, 2, 3 (p_o = 1/2); pooled shares (5/12, 4/12, 3/12):
        // p_e = (25 + 16 + 9) / 144 = 50/144; Scott's pi = (72 - 50) / (144 - 50) = 22/94
        final int[][] counts = {{2, 0, 0}, {1, 1, 0}, {0, 2, 0}, {0, 0, 2}, {1, 0, 1}, {1, 1, 0}};
        assertThat(FleissKappa.of(counts)).isCloseTo(22 / 94.0, within(EPS));
    }

    @Test
    void perfectAgreementIsOneAndIndependentRatersAreNearZero() {
        assertThat(FleissKappa.of(new int[][] {{3, 0}, {0, 3}, {3, 0}})).isEqualTo(1.0);
        final SplittableRandom rng = new SplittableRandom(11);
        final int[][] counts = new int[5000][4];
        for (final int[] unit : counts) {
            for (int r = 0; r < 5; r++) {
                unit[rng.nextDouble() < 0.4 ? 0 : 1 + rng.nextInt(3)]++;
            }
        }
        // standard error about 0.005
        assertThat(FleissKappa.of(counts)).isCloseTo(0, within(0.02));
    }

    @Test
    void degenerateAndInvalidInput() {
        assertThat(FleissKappa.of(new int[0][])).isNaN();
        // every rating in one category: P-bar = P-bar_e = 1
        assertThat(FleissKappa.of(new int[][] {{0, 4}, {0, 4}})).isNaN();
        assertThatThrownBy(() -> FleissKappa.of(new int[][] {{2, 1}, {1, 1}}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("counts: unit 1 has 2 ratings, expected 3 like unit 0");
        assertThatThrownBy(() -> FleissKappa.of(new int[][] {{1, 0}, {0, 1}}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("counts: every unit needs at least 2 ratings, unit 0 has 1");
        assertThatThrownBy(() -> FleissKappa.of(new int[][] {{3, -1}, {1, 1}}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleissKappa.of(new int[][] {{1, 1}, {2}}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleissKappa.of(new int[][] {{}}))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
