package dev.evalgap.gap;

import java.util.List;

/**
 * The vectors a gap is computed on.
 *
 * @param eval             eval-set vectors
 * @param evalTexts        their texts, or null (precomputed vectors without texts)
 * @param production       the scored production vectors
 * @param productionTexts  their texts, or null
 * @param weights          production weights, or null when unweighted
 * @param segments         production segments, or null
 * @param reference        an independent production sample, disjoint from {@code production}, with as
 *                         many rows as {@code coverageEval}; null to skip coverage
 * @param coverageEval     the eval vectors coverage compares against (the eval set, or a same-sized
 *                         subset of it when production is too small for a full-size reference)
 */
public record GapSamples(
        float[][] eval,
        List<String> evalTexts,
        float[][] production,
        List<String> productionTexts,
        double[] weights,
        String[] segments,
        float[][] reference,
        float[][] coverageEval) {
}
