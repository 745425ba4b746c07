package dev.evalgap.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * n pairs \((x_i, y_i)\) reduced to all that a rank correlation reads: the dense rank of every value (0
 * for the smallest; values equal by {@link Double#compare} share a rank), with working arrays sized once.
 * {@link RankCorrelation} ranks the data once and draws every bootstrap resample into one more instance
 * ({@link #drawFrom}): a resampled value is a value of the data, so its rank orders and ties it exactly as
 * the value does, and a resample needs no sorting of doubles and no allocation. Spearman's \(\rho\) then
 * costs \(O(n + k)\) (k distinct values, by counting) and Kendall's \(\tau_b\) \(O(n \log n)\) (Knight's
 * merge sort).
 *
 * <p>Each statistic overwrites the working arrays: one instance serves one thread.
 */
final class RankedPairs {

    private final int[] x;
    private final int[] y;
    /** Values per rank; Kendall's \(\tau_b\) turns them into positions of the ranks in sorted order. */
    private final int[] xCount;
    private final int[] yCount;
    private final double[] xMidrank;
    private final double[] yMidrank;
    private final int[] byY;
    private final int[] byXThenY;
    private final int[] ySequence;
    private final int[] mergeBuffer;

    private RankedPairs(int[] x, int xLevels, int[] y, int yLevels) {
        this.x = x;
        this.y = y;
        final int n = x.length;
        xCount = new int[xLevels];
        yCount = new int[yLevels];
        xMidrank = new double[xLevels];
        yMidrank = new double[yLevels];
        byY = new int[n];
        byXThenY = new int[n];
        ySequence = new int[n];
        mergeBuffer = new int[n];
    }

    /**
     * @param x first variable, finite
     * @param y second variable, finite, as long as x
     * @return the pairs ranked
     */
    static RankedPairs of(double[] x, double[] y) {
        final int[] rx = denseRanks(x);
        final int[] ry = denseRanks(y);
        return new RankedPairs(rx, levels(rx), ry, levels(ry));
    }

    /** @return an instance of the same size and ranks, to draw resamples of this one into */
    RankedPairs resampleBuffer() {
        return new RankedPairs(new int[x.length], xCount.length, new int[y.length], yCount.length);
    }

    /**
     * Overwrites these pairs with as many pairs drawn with replacement from {@code source}, the i-th
     * pair being the pair {@code rng.nextInt(n)} of the source.
     */
    void drawFrom(RankedPairs source, SplittableRandom rng) {
        final int n = x.length;
        for (int i = 0; i < n; i++) {
            final int j = rng.nextInt(n);
            x[i] = source.x[j];
            y[i] = source.y[j];
        }
    }

    /**
     * Spearman's \(\rho\): the Pearson correlation of the midranks.
     *
     * @return \(\rho\), or NaN with fewer than 2 pairs or a constant variable
     */
    double spearman() {
        final int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        midranks(x, xCount, xMidrank);
        midranks(y, yCount, yMidrank);
        // Both midrank vectors have mean (n + 1) / 2
        final double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            final double dx = xMidrank[x[i]] - mean;
            final double dy = yMidrank[y[i]] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return clamp(sxy / Math.sqrt(sxx * syy));
    }

    /**
     * Kendall's \(\tau_b\) by Knight's algorithm with SciPy's treatment of ties: with \(n_1\), \(n_2\) the
     * pairs tied in x, in y, and \(n_3\) those tied in both, a pair is concordant, discordant, or tied in
     * x or y, so \(n_0 = n_c + n_d + n_1 + n_2 - n_3\) and \(n_c - n_d = n_0 - n_1 - n_2 + n_3 - 2 n_d\).
     * Ordered by (x, y), the discordant pairs are exactly the pairs out of order in y (a later element
     * with a strictly smaller y; pairs tied in x are in y-order), and a merge sort of the y sequence
     * counts them as its exchanges.
     *
     * @return \(\tau_b\), or NaN with fewer than 2 pairs or a constant variable
     */
    double kendallTauB() {
        final int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        final long n0 = (long) n * (n - 1) / 2;
        // the counts first: orderByXThenY turns them into positions
        final long n1 = tiedPairs(x, xCount);
        final long n2 = tiedPairs(y, yCount);
        final double denominator = Math.sqrt((double) (n0 - n1) * (n0 - n2));
        if (denominator == 0) {
            return Double.NaN;
        }
        final long n3 = orderByXThenY();
        final long discordant = sortCountingExchanges(ySequence, mergeBuffer);
        return clamp((n0 - n1 - n2 + n3 - 2 * discordant) / denominator);
    }

    /**
     * Fills {@link #ySequence} with the y ranks in the order of (x, y), by two stable counting sorts
     * (by y, then by x).
     *
     * @return the pairs tied in both x and y
     */
    private long orderByXThenY() {
        final int n = x.length;
        toStartPositions(yCount);
        for (int i = 0; i < n; i++) {
            byY[yCount[y[i]]++] = i;
        }
        toStartPositions(xCount);
        for (final int i : byY) {
            byXThenY[xCount[x[i]]++] = i;
        }
        long joint = 0;
        int run = 1;
        ySequence[0] = y[byXThenY[0]];
        for (int p = 1; p < n; p++) {
            final int i = byXThenY[p];
            final int previous = byXThenY[p - 1];
            ySequence[p] = y[i];
            if (x[i] == x[previous] && y[i] == y[previous]) {
                run++;
            } else {
                joint += pairs(run);
                run = 1;
            }
        }
        return joint + pairs(run);
    }

    /**
     * Bottom-up merge sort (Knight's step 2). Taking an element from the right run ahead of the m
     * elements left in the left run exchanges it with each of them: the exchanges add up to the pairs
     * {@code i < j} with {@code a[i] > a[j]}. Equal elements are never exchanged.
     *
     * @param a      the sequence, overwritten
     * @param buffer as long as {@code a}, overwritten
     * @return the number of exchanges
     */
    private static long sortCountingExchanges(int[] a, int[] buffer) {
        final int n = a.length;
        int[] from = a;
        int[] to = buffer;
        long exchanges = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                final int middle = Math.min(low + width, n);
                final int high = Math.min(low + 2 * width, n);
                int i = low;
                int j = middle;
                int k = low;
                while (i < middle && j < high) {
                    if (from[j] < from[i]) {
                        exchanges += middle - i;
                        to[k++] = from[j++];
                    } else {
                        to[k++] = from[i++];
                    }
                }
                System.arraycopy(from, i, to, k, middle - i);
                System.arraycopy(from, j, to, k + middle - i, high - j);
            }
            final int[] swap = from;
            from = to;
            to = swap;
        }
        return exchanges;
    }

    /** Counts the values per rank into {@code count}; returns \(\sum_r c_r(c_r - 1)/2\), the tied pairs. */
    private static long tiedPairs(int[] ranks, int[] count) {
        countRanks(ranks, count);
        long tied = 0;
        for (final int c : count) {
            tied += pairs(c);
        }
        return tied;
    }

    /**
     * Ranks 1..n, tied values getting the mean of the ranks they span: the c values of a rank with b
     * values below it span ranks b + 1..b + c, mean b + (c + 1) / 2.
     */
    private static void midranks(int[] ranks, int[] count, double[] midrank) {
        countRanks(ranks, count);
        int below = 0;
        for (int r = 0; r < count.length; r++) {
            midrank[r] = below + (count[r] + 1) / 2.0;
            below += count[r];
        }
    }

    private static void countRanks(int[] ranks, int[] count) {
        Arrays.fill(count, 0);
        for (final int r : ranks) {
            count[r]++;
        }
    }

    /** Turns counts per rank into the position of each rank's first element in sorted order. */
    private static void toStartPositions(int[] count) {
        int start = 0;
        for (int r = 0; r < count.length; r++) {
            final int c = count[r];
            count[r] = start;
            start += c;
        }
    }

    private static long pairs(long c) {
        return c * (c - 1) / 2;
    }

    /** 0 for the smallest value, equal values (by {@link Double#compare}) sharing a rank. */
    private static int[] denseRanks(double[] values) {
        // Arrays.sort and Arrays.binarySearch order doubles as Double.compare does
        final double[] distinct = values.clone();
        Arrays.sort(distinct);
        int levels = 0;
        for (final double v : distinct) {
            if (levels == 0 || Double.compare(distinct[levels - 1], v) != 0) {
                distinct[levels++] = v;
            }
        }
        final int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = Arrays.binarySearch(distinct, 0, levels, values[i]);
        }
        return ranks;
    }

    private static int levels(int[] ranks) {
        int max = -1;
        for (final int r : ranks) {
            max = Math.max(max, r);
        }
        return max + 1;
    }

    /** Rounding can push a perfect correlation a hair past ±1. */
    private static double clamp(double r) {
        return Math.max(-1, Math.min(1, r));
    }
}
