package dev.evalgap.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

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
 * <p>Numerics. Squared distances are computed in double precision as
 * \(\lVert z_i\rVert^2 + \lVert z_j\rVert^2 - 2\,z_i \cdot z_j\) (clamped at 0; exact duplicates
 * give exactly 0 because the norms use the same arithmetic as the dot products) and stored, for
 * the \(N(N-1)/2\) pairs, as a float plus a 16-bit correction, which keeps them to a relative
 * \(2^{-39}\) (about \(2 \cdot 10^{-12}\)) in 6 bytes per pair. The median is found by
 * exact radix selection on the float bit patterns, without sorting or copying the distances: the
 * top 15 bits are counted while the distances are computed, the low 16 bits in one more pass, and
 * a last pass recomputes in double precision the distances of the few pairs that share the
 * median's float value to pick the exact order statistic. The observed statistic is summed in
 * double precision (compensated across blocks). For
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
 * <p>Cost. Memory is about \(3N^2\) bytes (300 MB at N = 10,000); at most
 * {@value #MAX_POOLED_ROWS} pooled rows are accepted. Time is dominated by the
 * \(N^2 d / 2\) multiply-adds of the distances (in double precision, in SIMD lanes) and by the
 * permutations: for every group of 16 pooled rows the 16 subset sums of each four of their kernel
 * rows are tabulated once, and each relabelling then adds the four tabulated sums its membership
 * bits select (the "four Russians" method [3]), about \(5 N^2 B / 32\) int additions in SIMD
 * lanes instead of \(N^2 B / 2\) multiply-adds. Work is split into fixed blocks run on up to
 * {@linkplain #withThreads(int) 2 threads}; every block writes its own results and the blocks are
 * combined in a fixed order (integer sums are exact), so the result is the same for any number of
 * threads. Measured on 2 cores (AVX-512, JDK 17), one call in a fresh JVM, 5,000 vs 5,000 rows of
 * 384, B = 1000: about 2.2–2.6 s (distances 1.1–1.3 s, median 0.1 s, kernel 0.25 s,
 * permutations 0.5–0.7 s) and 310 MB of heap; 2,000 vs 2,000: about 0.8 s and 65 MB.
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
    /** Largest pooled sample m + n accepted (memory grows as \(3N^2\) bytes: 3.2 GB here). */
    public static final int MAX_POOLED_ROWS = 32_768;

    /** The permutation kernel is rounded to multiples of 2^-KERNEL_BITS. */
    static final int KERNEL_BITS = 20;
    private static final double KERNEL_SCALE = 1 << KERNEL_BITS;

    /** Pooled rows per transposed tile of the distance computation. */
    private static final int GRAM_TILE = 256;
    /** Pooled rows per SIMD lane block of the permutation sums. */
    private static final int PERM_TILE = 256;
    /** Relabellings per pass over the kernel (bounds the per-thread accumulators to 1 MB). */
    private static final int PERM_BATCH = 1024;
    /**
     * Groups of 16 kernel rows added before the int accumulators are flushed to long:
     * 64 * 16 * 2^20 = 2^30 &lt; 2^31.
     */
    private static final int FLUSH_GROUPS = 64;
    /** The float's correction holds (d2 - f) * 2^(RESIDUAL_SHIFT - exponent(f)), |.| &lt;= 2^14. */
    private static final int RESIDUAL_SHIFT = 38;
    /** Largest number of pairs sharing the median's float value whose distances are recomputed. */
    private static final int EXACT_CANDIDATES = 1 << 16;
    /** 1.5 * 2^52, see {@link #roundToInt}. */
    private static final double ROUNDING = 0x1.8p52;
    /** Entries per array of the packed triangle (32 MB of ints). */
    private static final int CHUNK_CAPACITY = 1 << 23;
    /** Row blocks of the kernel and selection passes (fixed, so sums do not depend on threads). */
    private static final int ROW_BLOCKS = 64;

    private static final String TOO_FEW_ROWS = "rows of %s";
    private static final String TOO_MANY_ROWS =
        "pooled sample has %d rows, more than the %d supported (memory grows as 3 N^2 bytes); test a sample";
    private static final String TOO_LARGE =
        "squared distances of %s would exceed the float range (a squared row norm is %s); rescale the rows";

    private static final MmdPermutationTest DEFAULT =
        new MmdPermutationTest(DEFAULT_PERMUTATIONS, DEFAULT_SEED, DEFAULT_THREADS, Double.NaN);

    private final int permutations;
    private final long seed;
    private final int threads;
    /** Fixed sigma, or NaN for the median rule. */
    private final double bandwidth;

    private MmdPermutationTest(int permutations, long seed, int threads, double bandwidth) {
        this.permutations = permutations;
        this.seed = seed;
        this.threads = threads;
        this.bandwidth = bandwidth;
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
        return new MmdPermutationTest(Arguments.checkAtLeast("permutations", 1, b), seed, threads, bandwidth);
    }

    /**
     * @param s seed of the relabellings
     * @return a copy with this seed
     */
    public MmdPermutationTest withSeed(long s) {
        return new MmdPermutationTest(permutations, s, threads, bandwidth);
    }

    /**
     * @param n worker threads, &ge; 1; does not change the result
     * @return a copy using up to n threads
     */
    public MmdPermutationTest withThreads(int n) {
        return new MmdPermutationTest(permutations, seed, Arguments.checkAtLeast("threads", 1, n), bandwidth);
    }

    /**
     * @param sigma a fixed Gaussian kernel bandwidth, finite and &gt; 0, instead of the pooled
     *              median rule
     * @return a copy with this bandwidth ({@link Bandwidth#FIXED})
     */
    public MmdPermutationTest withBandwidth(double sigma) {
        return new MmdPermutationTest(permutations, seed, threads,
            Arguments.checkStrictlyPositive("bandwidth sigma", sigma));
    }

    /** @return a copy using the pooled median rule for the bandwidth (the default) */
    public MmdPermutationTest withMedianBandwidth() {
        return new MmdPermutationTest(permutations, seed, threads, Double.NaN);
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
        final double[] sq;
        /**
         * Row i of the upper triangle, the pairs (i, j) with j &gt; i, is stored at
         * {@code values[chunk[i]][start[i] + j - i - 1]}: first the float bits of the squared
         * distances, later the fixed-point kernel. The rows are packed into a few large arrays, which
         * the JVM allocates outside the young generation and never copies.
         */
        final int[][] values;
        /** Same layout: the corrections of the floats (see {@link #residual}); dropped after use. */
        short[][] corrections;
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
            for (int i = 0; i < size; i++) {
                sq[i] = squaredNorm(rows[i]);
                // (|u| + |v|)^2 <= 4 max |u|^2 must stay a finite float
                if (!(4 * sq[i] <= Float.MAX_VALUE)) {
                    throw Arguments.error(TOO_LARGE, i < m ? "a" : "b", sq[i]);
                }
            }
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
            corrections = new short[chunks][];
            // Allocation zeroes the memory: about 3 N^2 bytes, on all threads
            ParallelTasks.run(chunks, threads, () -> c -> {
                values[c] = new int[lengths[c]];
                corrections[c] = new short[lengths[c]];
            });
            blocks = rowBlocks(size);
        }
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

    /**
     * \(\lVert x\rVert^2\) with the arithmetic of {@link #distanceTile}, so that
     * {@code squaredDistance(x, x) == 0} exactly.
     */
    private static double squaredNorm(float[] x) {
        return dot(x, x);
    }

    /** One dot product with exactly the operation sequence of {@link #distanceTile}. */
    private static double dot(float[] a, float[] u) {
        final int d = a.length;
        final int d4 = d & ~3;
        double s = 0;
        for (int k = 0; k < d4; k += 4) {
            final double a0 = a[k];
            final double a1 = a[k + 1];
            final double a2 = a[k + 2];
            final double a3 = a[k + 3];
            final double u0 = u[k];
            final double u1 = u[k + 1];
            final double u2 = u[k + 2];
            final double u3 = u[k + 3];
            s += a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3;
        }
        for (int k = d4; k < d; k++) {
            final double a0 = a[k];
            final double u0 = u[k];
            s += a0 * u0;
        }
        return s;
    }

    /** \(\lVert z_i\rVert^2 + \lVert z_j\rVert^2 - 2 z_i\cdot z_j\), clamped at 0 (symmetric in i, j). */
    private static double squaredDistance(double sqi, double sqj, double dot) {
        final double d2 = (sqi + sqj) - 2.0 * dot;
        return d2 > 0 ? d2 : 0.0;
    }

    /** The double squared distance of pair (i, j), i &lt; j, bit for bit as in {@link #distanceTile}. */
    private static double exactSquaredDistance(Pooled p, int i, int j) {
        return squaredDistance(p.sq[i], p.sq[j], dot(p.rows[i], p.rows[j]));
    }

    /** 2^e as a double, for -1022 &lt;= e &lt;= 1023. */
    private static double pow2(int e) {
        return Double.longBitsToDouble((long) (e + 1023) << 52);
    }

    /**
     * The correction of the float f = (float) d2: round((d2 - f) 2^(38 - e)) with e the exponent
     * of f; |d2 - f| &lt;= 2^(e - 24), so the value fits 15 bits and sign. 0 for a zero or
     * subnormal f (then |d2 - f| &lt; 2^-149).
     */
    private static short residual(double d2, float f, int bits) {
        final int e = (bits >>> 23) - 127;
        if (e < -126) {
            return 0;
        }
        return (short) roundToInt((d2 - f) * pow2(RESIDUAL_SHIFT - e));
    }

    /**
     * Nearest integer, ties to even (as {@link Math#rint}), for |x| &lt; 2^31: adding and
     * subtracting 1.5 * 2^52 rounds in the floating-point unit.
     */
    private static int roundToInt(double x) {
        return (int) ((x + ROUNDING) - ROUNDING);
    }

    /** d2 from its float bits and correction, to a relative 2^-39. */
    private static double reconstruct(int bits, short correction) {
        final double f = Float.intBitsToFloat(bits);
        final int e = (bits >>> 23) - 127;
        if (e < -126) {
            return f;
        }
        return f + correction * pow2(e - RESIDUAL_SHIFT);
    }

    /**
     * Pass 1: every pairwise squared distance, in double, stored as float bits and correction.
     *
     * @return counts of the top 15 bits of the float bit patterns (for the median), or null
     */
    private long[] distances(Pooled p, boolean histogram) {
        final int tiles = (p.size + GRAM_TILE - 1) / GRAM_TILE;
        final List<int[]> histograms = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(tiles, threads, () -> {
            final double[][] tt = new double[p.d][GRAM_TILE];
            final double[] acc = new double[GRAM_TILE];
            final int[] hist = histogram ? new int[1 << 15] : null;
            if (hist != null) {
                histograms.add(hist);
            }
            return t -> {
                // Tile k pairs the columns [k GRAM_TILE, (k+1) GRAM_TILE) with every earlier row: the
                // largest tiles first (measured: faster than leaving the narrow last tile for last)
                final int tile = tiles - 1 - t;
                distanceTile(p, tile * GRAM_TILE, Math.min(p.size, (tile + 1) * GRAM_TILE), tt, acc, hist);
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

    /**
     * Distances between the pooled rows j0..j1-1 (the columns, transposed into {@code tt}) and
     * every earlier row i: acc[c] = z_i . z_{j0+c} for the columns c with j0 + c &gt; i.
     */
    private static void distanceTile(Pooled p, int j0, int j1, double[][] tt, double[] acc, int[] hist) {
        final int w = j1 - j0;
        final int d = p.d;
        final int d4 = d & ~3;
        for (int k = 0; k < d; k++) {
            for (int c = 0; c < w; c++) {
                tt[k][c] = p.rows[j0 + c][k];
            }
        }
        for (int i = 0; i < j1 - 1; i++) {
            final int s = Math.max(j0, i + 1) - j0;
            Arrays.fill(acc, 0.0);
            final float[] x = p.rows[i];
            dots4(x, tt, acc, s, w, d4);
            for (int k = d4; k < d; k++) {
                dots1(x[k], tt[k], acc, s, w);
            }
            storeDistances(p, i, j0, s, w, acc, hist);
        }
    }

    /**
     * acc[c] += x . tt[.][c] for s &lt;= c &lt; w over coordinates 0..d4-1, four per step: the
     * same index on every array and a single output array, the form C2 vectorises (measured on
     * JDK 17 with AVX-512: about 18 billion multiply-adds per second and core; with two output
     * arrays in the loop, to share the loads of the tile, it stays scalar in most call contexts).
     * Every lane performs the operation sequence of {@link #dot}.
     */
    private static void dots4(float[] x, double[][] tt, double[] acc, int s, int w, int d4) {
        for (int k = 0; k < d4; k += 4) {
            final double a0 = x[k];
            final double a1 = x[k + 1];
            final double a2 = x[k + 2];
            final double a3 = x[k + 3];
            final double[] t0 = tt[k];
            final double[] t1 = tt[k + 1];
            final double[] t2 = tt[k + 2];
            final double[] t3 = tt[k + 3];
            for (int c = s; c < w; c++) {
                acc[c] += a0 * t0[c] + a1 * t1[c] + a2 * t2[c] + a3 * t3[c];
            }
        }
    }

    /** One trailing coordinate (d not a multiple of 4), as in {@link #dot}. */
    private static void dots1(double a0, double[] t0, double[] acc, int s, int w) {
        for (int c = s; c < w; c++) {
            acc[c] += a0 * t0[c];
        }
    }

    private static void storeDistances(Pooled p, int i, int j0, int from, int to, double[] acc, int[] hist) {
        final int[] up = p.values[p.chunk[i]];
        final short[] re = p.corrections[p.chunk[i]];
        final double[] sq = p.sq;
        final double sqi = sq[i];
        final int offset = p.start[i] + j0 - i - 1;
        for (int c = from; c < to; c++) {
            final double d2 = squaredDistance(sqi, sq[j0 + c], acc[c]);
            final float f = (float) d2;
            final int bits = Float.floatToRawIntBits(f);
            up[offset + c] = bits;
            re[offset + c] = residual(d2, f, bits);
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
     * Exact order statistics (0-based ranks) of the stored squared distances by radix selection.
     * Rounding to float is monotone, so the k-th smallest double has the k-th smallest float: the
     * top 15 bits of its pattern come from the pass-1 counts, the low 16 bits from a second
     * counting pass, and a third pass collects the pairs with that float value, whose double
     * distances are recomputed (bit for bit as in pass 1) and ordered. If more than
     * EXACT_CANDIDATES pairs share the value, the correction (16 more bits) is counted instead
     * and the value reconstructed from it (relative error &le; 2^-39).
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
        final int[] buckets = distinct(top);
        final long[][] hist2 = countLow(p, buckets);
        final int[] bits = new int[r];
        final long[] count = new long[r];
        for (int t = 0; t < r; t++) {
            final long[] h = hist2[indexOf(buckets, top[t])];
            long cum = below[t];
            int low = 0;
            while (cum + h[low] <= ranks[t]) {
                cum += h[low++];
            }
            bits[t] = top[t] << 16 | low;
            below[t] = cum;
            count[t] = h[low];
        }
        // Level 3: within the float value
        final double[] out = new double[r];
        final int[] values = distinct(bits);
        for (final int v : values) {
            long n = 0;
            for (int t = 0; t < r; t++) {
                if (bits[t] == v) {
                    n = count[t];
                }
            }
            if (n <= EXACT_CANDIDATES) {
                final double[] exact = collectExact(p, v, Integer.MIN_VALUE);
                Arrays.sort(exact);
                for (int t = 0; t < r; t++) {
                    if (bits[t] == v) {
                        out[t] = exact[(int) (ranks[t] - below[t])];
                    }
                }
            } else {
                final long[] h = countCorrections(p, v);
                for (int t = 0; t < r; t++) {
                    if (bits[t] == v) {
                        long cum = below[t];
                        int c = 0;
                        while (cum + h[c] <= ranks[t]) {
                            cum += h[c++];
                        }
                        final short correction = (short) (c - (1 << 14));
                        if (h[c] <= EXACT_CANDIDATES) {
                            final double[] exact = collectExact(p, v, correction);
                            Arrays.sort(exact);
                            out[t] = exact[(int) (ranks[t] - cum)];
                        } else {
                            out[t] = reconstruct(v, correction);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int[] distinct(int[] v) {
        return Arrays.stream(v).distinct().toArray();
    }

    private static int indexOf(int[] v, int x) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == x) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    /** Counts of the low 16 bits of the float patterns whose top 15 bits are one of buckets. */
    private long[][] countLow(Pooled p, int[] buckets) {
        final List<int[][]> parts = Collections.synchronizedList(new ArrayList<>());
        final int b0 = buckets[0];
        final int b1 = buckets.length > 1 ? buckets[1] : -1;
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final int[][] h = new int[buckets.length][1 << 16];
            parts.add(h);
            return c -> {
                for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
                    final int[] up = p.values[p.chunk[i]];
                    final int end = p.start[i] + p.size - 1 - i;
                    for (int o = p.start[i]; o < end; o++) {
                        final int bits = up[o];
                        final int top = bits >>> 16;
                        if (top == b0) {
                            h[0][bits & 0xFFFF]++;
                        } else if (top == b1) {
                            h[1][bits & 0xFFFF]++;
                        }
                    }
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

    /** Counts of the corrections (offset by 2^14) of the pairs whose float pattern is v. */
    private long[] countCorrections(Pooled p, int v) {
        final List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(ROW_BLOCKS, threads, () -> {
            final int[] h = new int[(1 << 15) + 1];
            parts.add(h);
            return c -> {
                for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
                    final int[] up = p.values[p.chunk[i]];
                    final short[] re = p.corrections[p.chunk[i]];
                    final int end = p.start[i] + p.size - 1 - i;
                    for (int o = p.start[i]; o < end; o++) {
                        if (up[o] == v) {
                            h[re[o] + (1 << 14)]++;
                        }
                    }
                }
            };
        });
        final long[] total = new long[(1 << 15) + 1];
        for (final int[] h : parts) {
            for (int k = 0; k < total.length; k++) {
                total[k] += h[k];
            }
        }
        return total;
    }

    /**
     * Recomputed double distances of the pairs whose float pattern is v (and whose correction
     * is {@code correction}, unless that is Integer.MIN_VALUE).
     */
    private double[] collectExact(Pooled p, int v, int correction) {
        final List<double[]> parts = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.run(ROW_BLOCKS, threads, () -> c -> {
            double[] found = new double[16];
            int size = 0;
            for (int i = p.blocks[c]; i < p.blocks[c + 1]; i++) {
                final int[] up = p.values[p.chunk[i]];
                final short[] re = p.corrections[p.chunk[i]];
                final int first = p.start[i];
                final int end = first + p.size - 1 - i;
                for (int o = first; o < end; o++) {
                    if (up[o] == v && (correction == Integer.MIN_VALUE || re[o] == correction)) {
                        if (size == found.length) {
                            found = Arrays.copyOf(found, 2 * size);
                        }
                        found[size++] = exactSquaredDistance(p, i, i + 1 + o - first);
                    }
                }
            }
            parts.add(Arrays.copyOf(found, size));
        });
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
     * fixed-point row sums are returned. The corrections are dropped.
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
            final KernelRows kr = new KernelRows(p, factor, rows);
            return c -> sums[c] = kr.block(p.blocks[c], p.blocks[c + 1]);
        });
        p.corrections = null;
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
        /** Scratch: the exponents, then the kernel values, of one row segment. */
        private final double[] exponents;
        private long fixedSum;

        KernelRows(Pooled p, double factor, long[] rowSums) {
            this.p = p;
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
         * fixed-point values to fixedSum and to the column sums. Three loops, with Math.exp alone
         * in the middle one: measured on JDK 17, 2.8 times faster than one loop doing everything.
         */
        private double segment(int i, int from, int to) {
            final int[] up = p.values[p.chunk[i]];
            final short[] re = p.corrections[p.chunk[i]];
            final int offset = p.start[i] - i - 1;
            final double[] t = exponents;
            final int len = to - from;
            for (int c = 0; c < len; c++) {
                t[c] = reconstruct(up[from + c + offset], re[from + c + offset]) * factor;
            }
            for (int c = 0; c < len; c++) {
                t[c] = Math.exp(t[c]);
            }
            double sum = 0;
            if (rowSums == null) {
                for (int c = 0; c < len; c++) {
                    sum += t[c];
                }
                return sum;
            }
            long fixed = 0;
            for (int c = 0; c < len; c++) {
                final double k = t[c];
                sum += k;
                final int q = roundToInt(k * KERNEL_SCALE);
                up[from + c + offset] = q;
                fixed += q;
                rowSums[from + c] += q;
            }
            fixedSum += fixed;
            return sum;
        }
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
     * \(\sum_{i &lt; j,\, i \in a_b} K_{ij}\) over all earlier rows i, 16 rows at a time: for each
     * group of four rows the 16 subset sums of their row segments are tabulated once, and
     * relabelling b adds the four entries its membership bits select. At the end (and every
     * FLUSH_GROUPS groups, before an int could overflow) \(\sum_{j \in a_b} acc[b][j]\) is added
     * to sums[b] in long arithmetic.
     */
    private static final class PermutationTile {
        final long[] sums;
        private final Pooled p;
        private final long[][] members;
        private final int nb;
        private final int[][] acc;
        /** 4 groups x 16 subset sums; tables[16 g] stays zero. */
        private final int[][] tables = new int[64][PERM_TILE];

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
            for (int i0 = 0; i0 < j1 - 1; i0 += 16) {
                tabulate(i0, j0, w);
                final long[] word = members[i0 >>> 6];
                final int shift = i0 & 63;
                final int[][] tb = tables;
                for (int b = 0; b < nb; b++) {
                    final int bits = (int) (word[b] >>> shift);
                    add4(acc[b], tb[bits & 15], tb[16 | (bits >>> 4 & 15)], tb[32 | (bits >>> 8 & 15)],
                        tb[48 | (bits >>> 12 & 15)], w);
                }
                if (++groups == FLUSH_GROUPS) {
                    flush(j0, j1);
                    groups = 0;
                }
            }
            flush(j0, j1);
        }

        /** Subset sums of rows i0..i0+15 restricted to columns j0..j0+w-1 (0 where j &lt;= i). */
        private void tabulate(int i0, int j0, int w) {
            for (int g = 0; g < 4; g++) {
                final int base = g << 4;
                for (int t = 0; t < 4; t++) {
                    final int i = i0 + (g << 2) + t;
                    final int bit = 1 << t;
                    final int[] single = tables[base | bit];
                    // Columns c >= from hold pairs (i, j0 + c) with j0 + c > i
                    final int from = Math.min(w, Math.max(0, i + 1 - j0));
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

    private static void add4(int[] acc, int[] u1, int[] u2, int[] u3, int[] u4, int w) {
        for (int i = 0; i < w; i++) {
            acc[i] += u1[i] + u2[i] + u3[i] + u4[i];
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
