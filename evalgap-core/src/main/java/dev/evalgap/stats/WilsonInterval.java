package dev.evalgap.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilson score interval for a proportion [1]: unlike the Wald interval it stays inside [0, 1] and
 * keeps close to its nominal coverage for small n and for proportions near 0 or 1.
 *
 * <p>\(\tilde p = (\hat p + z^2/2n)/(1 + z^2/n)\), half-width
 * \(z\sqrt{\hat p(1-\hat p)/n + z^2/4n^2}/(1 + z^2/n)\), with \(z\) the \(1-\alpha/2\) normal quantile.
 * For weighted shares pass Kish's effective sample size as {@code n}. With n = 0 the interval is
 * undefined and {@code null} is returned.
 *
 * <p>Reference: [1] E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209–212. doi:10.1080/01621459.1927.10502953
 */
public final class WilsonInterval {

    private WilsonInterval() {
    }

    /**
     * @param proportion the observed share \(\hat p\) in [0, 1]
     * @param n          the number of trials (or effective size), &ge; 0
     * @param confidence the level, in (0, 1)
     */
    public static Interval of(double proportion, double n, double confidence) {
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("proportion must be in [0, 1], got " + proportion);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (!(n > 0)) {
            return null;
        }
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double z2n = z * z / n;
        double centre = (proportion + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(proportion * (1 - proportion) / n + z2n / (4 * n)) / (1 + z2n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), confidence);
    }
}
