package dev.evalgap.trend;

import dev.evalgap.stats.Interval;

/**
 * How much more a release gained on the public split than on the sealed split since the baseline
 * release: (public gain − sealed gain), each gain the mean over the split's cases scored in both
 * releases of (score in the release − score in the baseline). Positive and growing: the suite's
 * public cases are being tuned to (Goodhart's law); about 0: public and sealed move together.
 *
 * @param value              the overfit index; NaN when a split has no case scored in both releases
 * @param interval           percentile-bootstrap interval (cases resampled within each split, each case's
 *                           two scores kept together); {@code null} when undefined
 * @param publicGain         mean public gain
 * @param sealedGain         mean sealed gain
 * @param publicPairs        public cases scored in both releases
 * @param sealedPairs        sealed cases scored in both releases
 * @param bootstrapResamples resamples B
 * @param seed               seed of the resamples
 */
public record OverfitIndex(
        double value,
        Interval interval,
        double publicGain,
        double sealedGain,
        int publicPairs,
        int sealedPairs,
        int bootstrapResamples,
        long seed) {
}
