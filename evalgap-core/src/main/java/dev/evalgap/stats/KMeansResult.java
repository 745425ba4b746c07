package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Result of {@link KMeans#fit(float[][])}: the labels of the rows, the centroids and the figures
 * of the best run. Equality compares array contents.
 *
 * <p>The arrays belong to the record and are not copied (the record is built once from fresh
 * arrays, and copies would cost time on every access); treat them as read-only.
 *
 * @param k          number of clusters
 * @param labels     cluster of every row, in [0, k); the nearest centroid of the row (the first
 *                   on ties)
 * @param centroids  k rows: the mean of each cluster's rows
 * @param inertia    \(\sum_i \lVert x_i - c_{\ell_i} \rVert^2\) of the best run
 * @param iterations Lloyd iterations of the best run
 * @param seed       the seed of the fit
 * @param nInit      number of initialisations the best run was chosen from
 */
public record KMeansResult(
    int k,
    int[] labels,
    float[][] centroids,
    double inertia,
    int iterations,
    long seed,
    int nInit) {

    /** @throws NullPointerException if an array is null */
    public KMeansResult {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(centroids, "centroids");
    }

    /**
     * Assigns new rows to the nearest centroid (the first on ties), with the arithmetic of the
     * fit: the rows the model was fitted on get {@link #labels()}.
     *
     * @param x rows of the centroids' dimension, finite
     * @return the cluster of every row
     * @throws IllegalArgumentException on ragged or non-finite rows or a dimension mismatch
     */
    public int[] assign(float[][] x) {
        return KMeans.assign(centroids, x);
    }

    /** @return the number of rows in each cluster */
    public int[] sizes() {
        final int[] out = new int[k];
        for (final int l : labels) {
            out[l]++;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KMeansResult)) {
            return false;
        }
        final KMeansResult r = (KMeansResult) o;
        return k == r.k && Arrays.equals(labels, r.labels) && Arrays.deepEquals(centroids, r.centroids)
            && Double.compare(inertia, r.inertia) == 0 && iterations == r.iterations && seed == r.seed
            && nInit == r.nInit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, Arrays.hashCode(labels), Arrays.deepHashCode(centroids), inertia, iterations,
            seed, nInit);
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k + ", n=" + labels.length + ", sizes=" + Arrays.toString(sizes())
            + ", inertia=" + inertia + ", iterations=" + iterations + ", seed=" + seed + ", nInit=" + nInit + "]";
    }
}
