package dev.evalgap.gap;

import java.util.List;

/**
 * The vectors a gap is computed on.
 *
 * @param eval             eval-set vectors
 * @param evalTexts        their texts, or null (precomputed vectors without texts)
 * @param production       the scored production vectors
 * @param productionTexts  their texts, or null; in both text lists a {@code null} entry is a text that
 *                         must not be shown (a sealed case, or a text revealing one)
 * @param weights          production weights, or null when unweighted
 * @param segments         production segments, or null
 * @param coverageProduction the production items whose coverage is scored ({@code production} itself
 *                         in a workspace; with precomputed vectors the rows not drawn as reference)
 * @param coverageEval     the eval vectors coverage compares against (the eval set, or a same-sized
 *                         subset of it when production is too small for a full-size reference)
 * @param reference        an independent production sample, disjoint from {@code coverageProduction},
 *                         with as many rows as {@code coverageEval}; null to skip coverage
 */
public record GapSamples(
        float[][] eval,
        List<String> evalTexts,
        float[][] production,
        List<String> productionTexts,
        double[] weights,
        String[] segments,
        float[][] coverageProduction,
        float[][] coverageEval,
        float[][] reference) {

    /** Whether coverage scores exactly the production rows (so per-item flags line up with topics). */
    boolean coverageOnProduction() {
        return coverageProduction == production;
    }

    /**
     * Precomputed vectors without texts: a = eval set, b = production. The statistics run on all of a
     * and b; coverage needs a production reference disjoint from the scored rows and as large as the
     * eval side, so r = min(|a|, ⌊|b|/2⌋) seeded random rows of b are the reference, the other rows of
     * b are scored, and r seeded random rows of a (all of a when r = |a|) are the eval side.
     */
    public static GapSamples ofVectors(float[][] a, float[][] b, long seed) {
        int r = Math.min(a.length, b.length / 2);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int[] orderB = permutation(b.length, rng);
        float[][] reference = new float[r][];
        float[][] scored = new float[b.length - r][];
        for (int i = 0; i < b.length; i++) {
            if (i < r) {
                reference[i] = b[orderB[i]];
            } else {
                scored[i - r] = b[orderB[i]];
            }
        }
        float[][] evalSide = a;
        if (r < a.length) {
            int[] orderA = permutation(a.length, rng);
            evalSide = new float[r][];
            for (int i = 0; i < r; i++) {
                evalSide[i] = a[orderA[i]];
            }
        }
        return new GapSamples(a, null, b, null, null, null, r > 0 ? scored : null, r > 0 ? evalSide : null,
                r > 0 ? reference : null);
    }

    private static int[] permutation(int n, java.util.SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
