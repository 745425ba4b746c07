package dev.evalgap.stats;

/**
 * Result of a {@link BootstrapMean}. Immutable.
 *
 * @param mean               the (post-stratified) mean; NaN when there is no value
 * @param interval           percentile-bootstrap interval; {@code null} when the mean is undefined
 * @param n                  number of values
 * @param strata             strata holding at least one value (1 for an unstratified mean)
 * @param representedWeight  share of the total stratum weight held by strata with values (1 for an
 *                           unstratified mean; NaN when every weight is 0)
 * @param bootstrapResamples number of bootstrap resamples B
 * @param seed               the seed of the resamples
 */
public record BootstrapMeanResult(
    double mean,
    Interval interval,
    long n,
    int strata,
    double representedWeight,
    int bootstrapResamples,
    long seed) {
}
