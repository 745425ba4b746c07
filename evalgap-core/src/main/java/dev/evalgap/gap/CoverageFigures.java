package dev.evalgap.gap;

import dev.evalgap.stats.CoverageResult;
import dev.evalgap.stats.Interval;

/**
 * The coverage figures as reported (the per-item distances stay in the analysis).
 *
 * @param relativeCoverage  W{d_E ≤ τ} / W{d_R ≤ τ}: 1 = the eval set covers production as well as an
 *                          equal-sized production sample would
 * @param uncoveredShare    W{d_E > τ_u}: production farther from every eval case than 95% of production
 *                          is from the reference sample (about 5% for an eval set drawn like production)
 * @param threshold         τ, the weighted median of d_R (cosine distance)
 * @param uncoveredThreshold τ_u, the weighted q-quantile of d_R
 */
public record CoverageFigures(
        double relativeCoverage,
        Interval relativeCoverageInterval,
        double uncoveredShare,
        Interval uncoveredShareInterval,
        double threshold,
        double uncoveredThreshold,
        double uncoveredQuantile,
        int productionItems,
        int evalItems,
        int referenceItems,
        boolean weighted,
        double effectiveSize,
        int bootstrapResamples,
        long seed) {

    static CoverageFigures of(CoverageResult r) {
        return new CoverageFigures(r.relativeCoverage(), r.relativeCoverageInterval(), r.uncoveredShare(),
                r.uncoveredShareInterval(), r.threshold(), r.uncoveredThreshold(), r.uncoveredQuantile(),
                r.nProduction(), r.nEval(), r.nReference(), r.weighted(), r.effectiveSize(), r.bootstrapResamples(),
                r.seed());
    }
}
