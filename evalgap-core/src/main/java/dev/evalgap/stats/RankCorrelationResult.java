package dev.evalgap.stats;

/**
 * Result of a {@link RankCorrelation}: the coefficient, its percentile-bootstrap interval and the
 * parameters that produced them. Immutable.
 *
 * @param method             Spearman's \(\rho\) or Kendall's \(\tau_b\)
 * @param estimate           the coefficient in [−1, 1]; NaN when undefined (fewer than 2 pairs, or a
 *                           constant variable)
 * @param interval           percentile-bootstrap interval over the pairs; {@code null} when the
 *                           estimate is undefined or no resample defined a coefficient
 * @param n                  number of pairs
 * @param tiedX              values of x equal to another value of x
 * @param tiedY              values of y equal to another value of y
 * @param bootstrapResamples number of bootstrap resamples B
 * @param undefinedResamples resamples left out because every drawn x (or y) was equal
 * @param seed               the seed of the resamples
 */
public record RankCorrelationResult(
    RankCorrelation.Method method,
    double estimate,
    Interval interval,
    int n,
    int tiedX,
    int tiedY,
    int bootstrapResamples,
    int undefinedResamples,
    long seed) {

    /** @return true if the coefficient is defined */
    public boolean defined() {
        return !Double.isNaN(estimate);
    }

    /**
     * @return true if there is no interval or it contains 0: no ordering relation is established at
     *     the interval's confidence level
     */
    public boolean includesZero() {
        return interval == null || interval.contains(0);
    }
}
