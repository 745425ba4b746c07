package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The difference between the mean paired gains of two independent groups (a difference in
 * differences [1]), with a seeded two-sample percentile-bootstrap interval [2].
 *
 * <p>Each group holds pairs: the value of one unit on a first and on a second occasion, e.g. a
 * test case's score under two versions of a system. The gain of pair i is
 * \(g_i = x_{1,i} - x_{0,i}\) and the estimate is
 * \[ \hat\Delta = \bar g_A - \bar g_B = (\bar x_{1,A} - \bar x_{0,A}) - (\bar x_{1,B} - \bar x_{0,B}), \]
 * the gain of group A minus the gain of group B. \(\hat\Delta &gt; 0\) means A gained more than B.
 *
 * <p>Interval: each of the B resamples (default 1000) draws \(n_A\) pairs with replacement from A
 * and, independently, \(n_B\) pairs from B (the two-sample bootstrap of [2], section 8.3), keeping
 * every pair together, so the correlation between a unit's two values is preserved (a paired
 * resample), and recomputes \(\hat\Delta\). The interval at confidence \(1-\alpha\) (default 0.95)
 * is the pair of the \(\alpha/2\) and \(1-\alpha/2\) quantiles of the B values ([2], chapter 13;
 * linear interpolation, Hyndman–Fan type 7 [3]). Cost: \(O(B \cdot (n_A + n_B))\) draws.
 *
 * <p>Degenerate cases: a group without pairs has no gain: the estimate is NaN and the interval
 * {@code null} (the other group's gain is still reported). One pair in each group gives the
 * interval \([\hat\Delta, \hat\Delta]\). Values must be finite, and the two occasions of a group of
 * equal length, otherwise {@link IllegalArgumentException}.
 *
 * <p>Randomness: one {@link SplittableRandom} from the seed on each call draws, for every resample
 * in order, the indices of A and then those of B: the same instance on the same data always returns
 * the same result.
 *
 * <p>References:
 * <ol>
 *   <li>J. D. Angrist and J.-S. Pischke, Mostly Harmless Econometrics, Princeton University Press
 *       (2009), section 5.2 (differences-in-differences). doi:10.1515/9781400829828</li>
 *   <li>B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap, Chapman &amp; Hall
 *       (1993), section 8.3 (two-sample problem) and chapter 13 (percentile intervals).
 *       doi:10.1201/9780429246593</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 * </ol>
 */
public final class PairedGainDifference {

    /** Default number of bootstrap resamples B. */
    public static final int DEFAULT_BOOTSTRAP = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;

    private static final PairedGainDifference DEFAULT =
        new PairedGainDifference(DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE, DEFAULT_SEED);

    private final int bootstrap;
    private final double confidence;
    private final long seed;

    private PairedGainDifference(int bootstrap, double confidence, long seed) {
        this.bootstrap = bootstrap;
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * B = 1000, confidence 0.95, seed 0.
     *
     * @return the default instance
     */
    public static PairedGainDifference withDefaults() {
        return DEFAULT;
    }

    /**
     * @param resamples number of bootstrap resamples B, &ge; 1
     * @return a copy with B resamples
     */
    public PairedGainDifference withBootstrap(int resamples) {
        return new PairedGainDifference(Arguments.checkAtLeast("bootstrap resamples", 1, resamples), confidence, seed);
    }

    /**
     * @param level confidence level of the interval, in (0, 1)
     * @return a copy with this level
     */
    public PairedGainDifference withConfidence(double level) {
        return new PairedGainDifference(bootstrap, Arguments.checkConfidence(level), seed);
    }

    /**
     * @param s seed of the resamples
     * @return a copy with this seed
     */
    public PairedGainDifference withSeed(long s) {
        return new PairedGainDifference(bootstrap, confidence, s);
    }

    /**
     * @param a0 group A, first occasion
     * @param a1 group A, second occasion (same units, same order)
     * @param b0 group B, first occasion
     * @param b1 group B, second occasion
     * @return \(\hat\Delta\); NaN when a group is empty
     */
    public double statistic(double[] a0, double[] a1, double[] b0, double[] b1) {
        return mean(gains("a", a0, a1)) - mean(gains("b", b0, b1));
    }

    /**
     * @param a0 group A, first occasion
     * @param a1 group A, second occasion (same units, same order)
     * @param b0 group B, first occasion
     * @param b1 group B, second occasion
     * @return the estimate with its bootstrap interval
     */
    public PairedGainDifferenceResult test(double[] a0, double[] a1, double[] b0, double[] b1) {
        return testGains(gains("a", a0, a1), gains("b", b0, b1));
    }

    /**
     * The same from the gains \(g_i = x_{1,i} - x_{0,i}\) of each group (the bootstrap resamples the
     * gains, which is resampling the pairs).
     *
     * @param gainsA gains of group A, finite
     * @param gainsB gains of group B, finite
     * @return the estimate with its bootstrap interval
     */
    public PairedGainDifferenceResult testGains(double[] gainsA, double[] gainsB) {
        Arguments.checkFinite("gainsA", Objects.requireNonNull(gainsA, "gainsA"));
        Arguments.checkFinite("gainsB", Objects.requireNonNull(gainsB, "gainsB"));
        final int na = gainsA.length;
        final int nb = gainsB.length;
        final double gainA = mean(gainsA);
        final double gainB = mean(gainsB);
        if (na == 0 || nb == 0) {
            return new PairedGainDifferenceResult(Double.NaN, gainA, gainB, null, na, nb, bootstrap, seed);
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] deltas = new double[bootstrap];
        for (int r = 0; r < bootstrap; r++) {
            double sa = 0;
            for (int i = 0; i < na; i++) {
                sa += gainsA[rng.nextInt(na)];
            }
            double sb = 0;
            for (int i = 0; i < nb; i++) {
                sb += gainsB[rng.nextInt(nb)];
            }
            deltas[r] = sa / na - sb / nb;
        }
        Arrays.sort(deltas);
        final double alpha = 1 - confidence;
        final double low = Quantiles.type7(deltas, alpha / 2);
        final double high = Quantiles.type7(deltas, 1 - alpha / 2);
        // Interpolated ends of equal order statistics can differ in the last bit
        final Interval interval = new Interval(Math.min(low, high), Math.max(low, high), confidence);
        return new PairedGainDifferenceResult(gainA - gainB, gainA, gainB, interval, na, nb, bootstrap, seed);
    }

    private static double[] gains(String group, double[] x0, double[] x1) {
        Objects.requireNonNull(x0, group + "0");
        Objects.requireNonNull(x1, group + "1");
        Arguments.checkLength(group + "1", x1.length, x0.length);
        Arguments.checkFinite(group + "0", x0);
        Arguments.checkFinite(group + "1", x1);
        final double[] g = new double[x0.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = x1[i] - x0[i];
        }
        return g;
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (final double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
