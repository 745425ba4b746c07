package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The mean of a sample with a seeded percentile-bootstrap interval [1], from the values, from a
 * frequency table, or over strata with fixed weights (post-stratification).
 *
 * <p>Estimates:
 * <ul>
 *   <li>{@link #test(double[])}: \(\bar x = \sum_i x_i / n\);</li>
 *   <li>{@link #test(double[], long[])}: the same from distinct values \(v_j\) with counts
 *       \(c_j\): \(\bar x = \sum_j c_j v_j / \sum_j c_j\) (e.g. a CSAT histogram counted by the
 *       database);</li>
 *   <li>{@link #testStratified(double[][], double[])}: strata \(s\) with weights \(w_s \ge 0\) and
 *       samples \(x_{s,1..n_s}\): \(\hat\mu = \sum_{s \in S} w_s \bar x_s / \sum_{s \in S} w_s\) over
 *       the set S of strata with \(n_s \ge 1\). Strata without a value cannot be estimated; their
 *       weight is left out and reported as {@link BootstrapMeanResult#representedWeight()} &lt; 1.</li>
 * </ul>
 *
 * <p>Interval: each of the B resamples (default 1000) draws n values with replacement (for the
 * stratified mean, \(n_s\) values within every stratum, weights held fixed) and recomputes the
 * estimate; the interval at confidence \(1-\alpha\) (default 0.95) is the pair of \(\alpha/2\) and
 * \(1-\alpha/2\) quantiles of the B values (linear interpolation, Hyndman–Fan type 7 [2]). Drawing
 * from a frequency table picks value j with probability \(c_j / n\), exactly as drawing from the
 * n listed values would. Cost: \(O(B \cdot n)\) draws (a binary search over the distinct values of
 * a table).
 *
 * <p>Degenerate cases: an empty sample (or all strata empty, or the represented strata weighing 0)
 * has no mean: NaN and a {@code null} interval; one value gives the interval [x, x]. Values must
 * be finite, counts and weights finite and &ge; 0, otherwise {@link IllegalArgumentException}.
 *
 * <p>Randomness: one {@link SplittableRandom} from the seed on each call draws the resamples in
 * order (strata in their order within a resample): the same instance on the same data always
 * returns the same result.
 *
 * <p>References:
 * <ol>
 *   <li>B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap, Chapman &amp; Hall
 *       (1993), chapter 13 (percentile intervals). doi:10.1201/9780429246593</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 * </ol>
 */
public final class BootstrapMean {

    /** Default number of bootstrap resamples B. */
    public static final int DEFAULT_BOOTSTRAP = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;

    private static final BootstrapMean DEFAULT = new BootstrapMean(DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE, DEFAULT_SEED);

    private final int bootstrap;
    private final double confidence;
    private final long seed;

    private BootstrapMean(int bootstrap, double confidence, long seed) {
        this.bootstrap = bootstrap;
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * B = 1000, confidence 0.95, seed 0.
     *
     * @return the default instance
     */
    public static BootstrapMean withDefaults() {
        return DEFAULT;
    }

    /**
     * @param resamples number of bootstrap resamples B, &ge; 1
     * @return a copy with B resamples
     */
    public BootstrapMean withBootstrap(int resamples) {
        return new BootstrapMean(Arguments.checkAtLeast("bootstrap resamples", 1, resamples), confidence, seed);
    }

    /**
     * @param level confidence level of the interval, in (0, 1)
     * @return a copy with this level
     */
    public BootstrapMean withConfidence(double level) {
        return new BootstrapMean(bootstrap, Arguments.checkConfidence(level), seed);
    }

    /**
     * @param s seed of the resamples
     * @return a copy with this seed
     */
    public BootstrapMean withSeed(long s) {
        return new BootstrapMean(bootstrap, confidence, s);
    }

    /**
     * @param x values, finite
     * @return their mean; NaN when empty
     */
    public double statistic(double[] x) {
        Arguments.checkFinite("x", Objects.requireNonNull(x, "x"));
        return mean(x);
    }

    /**
     * @param x values, finite
     * @return the mean with its bootstrap interval
     */
    public BootstrapMeanResult test(double[] x) {
        Arguments.checkFinite("x", Objects.requireNonNull(x, "x"));
        final int n = x.length;
        final double estimate = mean(x);
        if (n == 0) {
            return result(estimate, null, 0, 1, 1);
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] means = new double[bootstrap];
        for (int r = 0; r < bootstrap; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[rng.nextInt(n)];
            }
            means[r] = sum / n;
        }
        return result(estimate, interval(means), n, 1, 1);
    }

    /**
     * @param values distinct values (any order), finite
     * @param counts how often each value occurs, &ge; 0
     * @return the mean with its bootstrap interval; {@code n} is the total count
     */
    public BootstrapMeanResult test(double[] values, long[] counts) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(counts, "counts");
        Arguments.checkLength("counts", counts.length, values.length);
        Arguments.checkFinite("values", values);
        final long[] cumulative = new long[counts.length];
        long n = 0;
        double sum = 0;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] < 0) {
                throw Arguments.error(Arguments.NEGATIVE, "counts", j, counts[j]);
            }
            n += counts[j];
            sum += counts[j] * values[j];
            cumulative[j] = n;
        }
        if (n == 0) {
            return result(Double.NaN, null, 0, 1, 1);
        }
        final double estimate = sum / n;
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] means = new double[bootstrap];
        for (int r = 0; r < bootstrap; r++) {
            double s = 0;
            for (long i = 0; i < n; i++) {
                s += values[pick(cumulative, rng.nextLong(n))];
            }
            means[r] = s / n;
        }
        return result(estimate, interval(means), n, 1, 1);
    }

    /**
     * @param strata  the values of every stratum (a stratum may be empty), finite
     * @param weights the weight of every stratum, finite and &ge; 0 (e.g. its population share)
     * @return the post-stratified mean with its stratified bootstrap interval; {@code n} counts all
     *     values, {@code strata} the strata with at least one value
     */
    public BootstrapMeanResult testStratified(double[][] strata, double[] weights) {
        Objects.requireNonNull(strata, "strata");
        Objects.requireNonNull(weights, "weights");
        Arguments.checkWeights(weights, strata.length);
        double totalWeight = 0;
        double representedWeight = 0;
        long n = 0;
        int represented = 0;
        for (int s = 0; s < strata.length; s++) {
            Objects.requireNonNull(strata[s], "strata[" + s + "]");
            Arguments.checkFinite("strata[" + s + "]", strata[s]);
            totalWeight += weights[s];
            n += strata[s].length;
            if (strata[s].length > 0) {
                representedWeight += weights[s];
                represented++;
            }
        }
        final double share = totalWeight > 0 ? representedWeight / totalWeight : Double.NaN;
        if (!(representedWeight > 0)) {
            return result(Double.NaN, null, n, represented, share);
        }
        double estimate = 0;
        for (int s = 0; s < strata.length; s++) {
            if (strata[s].length > 0) {
                estimate += weights[s] * mean(strata[s]);
            }
        }
        estimate /= representedWeight;
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] means = new double[bootstrap];
        for (int r = 0; r < bootstrap; r++) {
            double total = 0;
            for (int s = 0; s < strata.length; s++) {
                final double[] x = strata[s];
                final int ns = x.length;
                if (ns == 0) {
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < ns; i++) {
                    sum += x[rng.nextInt(ns)];
                }
                total += weights[s] * sum / ns;
            }
            means[r] = total / representedWeight;
        }
        return result(estimate, interval(means), n, represented, share);
    }

    private BootstrapMeanResult result(double estimate, Interval interval, long n, int strata, double representedWeight) {
        return new BootstrapMeanResult(estimate, interval, n, strata, representedWeight, bootstrap, seed);
    }

    private Interval interval(double[] means) {
        Arrays.sort(means);
        final double alpha = 1 - confidence;
        final double low = Quantiles.type7(means, alpha / 2);
        final double high = Quantiles.type7(means, 1 - alpha / 2);
        // Interpolated ends of equal order statistics can differ in the last bit
        return new Interval(Math.min(low, high), Math.max(low, high), confidence);
    }

    /** The index j with cumulative[j-1] &le; u &lt; cumulative[j]. */
    private static int pick(long[] cumulative, long u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
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
