package dev.evalgap.stats;

/**
 * Agreement weights \(w_{ij} \in [0, 1]\) of a weighted Cohen's kappa [1] over categories
 * \(0..k-1\): how much credit a pair of codes \((i, j)\) earns, 1 on the diagonal. Linear and
 * quadratic weights treat the codes as an ordered scale with equal steps; quadratic weights make
 * \(\kappa_w\) the ratio of variances that equals an intraclass correlation [2].
 *
 * <p>References:
 * <ol>
 *   <li>J. Cohen, "Weighted kappa: nominal scale agreement provision for scaled disagreement or
 *       partial credit", Psychological Bulletin 70 (1968) 213–220. doi:10.1037/h0026256</li>
 *   <li>J. L. Fleiss and J. Cohen, "The equivalence of weighted kappa and the intraclass
 *       correlation coefficient as measures of reliability", Educational and Psychological
 *       Measurement 33 (1973) 613–619. doi:10.1177/001316447303300309</li>
 * </ol>
 */
public enum KappaWeights {
    /** Nominal codes: \(w_{ij} = 1\) if \(i = j\), else 0 (Cohen's unweighted kappa). */
    NONE,
    /** \(w_{ij} = 1 - |i - j| / (k - 1)\) (Cicchetti–Allison). */
    LINEAR,
    /** \(w_{ij} = 1 - (i - j)^2 / (k - 1)^2\) (Fleiss–Cohen). */
    QUADRATIC;

    /**
     * @param i          first code, in 0..k−1
     * @param j          second code, in 0..k−1
     * @param categories the number of categories k, &ge; 1
     * @return \(w_{ij}\); with a single category every pair agrees (1)
     * @throws IllegalArgumentException if a code is outside 0..k−1
     */
    public double weight(int i, int j, int categories) {
        if (i < 0 || i >= categories || j < 0 || j >= categories) {
            throw new IllegalArgumentException(
                String.format("codes must be in 0..%d, got (%d, %d)", categories - 1, i, j));
        }
        if (i == j) {
            return 1;
        }
        final double distance = Math.abs(i - j) / (double) (categories - 1);
        return switch (this) {
            case NONE -> 0;
            case LINEAR -> 1 - distance;
            case QUADRATIC -> 1 - distance * distance;
        };
    }
}
