package dev.evalgap.stats;

/**
 * Cosine distance \(1 - u \cdot v\) between rows scaled to unit length, and nearest neighbours by it, in
 * the {@code float} SIMD arithmetic of the dense dot products ({@link BlockedDots}). The coverage statistic
 * and refresh suggestions both use it, so "farther than the coverage threshold" means the same distances
 * in both.
 */
public final class CosineDistance {

    static final String ZERO_NORM = "%s: row %d has norm 0; its cosine distance is undefined";

    private CosineDistance() {
    }

    /**
     * @param name for errors
     * @return the rows scaled to unit Euclidean norm (the norm computed in {@code double})
     * @throws IllegalArgumentException naming the row when a row has norm 0 or is not finite
     */
    public static float[][] unit(String name, float[][] x) {
        final float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            final float[] row = x[i];
            double s = 0;
            for (final float v : row) {
                s += (double) v * v;
            }
            if (!(s > 0)) {
                throw Arguments.error(ZERO_NORM, name, i);
            }
            final double inv = 1 / Math.sqrt(s);
            final float[] u = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                u[j] = (float) (row[j] * inv);
            }
            out[i] = u;
        }
        return out;
    }

    /**
     * \(\min_c (1 - q \cdot c)\) over the unit candidate rows, clipped to [0, 2], for every unit query row,
     * and the index of the nearest candidate (the first on ties); the same for any number of threads.
     *
     * @param nearest out: the nearest candidate of every query (length &ge; queries)
     */
    public static double[] nearest(float[][] queries, float[][] candidates, int[] nearest, int threads) {
        final float[] best = new float[queries.length];
        BlockedDots.maxDots(queries, candidates, candidates[0].length, best, nearest, threads);
        final double[] out = new double[queries.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = distance(best[i]);
        }
        return out;
    }

    /** \(1 - u \cdot v\) of two unit rows, clipped to [0, 2], with exactly the arithmetic of {@link #nearest}. */
    public static double between(float[] u, float[] v) {
        return distance(BlockedDots.dot(u, v));
    }

    private static double distance(float dot) {
        return Math.min(2, Math.max(0, 1 - (double) dot));
    }
}
