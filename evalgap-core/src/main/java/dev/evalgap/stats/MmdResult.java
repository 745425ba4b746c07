package dev.evalgap.stats;

import java.util.Objects;

/**
 * Result of an {@link MmdPermutationTest}: the unbiased squared maximum mean discrepancy between
 * sample a and sample b under a Gaussian kernel, its permutation p-value, a summary of the
 * permutation null distribution and every parameter that produced them. Immutable.
 *
 * @param mmd2           \(\mathrm{MMD}^2_u\), the unbiased U-statistic (Gretton et al. 2012,
 *                       eq. 3), computed in double precision; may be slightly negative when the
 *                       samples do not differ
 * @param sigma          the Gaussian kernel bandwidth \(\sigma\) actually used, &gt; 0
 * @param sigmaFallback  true if the median rule gave \(\sigma = 0\) (more than half of the
 *                       pooled pairs are identical rows) and \(\sigma = 1\) was used instead;
 *                       always false for a {@linkplain MmdPermutationTest.Bandwidth#FIXED fixed}
 *                       bandwidth
 * @param pValue         \((1 + \mathit{exceedances}) / (1 + B)\), in \([1/(B+1), 1]\), never 0
 * @param permutations   B, the number of random relabellings of the pooled sample
 * @param exceedances    how many permuted statistics were \(\ge\) the observed one
 * @param nullMean       mean of the B permuted statistics
 * @param nullSd         standard deviation of the B permuted statistics (divisor B - 1; 0 when
 *                       B = 1)
 * @param nullQ95        0.95 quantile of the B permuted statistics (linear interpolation between
 *                       order statistics, Hyndman–Fan type 7): the critical value at level 0.05
 * @param m              rows of sample a
 * @param n              rows of sample b
 * @param dimension      columns of each row
 * @param seed           seed of the permutations
 * @param bandwidthRule  how \(\sigma\) was chosen: the pooled median rule or fixed by the caller
 */
public record MmdResult(
    double mmd2,
    double sigma,
    boolean sigmaFallback,
    double pValue,
    int permutations,
    int exceedances,
    double nullMean,
    double nullSd,
    double nullQ95,
    int m,
    int n,
    int dimension,
    long seed,
    MmdPermutationTest.Bandwidth bandwidthRule) {

    // The rule is required: a bandwidth without its rule is not quotable
    public MmdResult {
        Objects.requireNonNull(bandwidthRule, "bandwidthRule");
    }

    /**
     * @param alpha significance level, e.g. 0.05
     * @return true if {@code pValue <= alpha}: the samples differ at level alpha
     */
    public boolean rejects(double alpha) {
        return pValue <= alpha;
    }
}
