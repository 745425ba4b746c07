package dev.evalgap.stats;

import java.util.Objects;

/**
 * Result of a {@link ClassifierTwoSampleTest}: the out-of-fold ROC AUC of a classifier telling
 * sample b (label 1) from sample a (label 0), the gap score \(2|\mathrm{AUC} - 0.5|\), their
 * bootstrap intervals and every parameter that produced them. Immutable.
 *
 * @param auc                out-of-fold ROC AUC, in [0, 1]; 0.5 = indistinguishable
 * @param aucInterval        stratified percentile-bootstrap interval of the AUC
 * @param gapScore           \(2|\mathrm{AUC} - 0.5|\), in [0, 1]
 * @param gapInterval        the AUC interval mapped through \(2|\cdot - 0.5|\); contains 0 exactly
 *                           when {@code aucInterval} contains 0.5
 * @param pValue             two-sided p-value of "AUC = 0.5" by inverting the interval: twice the share
 *                           of (inflated) bootstrap AUCs on the other side of 0.5, as
 *                           \((1 + \#)/(1 + B)\), so never 0; the AUC interval at level \(1-\alpha\)
 *                           excludes 0.5 exactly when, up to resolution 1/B, {@code pValue} &lt; \(\alpha\)
 * @param nA                 rows of sample a
 * @param nB                 rows of sample b
 * @param dimension          columns of each row
 * @param folds              number of stratified folds
 * @param bootstrapResamples number of bootstrap resamples B
 * @param intervalInflation  factor applied to the bootstrap deviations before taking quantiles (the
 *                           Nadeau–Bengio cross-validation correction, see the test's class description)
 * @param duplicateRows      rows whose values equal another row's (in either sample); rows of one value
 *                           are kept in one fold
 * @param seed               the seed of the fold assignment and of the bootstrap
 * @param regularization     inverse L2 regularisation strength C of the logistic regression
 * @param solverIterations   the largest number of L-BFGS iterations used by a fold's fit
 * @param solverConverged    true if the fit of every fold converged
 */
public record ClassifierTwoSampleResult(
    double auc,
    Interval aucInterval,
    double gapScore,
    Interval gapInterval,
    double pValue,
    int nA,
    int nB,
    int dimension,
    int folds,
    int bootstrapResamples,
    double intervalInflation,
    int duplicateRows,
    long seed,
    double regularization,
    int solverIterations,
    boolean solverConverged) {

    // Intervals are required: a result without its intervals is not quotable
    public ClassifierTwoSampleResult {
        Objects.requireNonNull(aucInterval, "aucInterval");
        Objects.requireNonNull(gapInterval, "gapInterval");
    }

    /**
     * @return true if the AUC interval excludes 0.5 (equivalently, the gap interval excludes 0):
     *     the samples are distinguishable at the interval's confidence level
     */
    public boolean distinguishable() {
        return !aucInterval.contains(0.5);
    }
}
