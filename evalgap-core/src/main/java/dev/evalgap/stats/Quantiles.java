package dev.evalgap.stats;

/**
 * The sample quantile every interval in this package uses: linear interpolation between order
 * statistics, Hyndman–Fan type 7 (R's default, numpy's {@code method='linear'}).
 *
 * <p>Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566
 */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * @param sorted values in ascending order, at least one
     * @param q      the probability, in [0, 1]
     * @return the type-7 quantile
     */
    static double type7(double[] sorted, double q) {
        final double h = (sorted.length - 1) * q;
        final int lo = (int) Math.floor(h);
        if (lo + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
