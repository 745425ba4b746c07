package dev.evalgap.stats;

/**
 * An agreement coefficient with its percentile-bootstrap interval over items, from
 * {@link ItemBootstrap}. Immutable.
 *
 * @param estimate           the coefficient on all items; NaN when undefined
 * @param interval           percentile interval of the defined resampled coefficients; {@code null}
 *                           when the estimate is undefined or fewer than 2 resamples defined one
 * @param items              number of items resampled
 * @param resamples          number of bootstrap resamples B
 * @param undefinedResamples resamples whose coefficient was undefined (NaN), left out of the
 *                           interval; all B when none is drawn (undefined estimate, or no item)
 * @param seed               the seed of the resamples
 */
public record AgreementFigure(
    double estimate,
    Interval interval,
    int items,
    int resamples,
    int undefinedResamples,
    long seed) {

    /** @return true if the coefficient is defined */
    public boolean defined() {
        return !Double.isNaN(estimate);
    }

    /** @return the Landis–Koch reading of the estimate; {@code null} when it is undefined */
    public LandisKoch reading() {
        return defined() ? LandisKoch.of(estimate) : null;
    }
}
