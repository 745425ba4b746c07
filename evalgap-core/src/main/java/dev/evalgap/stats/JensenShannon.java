package dev.evalgap.stats;

/**
 * Jensen–Shannon divergence [1] of two discrete distributions, in bits (base-2 logarithms), so
 * that \(0 \le \mathrm{JS} \le 1\):
 * \[ \mathrm{JS}(p, q) = \tfrac12 \mathrm{KL}(p \,\|\, m) + \tfrac12 \mathrm{KL}(q \,\|\, m),
 *    \qquad m = \tfrac12 (p + q), \qquad
 *    \mathrm{KL}(a \,\|\, b) = \sum_{i:\, a_i &gt; 0} a_i \log_2 \frac{a_i}{b_i}. \]
 * It is 0 exactly when p = q and 1 exactly when p and q have disjoint supports. Its square root,
 * the {@linkplain #distance(double[], double[]) Jensen–Shannon distance}, is a metric [2] and is
 * what SciPy's {@code scipy.spatial.distance.jensenshannon(p, q, base=2)} returns.
 *
 * <p>Inputs are histograms: counts, weighted counts (any finite non-negative numbers) or
 * probabilities; each is divided by its own sum first. Conventions, as in the reference
 * {@code drift_peer.py}: a bin where \(a_i = 0\) contributes nothing to \(\mathrm{KL}(a \,\|\, m)\)
 * (\(0 \log 0 = 0\)); \(m_i &gt; 0\) wherever \(a_i &gt; 0\), so no term is infinite; no smoothing
 * is added; the result is clipped to [0, 1] against rounding.
 *
 * <p>Degenerate cases: the histograms must have the same length &ge; 1, finite non-negative
 * entries and a positive sum each; otherwise {@link IllegalArgumentException}.
 *
 * <p>References:
 * <ol>
 *   <li>J. Lin, "Divergence measures based on the Shannon entropy", IEEE Transactions on
 *       Information Theory 37 (1991) 145–151. doi:10.1109/18.61115</li>
 *   <li>D. M. Endres and J. E. Schindelin, "A new metric for probability distributions", IEEE
 *       Transactions on Information Theory 49 (2003) 1858–1860. doi:10.1109/TIT.2003.813506</li>
 * </ol>
 */
public final class JensenShannon {

    /** Template: name. */
    static final String ZERO_SUM = "%s sums to 0; a histogram needs a positive total";

    private static final double LN2 = Math.log(2);

    private JensenShannon() {
    }

    /**
     * @param p a histogram (counts or probabilities), finite and &ge; 0, positive sum
     * @param q a histogram of the same length
     * @return the Jensen–Shannon divergence in bits, in [0, 1]; symmetric in p and q
     * @throws IllegalArgumentException on invalid histograms (see the class description)
     */
    public static double divergence(double[] p, double[] q) {
        Arguments.checkLength("q", q.length, p.length);
        if (p.length == 0) {
            throw Arguments.error(Arguments.EMPTY, "p");
        }
        final double sp = total("p", p);
        final double sq = total("q", q);
        double kp = 0;
        double kq = 0;
        for (int i = 0; i < p.length; i++) {
            final double a = p[i] / sp;
            final double b = q[i] / sq;
            final double m = 0.5 * (a + b);
            if (a > 0) {
                kp += a * Math.log(a / m);
            }
            if (b > 0) {
                kq += b * Math.log(b / m);
            }
        }
        final double js = (0.5 * kp + 0.5 * kq) / LN2;
        return Math.max(0, Math.min(1, js));
    }

    /**
     * @param p a histogram (counts or probabilities), finite and &ge; 0, positive sum
     * @param q a histogram of the same length
     * @return the Jensen–Shannon distance \(\sqrt{\mathrm{JS}(p, q)}\) in base 2, in [0, 1]
     * @throws IllegalArgumentException on invalid histograms (see the class description)
     */
    public static double distance(double[] p, double[] q) {
        return Math.sqrt(divergence(p, q));
    }

    /** Sum of a histogram whose entries are finite and &ge; 0; positive. */
    private static double total(String name, double[] h) {
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            final double v = h[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw Arguments.error(Arguments.NEGATIVE, name, i, v);
            }
            s += v;
        }
        if (!(s > 0)) {
            throw Arguments.error(ZERO_SUM, name);
        }
        return s;
    }
}
