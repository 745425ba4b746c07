package dev.evalgap.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded stratified k-fold assignment: every class is spread over the folds as evenly as
 * possible, so each fold has (within one row) the class proportions of the whole sample [1].
 *
 * <p>Algorithm: the classes are taken in ascending label order; the row indices of each class
 * (in row order) are shuffled by Fisher–Yates [2] with a {@link SplittableRandom} seeded from
 * {@link #seed()}, then dealt round-robin to the folds. The dealing continues across classes
 * where the previous class stopped, so per-class counts in two folds differ by at most one and so
 * do fold sizes. The assignment depends only on the labels, the number of folds and the seed.
 * (The fold contents differ from scikit-learn's {@code StratifiedKFold(shuffle=True)}, which uses
 * NumPy's generator; the properties are the same.)
 *
 * <p>Degenerate cases: every class present must have at least {@code k} members (so each fold
 * holds every class and each training part, the other folds, holds every class too); otherwise
 * {@link IllegalArgumentException}.
 *
 * <p>References:
 * <ol>
 *   <li>R. Kohavi, "A study of cross-validation and bootstrap for accuracy estimation and model
 *       selection", IJCAI 1995, 1137–1143.</li>
 *   <li>D. E. Knuth, The Art of Computer Programming, vol. 2, 3rd ed., section 3.4.2,
 *       Algorithm P (shuffling).</li>
 * </ol>
 */
public final class StratifiedFolds {

    /** Default number of folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;

    private static final StratifiedFolds DEFAULT = new StratifiedFolds(DEFAULT_FOLDS, DEFAULT_SEED);

    private final int folds;
    private final long seed;

    private StratifiedFolds(int folds, long seed) {
        this.folds = folds;
        this.seed = seed;
    }

    /**
     * 5 folds, seed 0.
     *
     * @return the default instance
     */
    public static StratifiedFolds withDefaults() {
        return DEFAULT;
    }

    /**
     * @param k number of folds, &ge; 2
     * @return a copy with k folds
     */
    public StratifiedFolds withFolds(int k) {
        return new StratifiedFolds(Arguments.checkAtLeast("folds", 2, k), seed);
    }

    /**
     * @param s the seed
     * @return a copy with this seed
     */
    public StratifiedFolds withSeed(long s) {
        return new StratifiedFolds(folds, s);
    }

    /** @return the number of folds */
    public int folds() {
        return folds;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * Assigns each row to a fold.
     *
     * @param labels class label of each row, &ge; 0 (any number of classes)
     * @return the fold, in {@code [0, folds)}, of each row
     * @throws IllegalArgumentException if there are no rows, a label is negative or a class has
     *                                  fewer than {@code folds} members
     */
    public int[] assign(int[] labels) {
        return assign(labels, new SplittableRandom(seed));
    }

    /** As {@link #assign(int[])} with the given generator (advanced by the call). */
    int[] assign(int[] labels, SplittableRandom rng) {
        final int n = labels.length;
        if (n == 0) {
            throw Arguments.error(Arguments.EMPTY, "labels");
        }
        Arguments.checkNonNegativeLabels(labels);
        final int[] sorted = labels.clone();
        Arrays.sort(sorted);
        // Validate class sizes before drawing anything
        for (int start = 0; start < n;) {
            int end = start;
            while (end < n && sorted[end] == sorted[start]) {
                end++;
            }
            if (end - start < folds) {
                throw Arguments.error(Arguments.CLASS_TOO_SMALL, sorted[start], end - start, folds);
            }
            start = end;
        }
        final int[] fold = new int[n];
        final int[] members = new int[n];
        int next = 0;
        for (int start = 0; start < n;) {
            final int label = sorted[start];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == label) {
                    members[m++] = i;
                }
            }
            // Fisher-Yates
            for (int i = m - 1; i > 0; i--) {
                final int j = rng.nextInt(i + 1);
                final int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int t = 0; t < m; t++) {
                fold[members[t]] = next;
                next = next + 1 == folds ? 0 : next + 1;
            }
            start += m;
        }
        return fold;
    }

    /**
     * As {@link #assign(int[], SplittableRandom)}, but rows of one group always share a fold, so no
     * model is tested on a row whose identical twin it was trained on. Groups are taken largest
     * first (ties in seeded random order); a group of one class goes to the fold holding the fewest
     * rows of that class, a group of several classes to the fold holding the fewest rows (lowest
     * fold index on ties). When every group is a single row this is exactly
     * {@link #assign(int[], SplittableRandom)}.
     *
     * @param labels class label of each row, &ge; 0
     * @param groups group of each row, &ge; 0
     * @throws IllegalArgumentException if a fold, or the training part of a fold, misses a class
     */
    int[] assignGrouped(int[] labels, int[] groups, SplittableRandom rng) {
        final int n = labels.length;
        int groupCount = 0;
        int classes = 0;
        for (int i = 0; i < n; i++) {
            groupCount = Math.max(groupCount, groups[i] + 1);
            classes = Math.max(classes, labels[i] + 1);
        }
        if (groupCount == n) {
            return assign(labels, rng);
        }
        final int[] size = new int[groupCount];
        final int[] groupLabel = new int[groupCount];
        Arrays.fill(groupLabel, -1);
        for (int i = 0; i < n; i++) {
            final int g = groups[i];
            size[g]++;
            groupLabel[g] = groupLabel[g] == -1 || groupLabel[g] == labels[i] ? labels[i] : -2;
        }
        final Integer[] order = new Integer[groupCount];
        for (int g = 0; g < groupCount; g++) {
            order[g] = g;
        }
        for (int i = groupCount - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(size[y], size[x]));
        final int[] groupFold = new int[groupCount];
        final long[][] perClass = new long[folds][classes];
        final long[] total = new long[folds];
        final int[][] rowsByGroup = rowsByGroup(groups, size);
        for (final int g : order) {
            int best = 0;
            for (int f = 1; f < folds; f++) {
                final long load = groupLabel[g] >= 0 ? perClass[f][groupLabel[g]] : total[f];
                final long bestLoad = groupLabel[g] >= 0 ? perClass[best][groupLabel[g]] : total[best];
                if (load < bestLoad) {
                    best = f;
                }
            }
            groupFold[g] = best;
            for (final int row : rowsByGroup[g]) {
                perClass[best][labels[row]]++;
            }
            total[best] += size[g];
        }
        final long[] classTotal = new long[classes];
        for (final int label : labels) {
            classTotal[label]++;
        }
        for (int f = 0; f < folds; f++) {
            for (int c = 0; c < classes; c++) {
                if (classTotal[c] > 0 && (perClass[f][c] == 0 || perClass[f][c] == classTotal[c])) {
                    throw Arguments.error(Arguments.CLASS_TOO_SMALL, c, classTotal[c], folds);
                }
            }
        }
        final int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = groupFold[groups[i]];
        }
        return fold;
    }

    private static int[][] rowsByGroup(int[] groups, int[] size) {
        final int[][] rows = new int[size.length][];
        final int[] filled = new int[size.length];
        for (int g = 0; g < size.length; g++) {
            rows[g] = new int[size[g]];
        }
        for (int i = 0; i < groups.length; i++) {
            rows[groups[i]][filled[groups[i]]++] = i;
        }
        return rows;
    }
}
