package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The number of clusters chosen by {@link KMeans#chooseK(float[][], int, int, long)}, with the
 * score of every candidate. Equality compares array contents.
 *
 * @param k           the chosen number of clusters: the largest mean silhouette, the smallest k
 *                    on ties
 * @param kMin        smallest candidate
 * @param kMax        largest candidate actually tried (the requested one, clipped to
 *                    {@code sampleSize - 1})
 * @param silhouettes mean silhouette of the clustering with {@code kMin + i} clusters at index i;
 *                    in [-1, 1]; owned by the record, read-only
 * @param sampleSize  rows in the subsample the silhouettes were computed on
 * @param n           rows offered
 * @param nInit       k-means initialisations per candidate
 * @param seed        seed of the subsample and the k-means runs
 * @param rule        the rule, in words ({@link #RULE})
 */
public record KSelection(
    int k,
    int kMin,
    int kMax,
    double[] silhouettes,
    int sampleSize,
    int n,
    int nInit,
    long seed,
    String rule) {

    /** The rule of {@link KMeans#chooseK}, in words. */
    public static final String RULE = "k = the candidate in [kMin, kMax] with the largest mean silhouette "
        + "(Euclidean distances; s(i) = (b - a) / max(a, b), 0 in singleton clusters) of a seeded uniform "
        + "subsample of min(n, " + KMeans.CHOOSE_K_SAMPLE + ") rows clustered by k-means (k-means++, best of "
        + KMeans.CHOOSE_K_N_INIT + " initialisations); the smallest k on ties";

    /** @throws NullPointerException if an argument is null */
    public KSelection {
        Objects.requireNonNull(silhouettes, "silhouettes");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param candidate a k in [kMin, kMax]
     * @return its mean silhouette
     * @throws IndexOutOfBoundsException outside the range
     */
    public double silhouette(int candidate) {
        return silhouettes[Objects.checkIndex(candidate - kMin, silhouettes.length)];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KSelection)) {
            return false;
        }
        final KSelection r = (KSelection) o;
        return k == r.k && kMin == r.kMin && kMax == r.kMax && Arrays.equals(silhouettes, r.silhouettes)
            && sampleSize == r.sampleSize && n == r.n && nInit == r.nInit && seed == r.seed && rule.equals(r.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, kMin, kMax, Arrays.hashCode(silhouettes), sampleSize, n, nInit, seed, rule);
    }

    @Override
    public String toString() {
        return "KSelection[k=" + k + ", kMin=" + kMin + ", kMax=" + kMax + ", silhouettes="
            + Arrays.toString(silhouettes) + ", sampleSize=" + sampleSize + ", n=" + n + ", nInit=" + nInit
            + ", seed=" + seed + "]";
    }
}
