package dev.evalgap.stats;

import java.util.Objects;

/**
 * Fleiss' kappa [1]: chance-corrected agreement of m raters per unit on nominal categories, when
 * the raters of a unit need not be the same people (e.g. a pool of annotators, three per item).
 *
 * <p>Definition: N units, k categories, \(n_{ij}\) the raters who put unit i in category j, every
 * unit rated by the same \(m \ge 2\) raters (\(\sum_j n_{ij} = m\)). The agreement on unit i is
 * the share of agreeing rater pairs, \(P_i = (\sum_j n_{ij}^2 - m) / (m(m-1))\), and
 * \(\bar P = \sum_i P_i / N\); the category shares are \(p_j = \sum_i n_{ij} / (Nm)\) and the chance
 * agreement \(\bar P_e = \sum_j p_j^2\). Then
 * \[\kappa = \frac{\bar P - \bar P_e}{1 - \bar P_e}.\]
 * With m = 2 this is Scott's \(\pi\). This is R's {@code irr::kappam.fleiss} (without
 * {@code exact}) and {@code statsmodels.stats.inter_rater.fleiss_kappa}.
 *
 * <p>Degenerate cases: with no unit, or when every rating falls in one category
 * (\(\bar P_e = 1\)), κ is 0/0 and NaN is returned, not 1 by convention. Units with different
 * numbers of raters, fewer than 2 raters, a negative count, ragged rows or no category raise
 * {@link IllegalArgumentException}: for incomplete designs use {@link KrippendorffAlpha}. Nothing
 * here is random.
 *
 * <p>Reference: [1] J. L. Fleiss, "Measuring nominal scale agreement among many raters",
 * Psychological Bulletin 76 (1971) 378–382. doi:10.1037/h0031619
 */
public final class FleissKappa {

    private static final String TOO_FEW_RATERS = "counts: every unit needs at least 2 ratings, unit 0 has %d";
    private static final String UNEQUAL_RATERS = "counts: unit %d has %d ratings, expected %d like unit 0";

    private FleissKappa() {
    }

    /**
     * @param counts units × categories: {@code counts[i][j]} raters who put unit i in category j,
     *               each &ge; 0, every row summing to the same m &ge; 2
     * @return κ; NaN when undefined
     * @throws IllegalArgumentException if the rows are ragged or empty, a count is negative, or the
     *                                  units do not all have the same m &ge; 2 raters
     */
    public static double of(int[][] counts) {
        Objects.requireNonNull(counts, "counts");
        final int units = counts.length;
        if (units == 0) {
            return Double.NaN;
        }
        final int k = checkShape(counts);
        final long raters = raters(counts, 0);
        if (raters < 2) {
            throw Arguments.error(TOO_FEW_RATERS, raters);
        }
        final long[] categoryTotals = new long[k];
        double agreementSum = 0;
        for (int i = 0; i < units; i++) {
            final long m = raters(counts, i);
            if (m != raters) {
                throw Arguments.error(UNEQUAL_RATERS, i, m, raters);
            }
            long squares = 0;
            for (int j = 0; j < k; j++) {
                squares += (long) counts[i][j] * counts[i][j];
                categoryTotals[j] += counts[i][j];
            }
            agreementSum += (squares - raters) / (double) (raters * (raters - 1));
        }
        final double observed = agreementSum / units;
        final double ratings = (double) units * raters;
        double chance = 0;
        for (int j = 0; j < k; j++) {
            final double p = categoryTotals[j] / ratings;
            chance += p * p;
        }
        // Exactly 1 only when one category holds every rating
        if (chance == 1) {
            return Double.NaN;
        }
        return (observed - chance) / (1 - chance);
    }

    /** Checks rows (not null, one length &ge; 1, counts &ge; 0) and returns the number of categories. */
    private static int checkShape(int[][] counts) {
        if (counts[0] == null) {
            throw Arguments.error(Arguments.NULL_ROW, "counts", 0);
        }
        final int k = counts[0].length;
        if (k == 0) {
            throw Arguments.error(Arguments.NO_COLUMNS, "counts");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == null) {
                throw Arguments.error(Arguments.NULL_ROW, "counts", i);
            }
            if (counts[i].length != k) {
                throw Arguments.error(Arguments.RAGGED, "counts", i, counts[i].length, k);
            }
            for (int j = 0; j < k; j++) {
                if (counts[i][j] < 0) {
                    throw Arguments.error(Arguments.NEGATIVE, "counts[" + i + "]", j, counts[i][j]);
                }
            }
        }
        return k;
    }

    private static long raters(int[][] counts, int unit) {
        long m = 0;
        for (final int c : counts[unit]) {
            m += c;
        }
        return m;
    }
}
