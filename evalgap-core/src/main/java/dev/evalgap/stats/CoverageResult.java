package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Result of {@link Coverage}: relative coverage and uncovered share of the scored sample P by
 * sample E, calibrated by a reference sample R, with bootstrap intervals, the thresholds and the
 * per-item nearest-neighbour distances. Equality compares array contents.
 *
 * <p>The arrays belong to the record and are not copied; treat them as read-only.
 *
 * @param relativeCoverage         \(W\{d_E \le \tau\} / W\{d_R \le \tau\}\); 1 = E covers P as
 *                                 well as an equal-sized sample drawn like P, &lt; 1 worse
 * @param relativeCoverageInterval its percentile-bootstrap interval over P
 * @param uncoveredShare           \(W\{d_E &gt; \tau_u\}\), in [0, 1]; about 1 − q when E is
 *                                 drawn like P
 * @param uncoveredShareInterval   its percentile-bootstrap interval over P
 * @param coveredShare             \(W\{d_E \le \tau\}\), the numerator of the relative coverage
 * @param referenceCoveredShare    \(W\{d_R \le \tau\}\), the denominator (&ge; 0.5, about 0.5)
 * @param threshold                \(\tau\), the weighted median of \(d_R\) over P (cosine
 *                                 distance)
 * @param uncoveredThreshold       \(\tau_u\), the weighted q-quantile of \(d_R\) over P
 * @param uncoveredQuantile        q
 * @param nProduction              rows of P
 * @param nEval                    rows of E
 * @param nReference               rows of R (= nEval)
 * @param dimension                columns of each row
 * @param weighted                 true if item weights were given
 * @param effectiveSize            Kish's effective sample size of P, \((\sum w)^2/\sum w^2\)
 *                                 (= nProduction without weights)
 * @param bootstrapResamples       number of bootstrap resamples B
 * @param undefinedResamples       resamples left out because every drawn item had weight 0
 * @param seed                     the seed of the bootstrap
 * @param evalDistances            \(d_E(p)\) for every row of P, in row order
 * @param referenceDistances       \(d_R(p)\) for every row of P, in row order
 * @param nearestEval              index in E of the nearest row of E for every row of P (the
 *                                 first on ties)
 */
public record CoverageResult(
    double relativeCoverage,
    Interval relativeCoverageInterval,
    double uncoveredShare,
    Interval uncoveredShareInterval,
    double coveredShare,
    double referenceCoveredShare,
    double threshold,
    double uncoveredThreshold,
    double uncoveredQuantile,
    int nProduction,
    int nEval,
    int nReference,
    int dimension,
    boolean weighted,
    double effectiveSize,
    int bootstrapResamples,
    int undefinedResamples,
    long seed,
    double[] evalDistances,
    double[] referenceDistances,
    int[] nearestEval) {

    // Intervals and per-item arrays are required
    public CoverageResult {
        Objects.requireNonNull(relativeCoverageInterval, "relativeCoverageInterval");
        Objects.requireNonNull(uncoveredShareInterval, "uncoveredShareInterval");
        Objects.requireNonNull(evalDistances, "evalDistances");
        Objects.requireNonNull(referenceDistances, "referenceDistances");
        Objects.requireNonNull(nearestEval, "nearestEval");
    }

    /**
     * @return true if the relative-coverage interval lies entirely below 1: at the interval's
     *     confidence, E covers P worse than an equal-sized sample drawn like P
     */
    public boolean belowReference() {
        return relativeCoverageInterval.high() < 1;
    }

    /**
     * @param i a row of P
     * @return true if row i is uncovered: \(d_E &gt; \tau_u\)
     */
    public boolean uncovered(int i) {
        return evalDistances[i] > uncoveredThreshold;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CoverageResult)) {
            return false;
        }
        final CoverageResult r = (CoverageResult) o;
        return Double.compare(relativeCoverage, r.relativeCoverage) == 0
            && relativeCoverageInterval.equals(r.relativeCoverageInterval)
            && Double.compare(uncoveredShare, r.uncoveredShare) == 0
            && uncoveredShareInterval.equals(r.uncoveredShareInterval)
            && Double.compare(coveredShare, r.coveredShare) == 0
            && Double.compare(referenceCoveredShare, r.referenceCoveredShare) == 0
            && Double.compare(threshold, r.threshold) == 0
            && Double.compare(uncoveredThreshold, r.uncoveredThreshold) == 0
            && Double.compare(uncoveredQuantile, r.uncoveredQuantile) == 0
            && nProduction == r.nProduction && nEval == r.nEval && nReference == r.nReference
            && dimension == r.dimension && weighted == r.weighted
            && Double.compare(effectiveSize, r.effectiveSize) == 0
            && bootstrapResamples == r.bootstrapResamples && undefinedResamples == r.undefinedResamples
            && seed == r.seed
            && Arrays.equals(evalDistances, r.evalDistances)
            && Arrays.equals(referenceDistances, r.referenceDistances)
            && Arrays.equals(nearestEval, r.nearestEval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relativeCoverage, relativeCoverageInterval, uncoveredShare, uncoveredShareInterval,
            threshold, uncoveredThreshold, nProduction, nEval, seed, Arrays.hashCode(evalDistances));
    }

    @Override
    public String toString() {
        return "CoverageResult[relativeCoverage=" + relativeCoverage + " " + relativeCoverageInterval
            + ", uncoveredShare=" + uncoveredShare + " " + uncoveredShareInterval
            + ", coveredShare=" + coveredShare + ", referenceCoveredShare=" + referenceCoveredShare
            + ", threshold=" + threshold + ", uncoveredThreshold=" + uncoveredThreshold
            + ", uncoveredQuantile=" + uncoveredQuantile + ", nProduction=" + nProduction + ", nEval=" + nEval
            + ", nReference=" + nReference + ", dimension=" + dimension + ", weighted=" + weighted
            + ", effectiveSize=" + effectiveSize + ", bootstrapResamples=" + bootstrapResamples
            + ", undefinedResamples=" + undefinedResamples + ", seed=" + seed + "]";
    }
}
