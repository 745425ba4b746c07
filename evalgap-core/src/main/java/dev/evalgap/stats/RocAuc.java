package dev.evalgap.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Area under the ROC curve of scores that should be larger for positives (label 1) than for
 * negatives (label 0), with ties counted one half:
 * \[ \mathrm{AUC} = \frac{U}{n_0 n_1}, \qquad
 *    U = \sum_{i:\,y_i=1} \sum_{j:\,y_j=0} \left( [s_i &gt; s_j] + \tfrac12 [s_i = s_j] \right), \]
 * the Mann–Whitney statistic of the positives [1], equal to \(R_1 - n_1(n_1+1)/2\) where \(R_1\)
 * is the sum of the positives' midranks in the pooled sample (tied scores share the mean of the
 * ranks they occupy) [2]. This is the trapezoidal area under the empirical ROC curve, scikit-learn's
 * {@code roc_auc_score} [3]. It is 1 when every positive outscores every negative, 0.5 for
 * indistinguishable scores, 0 when the order is reversed.
 *
 * <p>Computed in \(O(n \log n)\) by sorting each class and merging. Degenerate cases: each class
 * needs at least one score and every score must be finite (NaN has no rank); otherwise
 * {@link IllegalArgumentException}.
 *
 * <p>References:
 * <ol>
 *   <li>H. B. Mann and D. R. Whitney, "On a test of whether one of two random variables is
 *       stochastically larger than the other", Annals of Mathematical Statistics 18 (1947)
 *       50–60. doi:10.1214/aoms/1177730491</li>
 *   <li>J. A. Hanley and B. J. McNeil, "The meaning and use of the area under a receiver
 *       operating characteristic (ROC) curve", Radiology 143 (1982) 29–36.
 *       doi:10.1148/radiology.143.1.7063747</li>
 *   <li>T. Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters 27 (2006)
 *       861–874. doi:10.1016/j.patrec.2005.10.010</li>
 * </ol>
 */
public final class RocAuc {

    private static final RocAuc DEFAULT = new RocAuc();

    private RocAuc() {
    }

    /**
     * RocAuc has no options.
     *
     * @return the instance
     */
    public static RocAuc withDefaults() {
        return DEFAULT;
    }

    /**
     * @param scores one score per row, finite
     * @param labels 1 for a positive, 0 for a negative
     * @return the AUC, in [0, 1]
     * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a score is not
     *                                  finite or a class is empty
     */
    public double statistic(double[] scores, int[] labels) {
        Arguments.checkBinaryLabels(labels, scores.length);
        int n1 = 0;
        for (final int v : labels) {
            n1 += v;
        }
        final double[] neg = new double[scores.length - n1];
        final double[] pos = new double[n1];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == 0) {
                neg[a++] = scores[i];
            } else {
                pos[b++] = scores[i];
            }
        }
        return statistic(neg, pos);
    }

    /**
     * @param negatives scores of the negatives (label 0), finite, at least one
     * @param positives scores of the positives (label 1), finite, at least one
     * @return the AUC, in [0, 1]
     * @throws IllegalArgumentException if a score is not finite or a class is empty
     */
    public double statistic(double[] negatives, double[] positives) {
        checkClasses(negatives.length, positives.length);
        Arguments.checkFinite("negatives", negatives);
        Arguments.checkFinite("positives", positives);
        final double[] neg = negatives.clone();
        final double[] pos = positives.clone();
        Arrays.sort(neg);
        Arrays.sort(pos);
        return mannWhitneyU(neg, pos) / ((double) neg.length * pos.length);
    }

    private static void checkClasses(int n0, int n1) {
        if (n0 == 0 || n1 == 0) {
            throw Arguments.error(Arguments.SINGLE_CLASS, n0 == 0 ? 0 : 1, " (AUC needs both)");
        }
    }

    /** U of the positives, both arrays sorted ascending: merge walk. */
    private static double mannWhitneyU(double[] neg, double[] pos) {
        double u = 0;
        int below = 0; // negatives < current positive score
        int j = 0;
        for (int i = 0; i < pos.length;) {
            final double v = pos[i];
            while (below < neg.length && neg[below] < v) {
                below++;
            }
            j = Math.max(j, below);
            while (j < neg.length && neg[j] == v) {
                j++;
            }
            final int ties = j - below;
            // All positives with this score
            int k = i;
            while (k < pos.length && pos[k] == v) {
                k++;
            }
            u += (k - i) * (below + 0.5 * ties);
            i = k;
        }
        return u;
    }

    /**
     * Stratified bootstrap of the AUC of fixed scores: each resample draws \(n_0\) negatives and
     * \(n_1\) positives with replacement from their own class and recomputes the AUC. The pooled
     * scores are sorted once into groups of tied values; a resample then only counts how often
     * each group is drawn per class, and
     * \(U = \sum_g c_{1g}\,(C_{0,&lt;g} + \tfrac12 c_{0g})\), where \(C_{0,&lt;g}\) counts the
     * drawn negatives in lower groups: \(O(n + G)\) per resample.
     */
    static final class Resampler {
        private final int[] group0;
        private final int[] group1;
        private final int groups;

        Resampler(double[] negatives, double[] positives) {
            checkClasses(negatives.length, positives.length);
            Arguments.checkFinite("negatives", negatives);
            Arguments.checkFinite("positives", positives);
            final double[] all = new double[negatives.length + positives.length];
            // "+ 0.0" turns -0.0 into 0.0: equal scores must fall into one group
            for (int i = 0; i < negatives.length; i++) {
                all[i] = negatives[i] + 0.0;
            }
            for (int i = 0; i < positives.length; i++) {
                all[negatives.length + i] = positives[i] + 0.0;
            }
            Arrays.sort(all);
            int g = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[g - 1]) {
                    all[g++] = all[i];
                }
            }
            final double[] distinct = Arrays.copyOf(all, g);
            groups = g;
            group0 = new int[negatives.length];
            group1 = new int[positives.length];
            for (int i = 0; i < negatives.length; i++) {
                group0[i] = Arrays.binarySearch(distinct, negatives[i] + 0.0);
            }
            for (int i = 0; i < positives.length; i++) {
                group1[i] = Arrays.binarySearch(distinct, positives[i] + 0.0);
            }
        }

        /**
         * One resample.
         *
         * @param rng            the generator (advanced)
         * @param positivesFirst draw the positives' resample before the negatives'
         * @param c0             work array of length &ge; groups, zeroed on return
         * @param c1             work array of length &ge; groups, zeroed on return
         * @return the AUC of the resample
         */
        double resample(SplittableRandom rng, boolean positivesFirst, int[] c0, int[] c1) {
            final int n0 = group0.length;
            final int n1 = group1.length;
            if (positivesFirst) {
                draw(rng, group1, c1);
                draw(rng, group0, c0);
            } else {
                draw(rng, group0, c0);
                draw(rng, group1, c1);
            }
            // 2U in integers, exact (at most 2 n0 n1); without a branch on c1 the loop runs three times as fast
            long twiceU = 0;
            long below = 0;
            for (int g = 0; g < groups; g++) {
                final int a = c0[g];
                twiceU += c1[g] * (2 * below + a);
                below += a;
                c0[g] = 0;
                c1[g] = 0;
            }
            return 0.5 * twiceU / ((double) n0 * n1);
        }

        /** Draws group.length members with replacement and counts them per group. */
        private static void draw(SplittableRandom rng, int[] group, int[] counts) {
            final int m = group.length;
            for (int t = 0; t < m; t++) {
                counts[group[rng.nextInt(m)]]++;
            }
        }

        int groups() {
            return groups;
        }
    }
}
