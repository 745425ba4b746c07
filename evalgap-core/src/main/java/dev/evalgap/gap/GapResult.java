package dev.evalgap.gap;

import dev.evalgap.Provenance;
import dev.evalgap.stats.ClassifierTwoSampleResult;

/**
 * The gap between one eval set version and one window of production traffic.
 *
 * @param setName           eval set
 * @param setVersion        its version at the time of the analysis
 * @param window            the production window
 * @param windowRecords     traffic records in the window (the population sampled from)
 * @param evalCases         cases in the set version (the population sampled from)
 * @param evalSample        eval cases used
 * @param productionSample  production records used
 * @param sampleRule        how both samples were drawn, in words
 * @param embedder          the embedder that produced the vectors ({@code provided} for the user's own)
 * @param seed              seed of samples, folds and bootstrap
 * @param c2st              the classifier two-sample test: AUC and gap score, with intervals
 * @param provenance        evalgap and Java versions, time of computation
 */
public record GapResult(
        String setName,
        int setVersion,
        String window,
        long windowRecords,
        long evalCases,
        int evalSample,
        int productionSample,
        String sampleRule,
        String embedder,
        long seed,
        ClassifierTwoSampleResult c2st,
        Provenance provenance) {
}
