package dev.evalgap.trend;

import dev.evalgap.stats.BootstrapMeanResult;
import dev.evalgap.stats.Interval;

/**
 * A mean with its percentile-bootstrap interval.
 *
 * @param value              the mean; NaN when n = 0
 * @param n                  values averaged
 * @param interval           percentile-bootstrap interval; {@code null} when n = 0
 * @param bootstrapResamples resamples B
 * @param seed               seed of the resamples (derived from the analysis seed, see {@link Seeds})
 */
public record MeanFigure(double value, long n, Interval interval, int bootstrapResamples, long seed) {

    static MeanFigure of(BootstrapMeanResult r) {
        return new MeanFigure(r.mean(), r.n(), r.interval(), r.bootstrapResamples(), r.seed());
    }

    /** @return true if the mean is defined (n &gt; 0) */
    public boolean defined() {
        return n > 0;
    }
}
