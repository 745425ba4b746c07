package dev.evalgap.gap;

import dev.evalgap.Provenance;

/**
 * The gap between one eval set version and one window of production traffic.
 *
 * @param setName           eval set
 * @param setVersion        its version at the time of the analysis
 * @param window            the production window
 * @param windowRecords     traffic records in the window (the population sampled from)
 * @param evalCases         cases in the set version (the population sampled from)
 * @param evalSample        eval cases used
 * @param productionSample  production records scored
 * @param referenceSample   further production records drawn as the coverage reference (0 without coverage)
 * @param sampleRule        how the samples were drawn, in words
 * @param embedder          the embedder that produced the vectors ({@code provided} for the user's own)
 * @param seed              seed of samples, folds, bootstrap, permutations and k-means
 * @param options           the options the figures were computed with (folds, resamples, confidence,
 *                          permutations, topics; its seed is {@code seed}), so that a stored result can be
 *                          matched to a request
 * @param figures           every figure: C2ST, coverage, topics, segments
 * @param verdict           one plain-language line
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
        int referenceSample,
        String sampleRule,
        String embedder,
        long seed,
        GapOptions options,
        GapFigures figures,
        String verdict,
        Provenance provenance) {
}
