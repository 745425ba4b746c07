package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A seeded percentile bootstrap over items [1] around any agreement statistic (κ, α, a rank
 * correlation, percent agreement): the statistic is told which items to use, as an array of item
 * indexes, and recomputes itself from them.
 *
 * <p>Procedure ({@link #run(int, ToDoubleFunction)}): the estimate is the statistic of the
 * identity indexes \(0..N-1\). Each of the B resamples (default 1000) draws N item indexes
 * uniformly with replacement and applies the statistic to them, an item drawn twice counting
 * twice. All ratings of an item travel together, so the interval reflects which items happened to
 * be rated, with the correlation between the raters of one item intact (a cluster bootstrap). The
 * interval at confidence \(1-\alpha\) (default 0.95) is the pair of \(\alpha/2\) and
 * \(1-\alpha/2\) quantiles of the defined resampled values (linear interpolation, Hyndman–Fan
 * type 7 [2]). A resample whose statistic is NaN (e.g. a κ with every drawn item in one category)
 * is left out and counted in {@link AgreementFigure#undefinedResamples()}; the interval then
 * describes the resamples where the statistic exists, and many undefined resamples are a warning
 * that the estimate rests on few informative items. Cost: B + 1 evaluations of the statistic.
 *
 * <p>Degenerate cases: an undefined (NaN) estimate, or no item, gives no interval and draws no
 * resample; fewer than 2 defined resamples give no interval either.
 *
 * <p>Randomness: one {@link SplittableRandom} is created from the seed on each call and draws the
 * resamples in order, item after item ({@code nextInt(N)}), the same draws as
 * {@link BootstrapMean#test(double[])} with the same seed; the same instance on the same statistic
 * always returns the same result.
 *
 * <p>References:
 * <ol>
 *   <li>B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap, Chapman &amp; Hall
 *       (1993), chapter 13 (percentile intervals). doi:10.1201/9780429246593</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 * </ol>
 */
public final class ItemBootstrap {

    /** Default number of bootstrap resamples B. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;

    private static final ItemBootstrap DEFAULT = new ItemBootstrap(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, DEFAULT_SEED);

    private final int resamples;
    private final double confidence;
    private final long seed;

    private ItemBootstrap(int resamples, double confidence, long seed) {
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * B = 1000, confidence 0.95, seed 0.
     *
     * @return the default instance
     */
    public static ItemBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param b number of bootstrap resamples B, &ge; 1; the interval ends are resolved to about 1/B
     *          in probability
     * @return a copy with B resamples
     */
    public ItemBootstrap withResamples(int b) {
        return new ItemBootstrap(Arguments.checkAtLeast("bootstrap resamples", 1, b), confidence, seed);
    }

    /**
     * @param c confidence level of the interval, in (0, 1)
     * @return a copy with this level
     */
    public ItemBootstrap withConfidence(double c) {
        return new ItemBootstrap(resamples, Arguments.checkConfidence(c), seed);
    }

    /**
     * @param s seed of the resamples
     * @return a copy with this seed
     */
    public ItemBootstrap withSeed(long s) {
        return new ItemBootstrap(resamples, confidence, s);
    }

    /** @return the number of bootstrap resamples B */
    public int resamples() {
        return resamples;
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
     * @param items                   the number of items N, &ge; 0
     * @param statisticOfItemIndexes the statistic computed on the items whose indexes (in 0..N−1,
     *                                possibly repeated) it is given; NaN when undefined. It gets a
     *                                fresh array on every call.
     * @return the estimate with its interval and the parameters that produced it
     * @throws IllegalArgumentException if {@code items} is negative
     */
    public AgreementFigure run(int items, ToDoubleFunction<int[]> statisticOfItemIndexes) {
        Arguments.checkAtLeast("items", 0, items);
        Objects.requireNonNull(statisticOfItemIndexes, "statisticOfItemIndexes");
        final int[] all = new int[items];
        Arrays.setAll(all, i -> i);
        final double estimate = statisticOfItemIndexes.applyAsDouble(all);
        if (Double.isNaN(estimate) || items == 0) {
            return new AgreementFigure(estimate, null, items, resamples, resamples, seed);
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] values = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
            final int[] drawn = new int[items];
            for (int i = 0; i < items; i++) {
                drawn[i] = rng.nextInt(items);
            }
            final double v = statisticOfItemIndexes.applyAsDouble(drawn);
            if (!Double.isNaN(v)) {
                values[defined++] = v;
            }
        }
        final Interval interval = defined >= 2 ? percentileInterval(Arrays.copyOf(values, defined)) : null;
        return new AgreementFigure(estimate, interval, items, resamples, resamples - defined, seed);
    }

    private Interval percentileInterval(double[] values) {
        Arrays.sort(values);
        final double alpha = 1 - confidence;
        final double low = Quantiles.type7(values, alpha / 2);
        final double high = Quantiles.type7(values, 1 - alpha / 2);
        // Interpolated ends of equal order statistics can differ in the last bit
        return new Interval(Math.min(low, high), Math.max(low, high), confidence);
    }
}
