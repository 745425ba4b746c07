package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Rank correlation of paired observations \((x_i, y_i)\), \(i = 1..n\): Spearman's \(\rho\) [1] or
 * Kendall's \(\tau_b\) [2], both with ties handled, and a seeded percentile-bootstrap interval
 * over the pairs [3].
 *
 * <p>Definitions ({@link #statistic(double[], double[])}):
 * <ul>
 *   <li><b>Spearman's \(\rho\)</b>: the Pearson correlation of the ranks, tied values getting the
 *       mean of the ranks they span (midranks): \(\rho = \sum_i (r_i - \bar r)(s_i - \bar s) /
 *       \sqrt{\sum_i (r_i - \bar r)^2 \sum_i (s_i - \bar s)^2}\). Without ties this equals
 *       \(1 - 6\sum_i d_i^2 / (n(n^2 - 1))\) with \(d_i = r_i - s_i\). This is
 *       {@code scipy.stats.spearmanr} and R's {@code cor(x, y, method = "spearman")}.</li>
 *   <li><b>Kendall's \(\tau_b\)</b> (Kendall 1945, the tie-corrected form [2]):
 *       \(\tau_b = (n_c - n_d) / \sqrt{(n_0 - n_1)(n_0 - n_2)}\), with \(n_c\) and \(n_d\) the
 *       numbers of concordant and discordant pairs (a pair tied in x or in y is neither),
 *       \(n_0 = n(n-1)/2\), \(n_1 = \sum_i t_i(t_i-1)/2\) over the groups of tied x values and
 *       \(n_2\) the same for y. This is {@code scipy.stats.kendalltau} (variant {@code 'b'}, its
 *       default) and R's {@code cor(x, y, method = "kendall")}. The pairs are not enumerated:
 *       with \(n_3\) the pairs tied in both x and y, \(n_c - n_d = n_0 - n_1 - n_2 + n_3 - 2 n_d\), and
 *       \(n_d\) is the number of exchanges of a merge sort by y of the pairs ordered by (x, y) (Knight's
 *       algorithm [5], with ties as in SciPy's implementation).</li>
 * </ul>
 *
 * <p>Cost: the values are ranked once, \(O(n \log n)\); the statistic and every resample then work on
 * the ranks in arrays allocated once per call, Spearman's \(\rho\) in \(O(n + k)\) (k distinct values)
 * and Kendall's \(\tau_b\) in \(O(n \log n)\). {@link #test(double[], double[])} costs
 * \(O(B\, n \log n)\): at n = 1000 and B = 1000 some tens of milliseconds.
 *
 * <p>Interval ({@link #test(double[], double[])}): each of the B resamples (default 1000) draws
 * n pairs with replacement and recomputes the statistic; the interval at confidence
 * \(1-\alpha\) (default 0.95) is the pair of \(\alpha/2\) and \(1-\alpha/2\) quantiles of the
 * defined resampled values (linear interpolation, Hyndman–Fan type 7 [4]). A resample in which
 * every drawn x (or every drawn y) is equal defines no correlation: it is left out and counted in
 * {@link RankCorrelationResult#undefinedResamples()}. With few pairs (e.g. eight releases) the
 * bootstrap distribution is coarse, the interval wide and its coverage below the nominal level
 * (the percentile bootstrap of a correlation needs a few dozen pairs to be accurate [3, ch. 13]);
 * read it as "how much does the ordering depend on individual pairs", not as an exact
 * statement.
 *
 * <p>Degenerate cases: fewer than 2 pairs, or a constant x or y, define no correlation: the
 * estimate is NaN and the interval {@code null}. Lengths must match and every value must be
 * finite, otherwise {@link IllegalArgumentException}.
 *
 * <p>Randomness: one {@link SplittableRandom} is created from the seed on each call and draws
 * the resamples in order, so the same instance on the same data always returns the same result.
 *
 * <p>References:
 * <ol>
 *   <li>C. Spearman, "The proof and measurement of association between two things", The American
 *       Journal of Psychology 15 (1904) 72–101. doi:10.2307/1412159</li>
 *   <li>M. G. Kendall, "The treatment of ties in ranking problems", Biometrika 33 (1945) 239–251.
 *       doi:10.1093/biomet/33.3.239</li>
 *   <li>B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap, Chapman &amp; Hall
 *       (1993), chapter 13 (percentile intervals). doi:10.1201/9780429246593</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 *   <li>W. R. Knight, "A computer method for calculating Kendall's tau with ungrouped data", Journal of
 *       the American Statistical Association 61 (1966) 436–439. doi:10.1080/01621459.1966.10480879</li>
 * </ol>
 */
public final class RankCorrelation {

    /** The rank correlation coefficient. */
    public enum Method {
        /** Spearman's \(\rho\): Pearson correlation of the midranks. */
        SPEARMAN,
        /** Kendall's \(\tau_b\): concordant minus discordant pairs, corrected for ties in x and y. */
        KENDALL_TAU_B
    }

    /** Default method. */
    public static final Method DEFAULT_METHOD = Method.SPEARMAN;
    /** Default number of bootstrap resamples B. */
    public static final int DEFAULT_BOOTSTRAP = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;

    private static final RankCorrelation DEFAULT =
        new RankCorrelation(DEFAULT_METHOD, DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE, DEFAULT_SEED);

    private final Method method;
    private final int bootstrap;
    private final double confidence;
    private final long seed;

    private RankCorrelation(Method method, int bootstrap, double confidence, long seed) {
        this.method = method;
        this.bootstrap = bootstrap;
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * Spearman, B = 1000, confidence 0.95, seed 0.
     *
     * @return the default instance
     */
    public static RankCorrelation withDefaults() {
        return DEFAULT;
    }

    /**
     * @param m the coefficient
     * @return a copy computing {@code m}
     */
    public RankCorrelation with(Method m) {
        return new RankCorrelation(Objects.requireNonNull(m, "method"), bootstrap, confidence, seed);
    }

    /**
     * @param resamples number of bootstrap resamples B, &ge; 1; the interval ends are resolved to
     *                  about 1/B in probability
     * @return a copy with B resamples
     */
    public RankCorrelation withBootstrap(int resamples) {
        return new RankCorrelation(method, Arguments.checkAtLeast("bootstrap resamples", 1, resamples), confidence,
            seed);
    }

    /**
     * @param level confidence level of the interval, in (0, 1)
     * @return a copy with this level
     */
    public RankCorrelation withConfidence(double level) {
        return new RankCorrelation(method, bootstrap, Arguments.checkConfidence(level), seed);
    }

    /**
     * @param s seed of the bootstrap resamples
     * @return a copy with this seed
     */
    public RankCorrelation withSeed(long s) {
        return new RankCorrelation(method, bootstrap, confidence, s);
    }

    /** @return the coefficient computed */
    public Method method() {
        return method;
    }

    /** @return the number of bootstrap resamples B */
    public int bootstrap() {
        return bootstrap;
    }

    /** @return the confidence level */
    public double confidence() {
        return confidence;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * @param x first variable
     * @param y second variable, paired with x
     * @return the coefficient in [−1, 1]; NaN with fewer than 2 pairs or a constant variable
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public double statistic(double[] x, double[] y) {
        validate(x, y);
        return compute(method, RankedPairs.of(x, y));
    }

    /**
     * @param x first variable
     * @param y second variable, paired with x
     * @return the coefficient with its bootstrap interval and the parameters that produced it
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public RankCorrelationResult test(double[] x, double[] y) {
        validate(x, y);
        final int n = x.length;
        final RankedPairs pairs = RankedPairs.of(x, y);
        final double estimate = compute(method, pairs);
        if (Double.isNaN(estimate)) {
            return new RankCorrelationResult(method, estimate, null, n, tiedValues(x), tiedValues(y), bootstrap,
                bootstrap, seed);
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] values = new double[bootstrap];
        final RankedPairs resample = pairs.resampleBuffer();
        int defined = 0;
        for (int r = 0; r < bootstrap; r++) {
            resample.drawFrom(pairs, rng);
            final double v = compute(method, resample);
            if (!Double.isNaN(v)) {
                values[defined++] = v;
            }
        }
        Interval interval = null;
        if (defined > 0) {
            final double[] sorted = Arrays.copyOf(values, defined);
            Arrays.sort(sorted);
            final double alpha = 1 - confidence;
            interval = new Interval(Quantiles.type7(sorted, alpha / 2),
                Quantiles.type7(sorted, 1 - alpha / 2), confidence);
        }
        return new RankCorrelationResult(method, estimate, interval, n, tiedValues(x), tiedValues(y), bootstrap,
            bootstrap - defined, seed);
    }

    private static void validate(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Arguments.checkLength("y", y.length, x.length);
        Arguments.checkFinite("x", x);
        Arguments.checkFinite("y", y);
    }

    private static double compute(Method method, RankedPairs pairs) {
        return method == Method.SPEARMAN ? pairs.spearman() : pairs.kendallTauB();
    }

    /** Number of values equal to another value of the array. */
    static int tiedValues(double[] x) {
        final double[] sorted = x.clone();
        Arrays.sort(sorted);
        int tied = 0;
        for (int i = 0; i < sorted.length; i++) {
            final boolean left = i > 0 && Double.compare(sorted[i - 1], sorted[i]) == 0;
            final boolean right = i + 1 < sorted.length && Double.compare(sorted[i + 1], sorted[i]) == 0;
            tied += left || right ? 1 : 0;
        }
        return tied;
    }
}
