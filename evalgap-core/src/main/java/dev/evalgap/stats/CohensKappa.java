package dev.evalgap.stats;

import java.util.Objects;

/**
 * Cohen's kappa [1] between two raters who code the same items into categories \(0..k-1\),
 * unweighted or weighted for ordered categories [2].
 *
 * <p>Definition: over the n items both raters coded, let \(p_{ij}\) be the share coded i by rater
 * a and j by rater b, \(p_{i\cdot}\) and \(p_{\cdot j}\) the two raters' margins and \(w_{ij}\)
 * the agreement weights of {@link KappaWeights}. Then \(p_o = \sum_{ij} w_{ij} p_{ij}\) is the
 * observed agreement, \(p_e = \sum_{ij} w_{ij} p_{i\cdot} p_{\cdot j}\) the agreement expected if
 * the raters coded independently, each with their own margins, and
 * \[\kappa_w = \frac{p_o - p_e}{1 - p_e}.\]
 * Unweighted, \(p_o\) is the share of items with equal codes. κ is 1 for perfect agreement, 0 for
 * agreement at chance level, negative below it. This is R's {@code irr::kappa2} (weights
 * {@code "unweighted"}, {@code "equal"}, {@code "squared"}) and scikit-learn's
 * {@code cohen_kappa_score(a, b, labels=range(k), weights=None | "linear" | "quadratic")}; without
 * {@code labels} scikit-learn spaces the weights over the codes present, which differs when a
 * middle category is never used.
 *
 * <p>Missing ratings: in {@link #of(int[], int[], int, KappaWeights)} a code of −1 marks a missing
 * rating, and an item missing on either side is left out (n counts only complete pairs).
 *
 * <p>Degenerate cases: with no complete pair, or when \(p_e = 1\) (both raters put every item in
 * one and the same category, so agreement cannot be told apart from chance), κ is 0/0 and NaN is
 * returned, not 1 by convention. Codes outside \(-1..k-1\), unequal lengths, a non-square table or a
 * negative count raise {@link IllegalArgumentException}. Nothing here is random.
 *
 * <p>References:
 * <ol>
 *   <li>J. Cohen, "A coefficient of agreement for nominal scales", Educational and Psychological
 *       Measurement 20 (1960) 37–46. doi:10.1177/001316446002000104</li>
 *   <li>J. Cohen, "Weighted kappa: nominal scale agreement provision for scaled disagreement or
 *       partial credit", Psychological Bulletin 70 (1968) 213–220. doi:10.1037/h0026256</li>
 * </ol>
 */
public final class CohensKappa {

    private static final String BAD_CODE = "%s[%d] must be a category code in 0..%d or -1 (missing), got %d";
    private static final String NOT_SQUARE = "table: row %d has %d counts, expected %d (k x k)";

    private CohensKappa() {
    }

    /**
     * @param a          rater a's code of every item, in \(0..k-1\), or −1 when missing
     * @param b          rater b's code of the same items
     * @param categories the number of categories k, &ge; 1
     * @param weights    the agreement weights
     * @return \(\kappa_w\) over the items both raters coded; NaN when undefined
     * @throws IllegalArgumentException if the lengths differ or a code is outside \(-1..k-1\)
     */
    public static double of(int[] a, int[] b, int categories, KappaWeights weights) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(weights, "weights");
        Arguments.checkAtLeast("categories", 1, categories);
        Arguments.checkLength("b", b.length, a.length);
        checkCodes("a", a, categories);
        checkCodes("b", b, categories);
        final long[][] table = new long[categories][categories];
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
            }
        }
        return kappa(table, weights);
    }

    /**
     * @param table   \(k \times k\) counts: {@code table[i][j]} items coded i by rater a and j by
     *                rater b, each &ge; 0
     * @param weights the agreement weights
     * @return \(\kappa_w\); NaN when undefined
     * @throws IllegalArgumentException if the table is empty or not square, or a count is negative
     */
    public static double ofTable(int[][] table, KappaWeights weights) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(weights, "weights");
        final int k = table.length;
        if (k == 0) {
            throw Arguments.error(Arguments.EMPTY, "table");
        }
        final long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) {
            if (table[i] == null) {
                throw Arguments.error(Arguments.NULL_ROW, "table", i);
            }
            if (table[i].length != k) {
                throw Arguments.error(NOT_SQUARE, i, table[i].length, k);
            }
            for (int j = 0; j < k; j++) {
                if (table[i][j] < 0) {
                    throw Arguments.error(Arguments.NEGATIVE, "table[" + i + "]", j, table[i][j]);
                }
                counts[i][j] = table[i][j];
            }
        }
        return kappa(counts, weights);
    }

    private static double kappa(long[][] table, KappaWeights weights) {
        final int k = table.length;
        final long[] rowTotals = new long[k];
        final long[] columnTotals = new long[k];
        long n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
                n += table[i][j];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                final double w = weights.weight(i, j, k);
                observed += w * table[i][j];
                expected += w * rowTotals[i] * (double) columnTotals[j];
            }
        }
        final double po = observed / n;
        final double pe = expected / ((double) n * n);
        // Exactly 1 only when both margins sit on one category: the counts are integers
        if (pe == 1) {
            return Double.NaN;
        }
        return (po - pe) / (1 - pe);
    }

    private static void checkCodes(String name, int[] codes, int categories) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < -1 || codes[i] >= categories) {
                throw Arguments.error(BAD_CODE, name, i, categories - 1, codes[i]);
            }
        }
    }
}
