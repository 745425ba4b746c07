package dev.evalgap.stats;

/**
 * Result of a {@link PairedGainDifference}. Immutable.
 *
 * @param estimate           \(\hat\Delta = \bar g_A - \bar g_B\); NaN when a group is empty
 * @param gainA              mean gain of group A; NaN when A is empty
 * @param gainB              mean gain of group B; NaN when B is empty
 * @param interval           percentile-bootstrap interval of \(\hat\Delta\); {@code null} when undefined
 * @param nA                 pairs in group A
 * @param nB                 pairs in group B
 * @param bootstrapResamples number of bootstrap resamples B
 * @param seed               the seed of the resamples
 */
public record PairedGainDifferenceResult(
    double estimate,
    double gainA,
    double gainB,
    Interval interval,
    int nA,
    int nB,
    int bootstrapResamples,
    long seed) {

    /** @return true if both groups have pairs, so the estimate and its interval exist */
    public boolean defined() {
        return interval != null;
    }
}
