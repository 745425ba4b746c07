package dev.evalgap.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * Kernel two-sample test [1]: the unbiased squared maximum mean discrepancy between two samples
 * under a Gaussian kernel, with a permutation p-value.
 *
 * <p>Definitions ({@link #test(float[][], float[][])}), for sample a = \(x_1..x_m\) and sample
 * b = \(y_1..y_n\) of the same dimension:
 * <ol>
 *   <li>Kernel \(k(u, v) = \exp(-\lVert u - v\rVert^2 / (2\sigma^2))\). Bandwidth (default, the
 *       <em>median rule</em>): \(\sigma\) = median of \(\lVert z_i - z_j\rVert\) over all
 *       \(N(N-1)/2\) pairs \(i &lt; j\) of the <em>pooled</em> sample \(z = a \cup b\),
 *       \(N = m + n\); with an even number of pairs, the mean of the two middle values. If that
 *       median is 0 (more than half of the pooled pairs are identical rows), \(\sigma = 1\) is
 *       used and {@link MmdResult#sigmaFallback()} says so. {@link #withBandwidth(double)} fixes
 *       \(\sigma\) instead; the result records which rule was used.</li>
 *   <li>Statistic, the unbiased U-statistic of [1, eq. 3]:
 *       \[\mathrm{MMD}^2_u = \frac{1}{m(m-1)}\sum_{i \ne j} k(x_i, x_j)
 *       + \frac{1}{n(n-1)}\sum_{i \ne j} k(y_i, y_j) - \frac{2}{mn}\sum_{i,j} k(x_i, y_j).\]
 *       Its expectation is 0 when both samples come from one distribution, so it can be slightly
 *       negative.</li>
 *   <li>p-value: B (default 1000) uniform random relabellings of the pooled sample, each
 *       choosing which m of the N rows form "a" (the other n form "b"), and
 *       \(p = (1 + \#\{\text{permuted} \ge \text{observed}\}) / (1 + B)\) [2], so
 *       \(1/(B+1) \le p \le 1\); p is never 0. The kernel and its bandwidth are computed once
 *       on the pooled sample and kept for every relabelling. p is resolved to about
 *       \(1/B\): it is a Monte-Carlo estimate of the exact permutation p-value with standard
 *       error \(\sqrt{p(1-p)/B}\).</li>
 * </ol>
 * These are the conventions of the reference peer {@code drift_peer.py} (NumPy); \(\sigma\) and
 * \(\mathrm{MMD}^2_u\) agree with it to rounding, p to Monte-Carlo error (the random streams
 * differ).
 *
 * <p>Numerics. Squared distances are computed as
 * \(\lVert z_i\rVert^2 + \lVert z_j\rVert^2 - 2\,z_i \cdot z_j\) (clamped at 0; exact duplicates
 * give exactly 0 because the norms use the same arithmetic as the dot products) from
 * {@code float} dot products in SIMD lanes ({@link BlockedDots}), and stored as floats for the
 * \(N(N-1)/2\) pairs (4 bytes a pair). Every stored value is within a proven bound of the exact
 * (double-precision) distance: about \(10^{-5}\) of the largest squared norm in 384 dimensions,
 * in practice about \(10^{-7}\) of the distance. The median is exact nonetheless: the order
 * statistics of the stored floats are found by radix selection on their bit patterns, without
 * sorting or copying them (the top 15 bits are counted while the distances are computed, the low
 * 16 bits in one more pass); the exact order statistic lies within the bound of the stored one,
 * so one last pass recomputes in double precision the few pairs stored within twice the bound of
 * it (about 20,000 of 50 million at N = 10,000) and ranks them. The observed statistic is summed
 * in double precision (compensated across blocks) from the stored distances, with a kernel
 * evaluated to a relative \(10^{-13}\) (in SIMD lanes, see {@code exp}); below {@value #EXACT_KERNEL_WORK}
 * multiply-adds \(N^2 d\) every distance is recomputed in double precision first, so small
 * samples get \(\mathrm{MMD}^2_u\) to rounding. Measured against the double-precision
 * computation and the reference peer at 5,000 vs 5,000 rows of 384 (three pairs of samples), the
 * statistic differs by about \(10^{-11}\) (relative \(6 \cdot 10^{-9}\) to
 * \(4.5 \cdot 10^{-7}\), the latter for two samples of one distribution, whose statistic is
 * itself near 0) while its null spread is about \(3 \cdot 10^{-5}\). For
 * the permutations the kernel is then rounded once to a multiple of \(2^{-20}\) (stored as an
 * int, in place of the distances); every permuted sum is an exact integer sum of these values, so
 * the permuted statistics do not depend on summation order, and the observed labelling (and, when
 * \(m = n\), its mirror image) ties exactly with itself. The p-value is therefore the exact
 * permutation p-value of a kernel that differs from the Gaussian one by at most
 * \(2^{-21} \approx 5 \cdot 10^{-7}\) per entry. That moves a statistic by at most
 * \(4 \cdot 2^{-21}\) and in practice by far less, as the rounding errors cancel in the
 * averages (at N = 10,000 the null spread is about \(3 \cdot 10^{-5}\)); the null summaries in
 * the result are computed from these statistics.
 *
 * <p>Cost. Memory is about \(2N^2\) bytes (200 MB at N = 10,000); at most
 * {@value #MAX_POOLED_ROWS} pooled rows are accepted. Time is dominated by the
 * \(N^2 d / 2\) multiply-adds of the distances (in float, in SIMD lanes) and by the
 * permutations: for every group of 36 pooled rows the 64 subset sums of each six of their kernel
 * rows are tabulated once, and each relabelling then adds the six tabulated sums its membership
 * bits select in one pass over its accumulators (the "four Russians" method [3]), about
 * \(N^2 B / 12\) int additions in SIMD lanes instead of \(N^2 B / 2\) multiply-adds. This loop is
 * bound by loads and stores, so six tables a pass (7 loads and 1 store per 36 rows, against 8 and 2
 * with three tables of 18 rows) make it about 15% faster. Work is split into fixed blocks run on up to
 * {@linkplain #withThreads(int) 2 threads}; every block writes its own results and the blocks are
 * combined in a fixed order (integer sums are exact), so the result is the same for any number of
 * threads. Measured on 2 cores (AVX-512, JDK 17, with the JVM options of {@code ./evalgap}),
 * 5,000 vs 5,000 rows of 384, B = 1000, after the JIT has compiled the code: about 1.0 s
 * (distances 0.45 s, median 0.05 s, kernel 0.1 s, permutations 0.35 s) and 200 MB of heap; the
 * first call in a fresh JVM takes about 0.4 s more.
 *
 * <p>Randomness: one {@link SplittableRandom} is created from the seed on each call; its first
 * {@link SplittableRandom#split() split} draws the relabellings, in order, each by a partial
 * Fisher–Yates shuffle of the pooled indices. The same seed on the same data gives the same
 * result. Swapping a and b gives the same \(\sigma\) and \(\mathrm{MMD}^2_u\) (to rounding of the
 * sums) but other relabellings.
 *
 * <p>Degenerate cases: each sample needs at least 2 rows (the statistic divides by \(m(m-1)\)),
 * rows must have one dimension &ge; 1 and finite values, and squared distances must stay below
 * {@link Float#MAX_VALUE}; otherwise {@link IllegalArgumentException}. Identical samples are
 * allowed (the statistic is then near 0 and p is large).
 *
 * <p>References:
 * <ol>
 *   <li>A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf and A. Smola, "A kernel two-sample
 *       test", Journal of Machine Learning Research 13 (2012) 723–773, eq. (3) and section 8
 *       (median heuristic). https://jmlr.org/papers/v13/gretton12a.html</li>
 *   <li>B. Phipson and G. K. Smyth, "Permutation p-values should never be zero", Statistical
 *       Applications in Genetics and Molecular Biology 9 (2010) article 39.
 *       doi:10.2202/1544-6115.1585</li>
 *   <li>V. L. Arlazarov, E. A. Dinic, M. A. Kronrod and I. A. Faradzev, "On economical
 *       construction of the transitive closure of an oriented graph", Soviet Mathematics
 *       Doklady 11 (1970) 1209–1210.</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 * </ol>
 */
public final class MmdPermutationTest {

    /** How the kernel bandwidth \(\sigma\) is chosen. */
    public enum Bandwidth {
        /**
         * \(\sigma\) = median distance over all pairs of the pooled sample (mean of the two middle
         * values for an even number of pairs); 1 if that median is 0.
         */
        MEDIAN_HEURISTIC,
        /** \(\sigma\) fixed by {@link MmdPermutationTest#withBandwidth(double)}. */
        FIXED
    }

    /** Default number of permutations B. */
    public static final int DEFAULT_PERMUTATIONS = 1000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;
    /** Default number of worker threads. */
    public static final int DEFAULT_THREADS = 2;
    /** Largest pooled sample m + n accepted (memory grows as \(2N^2\) bytes: 2.1 GB here). */
    public static final int MAX_POOLED_ROWS = 32_768;

    /** The permutation kernel is rounded to multiples of 2^-KERNEL_BITS. */
    static final int KERNEL_BITS = 20;
    private static final double KERNEL_SCALE = 1 << KERNEL_BITS;

    /** Rows per task of the distance computation (against one block of columns). */
    private static final int GRAM_ROWS = 2048;
    /**
     * Up to this many multiply-adds for all pairs (N^2 d), the kernel pass recomputes every
     * squared distance in double precision.
     */
    static final long EXACT_KERNEL_WORK = 1L << 28;
    /** Pairs near the median whose exact distances are held at once. */
    private static final int MAX_WINDOW = 1 << 22;
    /** Pooled rows per SIMD lane block of the permutation sums. */
    private static final int PERM_TILE = 256;
    /** Relabellings per pass over the kernel (bounds the per-thread accumulators to 1 MB). */
    private static final int PERM_BATCH = 1024;
    /** Kernel rows per group of the permutation sums: six tables of six rows each. */
    private static final int GROUP_ROWS = 36;
    /**
     * Groups of GROUP_ROWS kernel rows added before the int accumulators are flushed to long:
     * 32 * 36 * 2^20 &lt; 2^31.
     */
    private static final int FLUSH_GROUPS = 32;
    /**
     * 1.5 * 2^52: adding and subtracting it rounds a double of magnitude &lt; 2^51 to the nearest
     * integer, ties to even, in the floating-point unit.
     */
    private static final double ROUNDING = 0x1.8p52;
    /**
     * Entries per array of the packed triangle (128 MB of ints): large enough that the JVM puts the
     * arrays straight into the old generation (the parallel collector does so for an array of at
     * least half of eden, G1 for one of at least half a region) instead of copying them out of the
     * young one (measured: 32 MB arrays cost two extra collections, 60 ms).
     */
    private static final int CHUNK_CAPACITY = 1 << 25;
    /** Row blocks of the kernel and selection passes (fixed, so sums do not depend on threads). */
    private static final int ROW_BLOCKS = 64;

    private static final String TOO_FEW_ROWS = "rows of %s";
    private static final String TOO_MANY_ROWS =
        "pooled sample has %d rows, more than the %d supported (memory grows as 2 N^2 bytes); test a sample";
    private static final String TOO_LARGE =
        "squared distances of %s would exceed the float range (a squared row norm is %s); rescale the rows";

    private static final MmdPermutationTest DEFAULT =
        new MmdPermutationTest(DEFAULT_PERMUTATIONS, DEFAULT_SEED, DEFAULT_THREADS, Double.NaN, EXACT_KERNEL_WORK,
            MAX_WINDOW);

    private final int permutations;
    private final long seed;
    private final int threads;
    /** Fixed sigma, or NaN for the median rule. */
    private final double bandwidth;
    /** Up to this many multiply-adds N^2 d, the kernel pass recomputes every distance exactly. */
    private final long exactKernelWork;
    /** Pairs near the median whose exact distances are held at once (beyond: radix selection). */
    private final int maxWindow;

    private MmdPermutationTest(int permutations, long seed, int threads, double bandwidth, long exactKernelWork,
                               int maxWindow) {
        this.permutations = permutations;
        this.seed = seed;
        this.threads = threads;
        this.bandwidth = bandwidth;
        this.exactKernelWork = exactKernelWork;
        this.maxWindow = maxWindow;
    }

    /**
     * B = 1000 permutations, seed 0, median-rule bandwidth, 2 threads.
     *
     * @return the default instance
     */
    public static MmdPermutationTest withDefaults() {
        return DEFAULT;
    }

    /**
     * @param b number of random relabellings B, &ge; 1; p is resolved to about 1/B
     * @return a copy with B permutations
     */
    public MmdPermutationTest withPermutations(int b) {
        return new MmdPermutationTest(Arguments.checkAtLeast("permutations", 1, b), seed, threads, bandwidth,
            exactKernelWork, maxWindow);
    }

    /**
     * @param s seed of the relabellings
     * @return a copy with this seed
     */
    public MmdPermutationTest withSeed(long s) {
        return new MmdPermutationTest(permutations, s, threads, bandwidth, exactKernelWork, maxWindow);
    }

    /**
     * @param n worker threads, &ge; 1; does not change the result
     * @return a copy using up to n threads
     */
    public MmdPermutationTest withThreads(int n) {
        return new MmdPermutationTest(permutations, seed, Arguments.checkAtLeast("threads", 1, n), bandwidth,
            exactKernelWork, maxWindow);
    }

    /**
     * @param sigma a fixed Gaussian kernel bandwidth, finite and &gt; 0, instead of the pooled
     *              median rule
     * @return a copy with this bandwidth ({@link Bandwidth#FIXED})
     */
    public MmdPermutationTest withBandwidth(double sigma) {
        return new MmdPermutationTest(permutations, seed, threads,
            Arguments.checkStrictlyPositive("bandwidth sigma", sigma), exactKernelWork, maxWindow);
    }

    /** @return a copy using the pooled median rule for the bandwidth (the default) */
    public MmdPermutationTest withMedianBandwidth() {
        return new MmdPermutationTest(permutations, seed, threads, Double.NaN, exactKernelWork, maxWindow);
    }

    /**
     * For tests: the size, in multiply-adds N^2 d, up to which every distance is recomputed in
     * double precision (default {@value #EXACT_KERNEL_WORK}).
     *
     * @param work 0 for the float distances always, Long.MAX_VALUE for exact ones always
     * @return a copy with this limit
     */
    MmdPermutationTest withExactKernelWork(long work) {
        return new MmdPermutationTest(permutations, seed, threads, bandwidth, work, maxWindow);
    }

    /**
     * For tests: how many pairs near the median are recomputed and ranked at once (default
     * {@value #MAX_WINDOW}); when more share the median's neighbourhood, radix selection on the exact
     * values takes over.
     *
     * @param pairs at least 1
     * @return a copy with this limit
     */
    MmdPermutationTest withMaxWindow(int pairs) {
        return new MmdPermutationTest(permutations, seed, threads, bandwidth, exactKernelWork,
            Arguments.checkAtLeast("window", 1, pairs));
    }

    /** @return the number of permutations B */
    public int permutations() {
        return permutations;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the maximum number of worker threads */
    public int threads() {
        return threads;
    }

    /** @return how the bandwidth is chosen */
    public Bandwidth bandwidthRule() {
        return Double.isNaN(bandwidth) ? Bandwidth.MEDIAN_HEURISTIC : Bandwidth.FIXED;
    }

    /** @return the fixed bandwidth, or NaN under the median rule */
    public double bandwidth() {
        return bandwidth;
    }

    /**
     * The statistic only (no permutations); equal to {@code test(a, b).mmd2()}.
     *
     * @param a sample a, rows
     * @param b sample b, rows of the same dimension
     * @return \(\mathrm{MMD}^2_u\)
     * @throws IllegalArgumentException on invalid samples (see the class description)
     */
    public double statistic(float[][] a, float[][] b) {
        validate(a, b);
        final Pooled p = new Pooled(a, b, threads);
        final double median = resolveSigma(p);
        return kernel(p, median > 0 ? median : 1.0, false).mmd2;
    }

    /**
     * Runs the test.
     *
     * @param a sample a, e.g. the eval set; rows, not modified
     * @param b sample b, e.g. production; rows of the same dimension, not modified
     * @return the result
     * @throws IllegalArgumentException on invalid samples (see the class description)
     */
    public MmdResult test(float[][] a, float[][] b) {
        final int d = validate(a, b);
        final Pooled p = new Pooled(a, b, threads);
        final double median = resolveSigma(p);
        final boolean fallback = !(median > 0);
        final double sigma = fallback ? 1.0 : median;
        final Observed obs = kernel(p, sigma, true);

        final SplittableRandom root = new SplittableRandom(seed);
        final long[] stats = permutationSums(p, obs.rowSums, root.split());
        final double observedFixed = fixedPointStatistic(obs.aaFixed, obs.zrFixed, obs.totalFixed, p.m, p.size);
        final double[] nulls = new double[permutations];
        int exceed = 0;
        for (int t = 0; t < permutations; t++) {
            final long aa = stats[2 * t];
            final long zr = stats[2 * t + 1];
            nulls[t] = fixedPointStatistic(aa, zr, obs.totalFixed, p.m, p.size);
            // Exact ties: the same labelling (or its mirror image when m = n) gives the same bits
            if (nulls[t] >= observedFixed) {
                exceed++;
            }
        }
        double sum = 0;
        for (final double v : nulls) {
            sum += v;
        }
        final double mean = sum / permutations;
        double ss = 0;
        for (final double v : nulls) {
            ss += (v - mean) * (v - mean);
        }
        final double sd = permutations > 1 ? Math.sqrt(ss / (permutations - 1)) : 0.0;
        Arrays.sort(nulls);
        final double q95 = Quantiles.type7(nulls, 0.95);
        final double pValue = (1.0 + exceed) / (1.0 + permutations);
        return new MmdResult(obs.mmd2, sigma, fallback,
            pValue, permutations, exceed, mean, sd, q95, p.m, p.size - p.m, d, seed, bandwidthRule());
    }

    // ------------------------------------------------------------------------------------------
    // validation

    private static int validate(float[][] a, float[][] b) {
        final int da = Arguments.checkMatrix("a", a);
        final int db = Arguments.checkMatrix("b", b);
        if (da != db) {
            throw Arguments.error(Arguments.DIMENSION_MISMATCH, da, db);
        }
        Arguments.checkAtLeast(String.format(TOO_FEW_ROWS, "a"), 2, a.length);
        Arguments.checkAtLeast(String.format(TOO_FEW_ROWS, "b"), 2, b.length);
        final long pooled = (long) a.length + b.length;
        if (pooled > MAX_POOLED_ROWS) {
            throw Arguments.error(TOO_MANY_ROWS, pooled, MAX_POOLED_ROWS);
        }
        return da;
    }

    // ------------------------------------------------------------------------------------------
    // pooled sample and squared distances

    /** The pooled sample and the packed upper triangle of its pairwise values. */
    private static final class Pooled {
        final float[][] rows;
        /** N = m + n. */
        final int size;
        final int m;
        final int d;
        /** Squared norms in double precision, for {@link #exactSquaredDistance}. */
        final double[] sq;
        /** Squared norms with the float arithmetic of {@link BlockedDots#dots}. */
        final double[] sqFloat;
        /** Bound on |stored - exact| of every pair's squared distance, see {@link #errorBound}. */
        final double bound;
        /**
         * Row i of the upper triangle, the pairs (i, j) with j &gt; i, is stored at
         * {@code values[chunk[i]][start[i] + j - i - 1]}: first the float bits of the squared
         * distances, later the fixed-point kernel. The rows are packed into a few large arrays (see
         * {@link #CHUNK_CAPACITY}).
         */
        final int[][] values;
        final int[] chunk;
        final int[] start;
        /** Row blocks [blocks[c], blocks[c+1]) with about equal numbers of pairs. */
        final int[] blocks;

        Pooled(float[][] a, float[][] b, int threads) {
            m = a.length;
            size = m + b.length;
            d = a[0].length;
            rows = new float[size][];
            System.arraycopy(a, 0, rows, 0, m);
            System.arraycopy(b, 0, rows, m, b.length);
            sq = new double[size];
            sqFloat = new double[size];
            double largest = 0;
            for (int i = 0; i < size; i++) {
                sq[i] = dot(rows[i], rows[i]);
                // (|u| + |v|)^2 <= 4 max |u|^2 must stay a finite float
                if (!(4 * sq[i] <= Float.MAX_VALUE)) {
                    throw Arguments.error(TOO_LARGE, i < m ? "a" : "b", sq[i]);
                }
                sqFloat[i] = BlockedDots.dot(rows[i], rows[i]);
                largest = Math.max(largest, sq[i]);
            }
            bound = errorBound(d, largest);
            chunk = new int[size];
            start = new int[size];
            final int[] lengths = new int[size];
            int chunks = 0;
            int used = 0;
            for (int i = 0; i < size; i++) {
                final int length = size - 1 - i;
                if (used > 0 && used + length > CHUNK_CAPACITY) {
                    lengths[chunks++] = used;
                    used = 0;
                }
                chunk[i] = chunks;
                start[i] = used;
                used += length;
            }
            lengths[chunks++] = used;
            values = new int[chunks][];
            // Allocation zeroes the memory: about 2 N^2 bytes, on all threads
            ParallelTasks.run(chunks, threads, () -> c -> values[c] = new int[lengths[c]]);
            blocks = rowBlocks(size);
        }
    }

    /**
     * A bound on |stored - exact| for every pair. The float dot product and squared norms are
     * each off by at most \(\gamma \lVert u\rVert\lVert v\rVert\) ({@link BlockedDots#errorFactor}),
     * so \(\lVert u\rVert^2 + \lVert v\rVert^2 - 2u\cdot v\) is off by at most
     * \(\gamma(\lVert u\rVert + \lVert v\rVert)^2 \le 4\gamma \max\lVert z\rVert^2\). Rounding
     * the result to float adds at most \(2^{-24}\) of that, the double-precision sums and the
     * exact value's own rounding far less (2^-40 covers them); products that underflow add at
     * most 2^-149 each.
     */
    private static double errorBound(int d, double largestSquaredNorm) {
        return 1.01 * (BlockedDots.errorFactor(d) + 0x1p-24 + 0x1p-40) * 4 * largestSquaredNorm + d * 0x1p-147;
    }

    /** Row boundaries splitting the upper triangle into ROW_BLOCKS blocks of about equal size. */
    private static int[] rowBlocks(int n) {
        final long pairs = (long) n * (n - 1) / 2;
        final int[] b = new int[ROW_BLOCKS + 1];
        int c = 1;
        long seen = 0;
        for (int i = 0; i < n && c < ROW_BLOCKS; i++) {
            seen += n - 1 - i;
            while (c < ROW_BLOCKS && seen * ROW_BLOCKS >= pairs * c) {
                b[c++] = i + 1;
            }
        }
        while (c <= ROW_BLOCKS) {
            b[c++] = n;
        }
        return b;
    }

    /** \(\sum_k a_k u_k\) in double precision: the products of two floats are exact, four per step. */
    private static double dot(float[] a, float[] u) {
        final int d = a.length;
        final int d4 = d & ~3;
        double s = 0;
        for (int k = 0; k < d4; k += 4) {
            s += (double) a[k] * u[k] + (double) a[k + 1] * u[k + 1] + (double) a[k + 2] * u[k + 2]
                + (double) a[k + 3] * u[k + 3];
        }
        for (int k = d4; k < d; k++) {
            s += (double) a[k] * u[k];
        }
        return s;
    }

    /**
     * The exact squared distance of pair (i, j) in double precision,
     * \(\lVert z_i\rVert^2 + \lVert z_j\rVert^2 - 2 z_i\cdot z_j\) clamped at 0 (symmetric in i, j;
     * 0 for identical rows, whose dot product repeats the norm's arithmetic).
     */
    private static double exactSquaredDistance(Pooled p, int i, int j) {
        final double d2 = (p.sq[i] + p.sq[j]) - 2.0 * dot(p.rows[i], p.rows[j]);
        return d2 > 0 ? d2 : 0.0;
    }

    /**
     * Pass 1: every pairwise squared distance from float dot products, stored as float bits.
     * Tasks pair one transposed block of columns with one range of the earlier rows, the largest
     * blocks first.
     *
     * @return counts of the top 15 bits of the float bit patterns (for the median), or null
     */
    private long[] distances(Pooled p, boolean histogram) {
        final int tiles = BlockedDots.blocks(p.size);
        // Task t: column block k = tiles - 1 - t / parts, rows [part * GRAM_ROWS, ...) of [0, end of block)
        final int parts = (p.size + GRAM_ROWS - 1) / GRAM_ROWS;
        final List<int[]> histograms = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(tiles * parts, threads, () -> {
            final float[][] t = BlockedDots.newTransposed(p.d);
            final float[][] out = BlockedDots.newOutput();
            final int[] transposed = {-1};
            final int[] hist = histogram ? new int[1 << 15] : null;
            if (hist != null) {
                histograms.add(hist);
            }
            return task -> {
                final int k = tiles - 1 - task / parts;
                final int j0 = k * BlockedDots.BLOCK;
                final int rowEnd = Math.min(p.size, j0 + BlockedDots.BLOCK) - 1;
                final int from = task % parts * GRAM_ROWS;
                final int to = Math.min(rowEnd, from + GRAM_ROWS);
                if (from >= to) {
                    return;
                }
                if (transposed[0] != k) {
                    BlockedDots.transpose(p.rows, k, p.d, t);
                    transposed[0] = k;
                }
                final int bs = BlockedDots.blockSize(p.size, k);
                for (int c0 = from; c0 < to; c0 += BlockedDots.CHUNK) {
                    final int nc = Math.min(BlockedDots.CHUNK, to - c0);
                    BlockedDots.dots(t, bs, p.d, p.rows, c0, nc, out);
                    for (int c = 0; c < nc; c++) {
                        storeDistances(p, c0 + c, j0, bs, out[c], hist);
                    }
                }
            };
        });
        if (!histogram) {
            return null;
        }
        final long[] total = new long[1 << 15];
        for (final int[] h : histograms) {
            for (int k = 0; k < total.length; k++) {
                total[k] += h[k];
            }
        }
        return total;
    }

    /** Stores the squared distances of row i to the columns j0 + c &gt; i, c &lt; bs. */
    private static void storeDistances(Pooled p, int i, int j0, int bs, float[] dots, int[] hist) {
        final int[] up = p.values[p.chunk[i]];
        final double[] sq = p.sqFloat;
        final double sqi = sq[i];
        final int offset = p.start[i] + j0 - i - 1;
        for (int c = Math.max(0, i + 1 - j0); c < bs; c++) {
            final double d2 = (sqi + sq[j0 + c]) - 2.0 * dots[c];
            final int bits = Float.floatToRawIntBits(d2 > 0 ? (float) d2 : 0f);
            up[offset + c] = bits;
            if (hist != null) {
                hist[bits >>> 16]++;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // bandwidth

    /** Pass 1, then the median distance (median rule) or the fixed bandwidth. */
    private double resolveSigma(Pooled p) {
        final boolean median = Double.isNaN(bandwidth);
        final long[] hist = distances(p, median);
        return median ? medianDistance(p, hist) : bandwidth;
    }

    /** Median of sqrt(d2) over the pairs; the mean of the two middle values for an even count. */
    private double medianDistance(Pooled p, long[] hist) {
        final long pairs = (long) p.size * (p.size - 1) / 2;
        final long k = pairs / 2;
        if (pairs % 2 == 1) {
            return Math.sqrt(selectSquaredDistances(p, hist, new long[] {k})[0]);
        }
        final double[] v = selectSquaredDistances(p, hist, new long[] {k - 1, k});
        return 0.5 * (Math.sqrt(v[0]) + Math.sqrt(v[1]));
    }

    /**
     * Exact order statistics (0-based ranks, ascending) of the squared distances. First those of
     * the stored float values, by radix selection on their bit patterns (rounding to float is
     * monotone): the top 15 bits come from the pass-1 counts, the low 16 bits from a second
     * counting pass. Every stored value is within {@code bound} of its exact value, so the exact
     * order statistic of rank r is within {@code bound} of the stored one of rank r: pairs stored
     * more than 2 bound below the smallest (above the largest) selected value rank below (above)
     * them exactly, and the few pairs in between are recomputed in double precision and ranked.
     */
    private double[] selectSquaredDistances(Pooled p, long[] hist1, long[] ranks) {
        final int r = ranks.length;
        // Level 1: top 15 bits
        final int[] top = new int[r];
        final long[] below = new long[r];
        for (int t = 0; t < r; t++) {
            long cum = 0;
            int bucket = 0;
            while (cum + hist1[bucket] <= ranks[t]) {
                cum += hist1[bucket++];
            }
            top[t] = bucket;
            below[t] = cum;
        }
        // Level 2: low 16 bits within the (at most two) buckets
        final int[] buckets = Arrays.stream(top).distinct().toArray();
        final long[][] hist2 = countLow(p, buckets);
        float smallest = Float.POSITIVE_INFINITY;
        float largest = 0;
        for (int t = 0; t < r; t++) {
            final long[] h = hist2[top[t] == buckets[0] ? 0 : 1];
            long cum = below[t];
            int low = 0;
            while (cum + h[low] <= ranks[t]) {
                cum += h[low++];
            }
            final float v = Float.intBitsToFloat(top[t] << 16 | low);
            smallest = Math.min(smallest, v);
            largest = Math.max(largest, v);
        }
        // Level 3: the window of pairs that may hold the exact order statistics
        final int lo = floatBitsAtLeast(smallest - 2 * p.bound);
        final int hi = floatBitsAtMost(largest + 2 * p.bound);
        final Window w = window(p, lo, hi);
        final double[] out = new double[r];
        for (int t = 0; t < r; t++) {
            final long rank = ranks[t] - w.below;
            out[t] = w.exact != null ? w.exact[(int) rank] : radixSelectExact(p, lo, hi, rank);
        }
        return out;
    }

    /** Bit pattern of the smallest non-negative float &ge; x. */
    private static int floatBitsAtLeast(double x) {
        if (!(x > 0)) {
            return 0;
        }
        float f = (float) x;
        if (f < x) {
            f = Math.nextUp(f);
        }
        return Float.floatToRawIntBits(f);
    }

    /** Bit pattern of the largest float &le; x, for x &ge; 0 (+infinity's above the float range). */
    private static int floatBitsAtMost(double x) {
        float f = (float) x;
        if (f > x) {
            f = Math.nextDown(f);
        }
        return Float.floatToRawIntBits(f);
    }

    /**
     * The rank-th smallest (0-based) exact squared distance among the pairs stored in [lo, hi],
     * when too many to hold at once (many pairs tied near the median): radix selection on the bit
     * patterns of the recomputed doubles, 16 bits per counting pass, until few enough are left.
     */
    private double radixSelectExact(Pooled p, int lo, int hi, long rank) {
        long prefix = 0;
        int fixed = 0;
        while (true) {
            final long[] hist = countExactDigits(p, lo, hi, prefix, fixed);
            int digit = 0;
            while (rank >= hist[digit]) {
                rank -= hist[digit++];
            }
            prefix |= (long) digit << (48 - fixed);
            fixed += 16;
            if (fixed == 64) {
                return Double.longBitsToDouble(prefix);
            }
            if (hist[digit] <= maxWindow) {
                final double[] exact = collectExact(p, lo, hi, prefix, fixed);
                Arrays.sort(exact);
                return exact[(int) rank];
            }
        }
    }

    /** Counts of the low 16 bits of the float patterns whose top 15 bits are one of buckets. */
    private long[][] countLow(Pooled p, int[] buckets) {
        final List<int[][]> parts = Collections.synchronizedList(new ArrayList<>());
        final int b0 = buckets[0];
        final int b1 = buckets.length > 1 ? buckets[1] : -1;
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final int[][] h = new int[buckets.length][1 << 16];
            parts.add(h);
            final int[] h1 = h.length > 1 ? h[1] : null;
            return c -> {
                for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
                    countLow(p.values[p.chunk[i]], p.start[i], p.start[i] + p.size - 1 - i, b0, b1, h[0], h1);
                }
            };
        });
        final long[][] total = new long[buckets.length][1 << 16];
        for (final int[][] h : parts) {
            for (int t = 0; t < total.length; t++) {
                for (int k = 0; k < (1 << 16); k++) {
                    total[t][k] += h[t][k];
                }
            }
        }
        return total;
    }

    /**
     * One row's part of {@link #countLow(Pooled, int[])}. The per-row loops of the selection passes sit
     * in small methods of their own: called once a row, the JIT compiles them after a few rows, where a
     * loop over a whole block of rows would run interpreted until compiled by on-stack replacement
     * (both passes in a fresh JVM: 0.13 s that way, 0.10 s this way; 0.05 s once compiled).
     */
    private static void countLow(int[] up, int from, int to, int b0, int b1, int[] h0, int[] h1) {
        for (int o = from; o < to; o++) {
            final int bits = up[o];
            final int top = bits >>> 16;
            if (top == b0) {
                h0[bits & 0xFFFF]++;
            } else if (top == b1) {
                h1[bits & 0xFFFF]++;
            }
        }
    }

    /** The pairs stored below a window, and the sorted exact values of those in it (null if too many). */
    private static final class Window {
        long below;
        double[] exact;
    }

    /**
     * One pass over the stored values: how many lie below lo, and the exact squared distances of
     * those in [lo, hi] (float bit patterns, non-negative), sorted; these are not kept if there
     * are more than maxWindow of them.
     */
    private Window window(Pooled p, int lo, int hi) {
        final long[] below = new long[ROW_BLOCKS];
        final List<double[]> parts = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong within = new AtomicLong();
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final int[] offsets = new int[p.size];
            return c -> {
                double[] found = new double[16];
                int size = 0;
                long count = 0;
                for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
                    final int[] up = p.values[p.chunk[i]];
                    final int first = p.start[i];
                    final int end = first + p.size - 1 - i;
                    below[c] += countBelow(up, first, end, lo);
                    final int k = inWindow(up, first, end, lo, hi, offsets);
                    for (int t = 0; t < k; t++) {
                        count++;
                        if (within.get() + count <= maxWindow) {
                            if (size == found.length) {
                                found = Arrays.copyOf(found, 2 * size);
                            }
                            found[size++] = exactSquaredDistance(p, i, i + 1 + offsets[t] - first);
                        }
                    }
                }
                within.addAndGet(count);
                parts.add(Arrays.copyOf(found, size));
            };
        });
        final Window w = new Window();
        for (final long b : below) {
            w.below += b;
        }
        if (within.get() <= maxWindow) {
            w.exact = concat(parts);
            Arrays.sort(w.exact);
        }
        return w;
    }

    /** The offsets o in [from, to) with lo &lt;= up[o] &lt;= hi, into offsets; their number. */
    private static int inWindow(int[] up, int from, int to, int lo, int hi, int[] offsets) {
        int k = 0;
        for (int o = from; o < to; o++) {
            // lo <= up[o] <= hi in one unsigned comparison: rarely true, so well predicted
            if (up[o] - lo + Integer.MIN_VALUE <= hi - lo + Integer.MIN_VALUE) {
                offsets[k++] = o;
            }
        }
        return k;
    }

    /** Values below lo in up[from, to), all non-negative: branch-free, so the loop runs in SIMD lanes. */
    private static int countBelow(int[] up, int from, int to, int lo) {
        int n = 0;
        for (int o = from; o < to; o++) {
            n += (up[o] - lo) >>> 31;
        }
        return n;
    }

    private static double[] concat(List<double[]> parts) {
        int total = 0;
        for (final double[] x : parts) {
            total += x.length;
        }
        final double[] all = new double[total];
        int k = 0;
        for (final double[] x : parts) {
            System.arraycopy(x, 0, all, k, x.length);
            k += x.length;
        }
        return all;
    }

    /** The exact squared distances of the window pairs whose top {@code fixed} bits are those of prefix. */
    private double[] collectExact(Pooled p, int lo, int hi, long prefix, int fixed) {
        final List<double[]> parts = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(ROW_BLOCKS, threads, () -> c -> {
            final double[][] found = {new double[16]};
            final int[] size = {0};
            exactInWindow(p, lo, hi, c, prefix, fixed, e -> {
                if (size[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], 2 * size[0]);
                }
                found[0][size[0]++] = e;
            });
            parts.add(Arrays.copyOf(found[0], size[0]));
        });
        return concat(parts);
    }

    /** Counts of the 16 bits after the top {@code fixed} of the exact doubles of the window pairs with that prefix. */
    private long[] countExactDigits(Pooled p, int lo, int hi, long prefix, int fixed) {
        final List<long[]> parts = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final long[] h = new long[1 << 16];
            parts.add(h);
            return c -> exactInWindow(p, lo, hi, c, prefix, fixed,
                e -> h[(int) (Double.doubleToRawLongBits(e) >>> (48 - fixed)) & 0xFFFF]++);
        });
        final long[] total = new long[1 << 16];
        for (final long[] h : parts) {
            for (int k = 0; k < total.length; k++) {
                total[k] += h[k];
            }
        }
        return total;
    }

    /**
     * Recomputes in double precision the pairs of row block c stored in [lo, hi] (float bit patterns)
     * and passes on those whose top {@code fixed} bits are those of prefix (all when fixed is 0).
     */
    private static void exactInWindow(Pooled p, int lo, int hi, int c, long prefix, int fixed, DoubleConsumer out) {
        for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
            final int[] up = p.values[p.chunk[i]];
            final int first = p.start[i];
            final int end = first + p.size - 1 - i;
            for (int o = first; o < end; o++) {
                if (up[o] - lo + Integer.MIN_VALUE <= hi - lo + Integer.MIN_VALUE) {
                    final double e = exactSquaredDistance(p, i, i + 1 + o - first);
                    if (fixed == 0 || Double.doubleToRawLongBits(e) >>> (64 - fixed) == prefix >>> (64 - fixed)) {
                        out.accept(e);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // kernel and observed statistic

    /** Observed statistic and, if the kernel was quantised, the fixed-point sums. */
    private static final class Observed {
        double mmd2;
        long[] rowSums;
        long totalFixed;
        long aaFixed;
        long zrFixed;
    }

    /** Per-block results of pass 2. */
    private static final class BlockSums {
        double aa;
        double ab;
        double bb;
        long aaFixed;
    }

    /**
     * Pass 2: k = exp(-d2 / (2 sigma^2)) for every pair; the observed statistic in double; if
     * {@code quantize}, every kernel value is replaced (in {@code values}) by round(k 2^20) and the
     * fixed-point row sums are returned. Up to {@code exactKernelWork} multiply-adds for all
     * pairs (N^2 d), every squared distance is recomputed in double precision first.
     */
    private Observed kernel(Pooled p, double sigma, boolean quantize) {
        final double factor = -1.0 / (2.0 * sigma * sigma);
        final BlockSums[] sums = new BlockSums[ROW_BLOCKS];
        final List<long[]> rowParts = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final long[] rows = quantize ? new long[p.size] : null;
            if (rows != null) {
                rowParts.add(rows);
            }
            final KernelRows kr = new KernelRows(p, factor, rows,
                (long) p.size * p.size * p.d <= exactKernelWork);
            return c -> sums[c] = kr.block(p.blocks[c], p.blocks[c + 1]);
        });
        // Fixed order: the sums do not depend on which thread ran which block
        final double[] aa = new double[2];
        final double[] ab = new double[2];
        final double[] bb = new double[2];
        long aaFixed = 0;
        for (final BlockSums s : sums) {
            add(aa, s.aa);
            add(ab, s.ab);
            add(bb, s.bb);
            aaFixed += s.aaFixed;
        }
        final double m = p.m;
        final double n = p.size - p.m;
        final Observed o = new Observed();
        // Gretton et al. (2012), eq. (3): off-diagonal sums, each unordered pair counted twice
        o.mmd2 = 2 * (aa[0] + aa[1]) / (m * (m - 1)) + 2 * (bb[0] + bb[1]) / (n * (n - 1))
            - 2 * (ab[0] + ab[1]) / (m * n);
        if (quantize) {
            final long[] rowSums = new long[p.size];
            for (final long[] part : rowParts) {
                for (int i = 0; i < p.size; i++) {
                    rowSums[i] += part[i];
                }
            }
            long total = 0;
            long zr = 0;
            for (int i = 0; i < p.size; i++) {
                total += rowSums[i];
                if (i < p.m) {
                    zr += rowSums[i];
                }
            }
            o.rowSums = rowSums;
            o.totalFixed = total;
            o.aaFixed = aaFixed;
            o.zrFixed = zr;
        }
        return o;
    }

    /** Neumaier's compensated addition into {sum, compensation}. */
    private static void add(double[] acc, double x) {
        final double s = acc[0];
        final double t = s + x;
        if (Math.abs(s) >= Math.abs(x)) {
            acc[1] += (s - t) + x;
        } else {
            acc[1] += (x - t) + s;
        }
        acc[0] = t;
    }

    /** Pass-2 worker: one per thread. */
    private static final class KernelRows {
        private final Pooled p;
        private final double factor;
        /** Fixed-point row sums (both triangles), or null when not quantising. */
        private final long[] rowSums;
        /** Whether the squared distances are recomputed exactly instead of read. */
        private final boolean exact;
        /** Scratch: the exponents, then the kernel values, of one row segment. */
        private final double[] exponents;
        private long fixedSum;

        KernelRows(Pooled p, double factor, long[] rowSums, boolean exact) {
            this.p = p;
            this.exact = exact;
            this.factor = factor;
            this.rowSums = rowSums;
            this.exponents = new double[p.size];
        }

        BlockSums block(int i0, int i1) {
            final BlockSums s = new BlockSums();
            final double[] aa = new double[2];
            final double[] ab = new double[2];
            final double[] bb = new double[2];
            for (int i = i0; i < i1; i++) {
                fixedSum = 0;
                if (i < p.m) {
                    add(aa, segment(i, i + 1, p.m));
                    s.aaFixed += fixedSum;
                    add(ab, segment(i, Math.max(p.m, i + 1), p.size));
                } else {
                    add(bb, segment(i, i + 1, p.size));
                }
                if (rowSums != null) {
                    rowSums[i] += fixedSum;
                }
            }
            s.aa = aa[0] + aa[1];
            s.ab = ab[0] + ab[1];
            s.bb = bb[0] + bb[1];
            return s;
        }

        /**
         * Sum of k over row i, columns from..to-1 (all &gt; i); quantises in place and adds the
         * fixed-point values to fixedSum and to the column sums. Each step is a loop of its own in a
         * small method: C2 turns most of them into SIMD code and compiles each once.
         */
        private double segment(int i, int from, int to) {
            final int[] up = p.values[p.chunk[i]];
            final int offset = from + p.start[i] - i - 1;
            final double[] t = exponents;
            final int len = to - from;
            if (exact) {
                for (int c = 0; c < len; c++) {
                    t[c] = exactSquaredDistance(p, i, from + c) * factor;
                }
            } else {
                scaled(up, offset, factor, t, len);
            }
            exp(t, len);
            final double sum = sum(t, len);
            if (rowSums != null) {
                quantize(t, up, offset, len);
                fixedSum += addTo(up, offset, rowSums, from, len);
            }
            return sum;
        }
    }

    /** t[c] = float(bits[offset + c]) * factor. */
    private static void scaled(int[] bits, int offset, double factor, double[] t, int len) {
        for (int c = 0; c < len; c++) {
            t[c] = Float.intBitsToFloat(bits[offset + c]) * factor;
        }
    }

    /**
     * t[c] = exp(t[c]) for t[c] &le; 0, to a relative 10^-13, in arithmetic C2 runs in SIMD lanes
     * (Math.exp is scalar): \(e^x = (e^{x/64})^{64}\) with x clamped to [-64, 0], so
     * \(|x/64| \le 1\), where the Taylor polynomial of degree 17 is within \(1/18! \approx
     * 1.6 \cdot 10^{-16}\); six squarings multiply the relative error by at most 64. Below -64 the
     * kernel is under \(2 \cdot 10^{-28}\), which is returned instead.
     */
    static void exp(double[] t, int len) {
        for (int c = 0; c < len; c++) {
            final double y = Math.max(t[c], -64.0) * (1.0 / 64);
            double e = 1.0 / 355687428096000.0;
            e = e * y + 1.0 / 20922789888000.0;
            e = e * y + 1.0 / 1307674368000.0;
            e = e * y + 1.0 / 87178291200.0;
            e = e * y + 1.0 / 6227020800.0;
            e = e * y + 1.0 / 479001600.0;
            e = e * y + 1.0 / 39916800.0;
            e = e * y + 1.0 / 3628800.0;
            e = e * y + 1.0 / 362880.0;
            e = e * y + 1.0 / 40320.0;
            e = e * y + 1.0 / 5040.0;
            e = e * y + 1.0 / 720.0;
            e = e * y + 1.0 / 120.0;
            e = e * y + 1.0 / 24.0;
            e = e * y + 1.0 / 6.0;
            e = e * y + 0.5;
            e = e * y + 1.0;
            e = e * y + 1.0;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            t[c] = e;
        }
    }

    /** Sum of t[0..len) with four accumulators (a floating-point sum is not vectorised). */
    private static double sum(double[] t, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        for (; c + 3 < len; c += 4) {
            s0 += t[c];
            s1 += t[c + 1];
            s2 += t[c + 2];
            s3 += t[c + 3];
        }
        for (; c < len; c++) {
            s0 += t[c];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** up[offset + c] = round(t[c] 2^KERNEL_BITS), ties to even (see {@link #ROUNDING}). */
    private static void quantize(double[] t, int[] up, int offset, int len) {
        for (int c = 0; c < len; c++) {
            up[offset + c] = (int) ((t[c] * KERNEL_SCALE + ROUNDING) - ROUNDING);
        }
    }

    /** rowSums[from + c] += up[offset + c]; returns the sum of the added values. */
    private static long addTo(int[] up, int offset, long[] rowSums, int from, int len) {
        long total = 0;
        for (int c = 0; c < len; c++) {
            final int q = up[offset + c];
            rowSums[from + c] += q;
            total += q;
        }
        return total;
    }

    // ------------------------------------------------------------------------------------------
    // permutations

    /**
     * For each relabelling t, {aa, zr} at [2t], [2t + 1]: aa = sum of the fixed-point kernel over
     * unordered pairs inside the relabelled "a", zr = sum of the fixed-point row sums over it.
     */
    private long[] permutationSums(Pooled p, long[] rowSums, SplittableRandom rng) {
        final int n = p.size;
        final int m = p.m;
        final int words = (n + 63) >>> 6;
        final int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        final long[] out = new long[2 * permutations];
        final int batch = Math.min(permutations, PERM_BATCH);
        final long[][] members = new long[words][batch];
        final int tiles = (n + PERM_TILE - 1) / PERM_TILE;
        for (int start = 0; start < permutations; start += batch) {
            final int nb = Math.min(batch, permutations - start);
            for (final long[] w : members) {
                Arrays.fill(w, 0L);
            }
            for (int b = 0; b < nb; b++) {
                // Partial Fisher-Yates: idx[0..m) becomes a uniform random m-subset
                long zr = 0;
                for (int t = 0; t < m; t++) {
                    final int k = t + rng.nextInt(n - t);
                    final int v = idx[k];
                    idx[k] = idx[t];
                    idx[t] = v;
                    members[v >>> 6][b] |= 1L << v;
                    zr += rowSums[v];
                }
                out[2 * (start + b) + 1] = zr;
            }
            final List<long[]> parts = Collections.synchronizedList(new ArrayList<>());
            ParallelTasks.run(tiles, threads, () -> {
                final PermutationTile pt = new PermutationTile(p, members, nb);
                parts.add(pt.sums);
                return pt::run;
            });
            for (final long[] s : parts) {
                for (int b = 0; b < nb; b++) {
                    out[2 * (start + b)] += s[b];
                }
            }
        }
        return out;
    }

    /**
     * Permutation worker: for a block of PERM_TILE pooled columns j, acc[b][j] accumulates
     * \(\sum_{i &lt; j,\, i \in a_b} K_{ij}\) over all earlier rows i, {@value #GROUP_ROWS} rows at a
     * time: for each group of six rows the 64 subset sums of their row segments are tabulated once,
     * and relabelling b adds the six entries its membership bits select. At the end (and every
     * FLUSH_GROUPS groups, before an int could overflow) \(\sum_{j \in a_b} acc[b][j]\) is added
     * to sums[b] in long arithmetic.
     */
    private static final class PermutationTile {
        final long[] sums;
        private final Pooled p;
        private final long[][] members;
        private final int nb;
        private final int[][] acc;
        /** 6 groups x 64 subset sums; tables[64 g] stays zero. */
        private final int[][] tables = new int[6 << 6][PERM_TILE];

        PermutationTile(Pooled p, long[][] members, int nb) {
            this.p = p;
            this.members = members;
            this.nb = nb;
            this.sums = new long[nb];
            this.acc = new int[nb][PERM_TILE];
        }

        /** Tile k = tiles - 1 - t of the columns: the largest tiles first. */
        void run(int t) {
            final int tiles = (p.size + PERM_TILE - 1) / PERM_TILE;
            final int j0 = (tiles - 1 - t) * PERM_TILE;
            final int j1 = Math.min(p.size, j0 + PERM_TILE);
            final int w = j1 - j0;
            int groups = 0;
            // From the diagonal down: the tile's partial rows (j <= i) come first, so their branches enter the
            // JIT's profile early (LogCompilation: the tile loop is no longer deoptimised at the diagonal;
            // tabulate may still be recompiled once)
            for (int i0 = (j1 - 2) / GROUP_ROWS * GROUP_ROWS; i0 >= 0; i0 -= GROUP_ROWS) {
                tabulate(i0, j0, w);
                addGroup(i0, w);
                if (++groups == FLUSH_GROUPS) {
                    flush(j0, j1);
                    groups = 0;
                }
            }
            flush(j0, j1);
        }

        /**
         * Adds to every relabelling's accumulators the six tabulated sums its membership bits for rows
         * i0.. select. A method of its own, called once a group, so the JIT compiles it as a method early.
         */
        private void addGroup(int i0, int w) {
            final int shift = i0 & 63;
            final long[] word = members[i0 >>> 6];
            // The group's bits run into the next word when they do not fit in this one
            final long[] next = shift > 64 - GROUP_ROWS && (i0 >>> 6) + 1 < members.length
                ? members[(i0 >>> 6) + 1] : null;
            final int[][] tb = tables;
            for (int b = 0; b < nb; b++) {
                long bits = word[b] >>> shift;
                if (next != null) {
                    bits |= next[b] << (64 - shift);
                }
                add6(acc[b], tb[(int) bits & 63], tb[64 | (int) (bits >>> 6) & 63],
                    tb[128 | (int) (bits >>> 12) & 63], tb[192 | (int) (bits >>> 18) & 63],
                    tb[256 | (int) (bits >>> 24) & 63], tb[320 | (int) (bits >>> 30) & 63], w);
            }
        }

        /**
         * Subset sums of rows i0..i0+GROUP_ROWS-1 restricted to columns j0..j0+w-1 (0 where j &lt;= i
         * and for rows past the pooled sample).
         */
        private void tabulate(int i0, int j0, int w) {
            for (int g = 0; g < 6; g++) {
                final int base = g << 6;
                for (int t = 0; t < 6; t++) {
                    final int i = i0 + 6 * g + t;
                    final int bit = 1 << t;
                    final int[] single = tables[base | bit];
                    // Columns c >= from hold pairs (i, j0 + c) with j0 + c > i
                    final int from = i < p.size ? Math.min(w, Math.max(0, i + 1 - j0)) : w;
                    if (from > 0) {
                        Arrays.fill(single, 0, from, 0);
                    }
                    if (from < w) {
                        System.arraycopy(p.values[p.chunk[i]], p.start[i] + j0 + from - i - 1, single, from, w - from);
                    }
                    for (int s = 1; s < bit; s++) {
                        add2(tables[base | bit | s], tables[base | s], single, w);
                    }
                }
            }
        }

        private void flush(int j0, int j1) {
            for (int b = 0; b < nb; b++) {
                final int[] a = acc[b];
                long s = 0;
                for (int j = j0; j < j1; ) {
                    long word = members[j >>> 6][b] >>> (j & 63);
                    final int span = Math.min(64 - (j & 63), j1 - j);
                    if (span < 64) {
                        word &= (1L << span) - 1;
                    }
                    while (word != 0) {
                        s += a[j - j0 + Long.numberOfTrailingZeros(word)];
                        word &= word - 1;
                    }
                    j += span;
                }
                sums[b] += s;
                Arrays.fill(a, 0, j1 - j0, 0);
            }
        }
    }

    private static void add2(int[] dst, int[] x, int[] y, int w) {
        for (int i = 0; i < w; i++) {
            dst[i] = x[i] + y[i];
        }
    }

    private static void add6(int[] acc, int[] u1, int[] u2, int[] u3, int[] u4, int[] u5, int[] u6, int w) {
        for (int i = 0; i < w; i++) {
            acc[i] += (u1[i] + u2[i]) + (u3[i] + u4[i]) + (u5[i] + u6[i]);
        }
    }

    /**
     * The statistic of a labelling from its fixed-point sums: aa over unordered pairs inside "a",
     * zr the row sums over "a", total all row sums. Ordered off-diagonal sums: AA = 2 aa,
     * AB = zr - 2 aa, BB = total - 2 zr + 2 aa (all exact).
     */
    static double fixedPointStatistic(long aa, long zr, long total, int m, int pooled) {
        final double sxx = 2 * aa;
        final double sxy = zr - 2 * aa;
        final double syy = total - 2 * zr + 2 * aa;
        final double mm = m;
        final double nn = pooled - m;
        return (sxx / (mm * (mm - 1)) + syy / (nn * (nn - 1)) - 2 * sxy / (mm * nn)) / KERNEL_SCALE;
    }
}
