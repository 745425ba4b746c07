package dev.evalgap.gap;

import dev.evalgap.Provenance;

/**
 * The gap between two matrices of precomputed vectors ({@code evalgap gap --vectors A B}).
 *
 * @param evalFile        the eval-side file (A)
 * @param productionFile  the production-side file (B)
 * @param evalItems       rows of A
 * @param productionItems rows of B
 * @param dimension       columns
 * @param seed            seed of every randomized step
 * @param figures         the same figures as a workspace gap (topics without keywords: there are no texts)
 * @param verdict         one plain-language line
 * @param provenance      evalgap and Java versions, time of computation
 */
public record VectorGapResult(
        String evalFile,
        String productionFile,
        int evalItems,
        int productionItems,
        int dimension,
        long seed,
        GapFigures figures,
        String verdict,
        Provenance provenance) {

    public static VectorGapResult compute(String evalFile, float[][] a, String productionFile, float[][] b,
                                          GapOptions options, dev.evalgap.Progress progress) {
        if (a.length == 0 || b.length == 0 || a[0].length != b[0].length) {
            throw new IllegalArgumentException("--vectors: " + evalFile + " has " + a.length + " x "
                    + (a.length == 0 ? 0 : a[0].length) + ", " + productionFile + " has " + b.length + " x "
                    + (b.length == 0 ? 0 : b[0].length) + "; both need rows of the same dimension");
        }
        GapFigures figures = GapStatistics.compute(GapSamples.ofVectors(a, b, options.seed()), options, progress);
        return new VectorGapResult(evalFile, productionFile, a.length, b.length, a[0].length, options.seed(), figures,
                Verdict.of("vectors", figures), Provenance.now());
    }
}
