package dev.evalgap.stats;

import java.util.Arrays;

/**
 * Dense dot products between the rows of two matrices, the inner loop of {@link KMeans}, of
 * the nearest-neighbour search in {@link Coverage} and of the pairwise distances of
 * {@link MmdPermutationTest} (one kernel for all three, so the JIT compiles it once).
 *
 * <p>Layout. A block of up to {@link #BLOCK} rows of the first matrix is transposed into
 * {@code t[j][i]} (one array per column); the output for a chunk of rows {@code b[c]} of the
 * second matrix is {@code out[c][i]} \(= \sum_j b_{c,j}\, t_{j,i}\). The innermost loop runs over
 * the block's rows {@code i}, reads four columns {@code t[j..j+3]} and updates one output array,
 * with the same index on every array: this is the form HotSpot's C2 compiler turns into SIMD
 * instructions. Measured on JDK 17 (AVX-512, one core, 10,000 rows of 384 against 20): about 18
 * billion multiply-adds per second, against about 5 for the textbook row-by-row dot product,
 * which C2 does not vectorise because a floating-point reduction may not be reordered. Two output
 * arrays in one loop, or eight input columns, defeat the vectoriser (it cannot prove that the
 * arrays do not alias); blocks of 256 rows instead of 1,024 run at about 11. The same holds for
 * all pairs of 10,000 rows of 384 (the MMD's Gram matrix): about 21 billion a second and core;
 * processing two or four steps of {@code j} per output array before moving on, or blocks of 512
 * rows, was no faster.
 *
 * <p>Determinism. Every output value is computed by the same sequence of {@code float}
 * operations, \(s \leftarrow s + ((b_j t_j + b_{j+1} t_{j+1}) + (b_{j+2} t_{j+2} + b_{j+3}
 * t_{j+3}))\) for \(j = 0, 4, 8, \dots\), whatever the block, the chunk, the lane of the SIMD
 * register or the thread (Java floating-point arithmetic is strict), so results do not depend
 * on the number of threads.
 */
final class BlockedDots {

    /** Rows of the first matrix per transposed block (long inner loops amortise the loop set-up). */
    static final int BLOCK = 1024;
    /** Rows of the second matrix per output chunk. */
    static final int CHUNK = 32;

    private BlockedDots() {
    }

    /** @return the number of blocks covering n rows */
    static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** @return the number of rows of block b of n rows */
    static int blockSize(int n, int b) {
        return Math.min(BLOCK, n - b * BLOCK);
    }

    /** @return a buffer for {@link #transpose}: d arrays of {@link #BLOCK} values */
    static float[][] newTransposed(int d) {
        return new float[d][BLOCK];
    }

    /** @return an output buffer for {@link #dots}: {@link #CHUNK} arrays of {@link #BLOCK} values */
    static float[][] newOutput() {
        return new float[CHUNK][BLOCK];
    }

    /**
     * Transposes block b of x: {@code t[j][i] = x[b * BLOCK + i][j]}.
     *
     * @return the number of rows of the block
     */
    static int transpose(float[][] x, int b, int d, float[][] t) {
        final int r0 = b * BLOCK;
        final int bs = blockSize(x.length, b);
        for (int i = 0; i < bs; i++) {
            final float[] row = x[r0 + i];
            for (int j = 0; j < d; j++) {
                t[j][i] = row[j];
            }
        }
        return bs;
    }

    /**
     * {@code out[c][i]} = \(\sum_j\) {@code rows[c0 + c][j] * t[j][i]} for {@code c < nc}
     * ({@code nc <= CHUNK}) and {@code i < bs}.
     */
    static void dots(float[][] t, int bs, int d, float[][] rows, int c0, int nc, float[][] out) {
        for (int c = 0; c < nc; c++) {
            Arrays.fill(out[c], 0, bs, 0f);
        }
        // Columns outer, rows of b inner: four columns of the block stay in L1 while every
        // output array is updated
        final int d4 = d & ~3;
        for (int j = 0; j < d4; j += 4) {
            final float[] t0 = t[j];
            final float[] t1 = t[j + 1];
            final float[] t2 = t[j + 2];
            final float[] t3 = t[j + 3];
            for (int c = 0; c < nc; c++) {
                final float[] p = rows[c0 + c];
                axpy4(out[c], t0, t1, t2, t3, p[j], p[j + 1], p[j + 2], p[j + 3], bs);
            }
        }
        for (int c = 0; c < nc; c++) {
            final float[] o = out[c];
            final float[] p = rows[c0 + c];
            switch (d - d4) {
                case 1:
                    axpy1(o, t[d4], p[d4], bs);
                    break;
                case 2:
                    axpy2(o, t[d4], t[d4 + 1], p[d4], p[d4 + 1], bs);
                    break;
                case 3:
                    axpy3(o, t[d4], t[d4 + 1], t[d4 + 2], p[d4], p[d4 + 1], p[d4 + 2], bs);
                    break;
                default:
                    break;
            }
        }
    }

    // The kernels: one output array, the same index on every array (see the class description)

    private static void axpy4(float[] o, float[] t0, float[] t1, float[] t2, float[] t3,
                              float b0, float b1, float b2, float b3, int bs) {
        for (int i = 0; i < bs; i++) {
            o[i] += (b0 * t0[i] + b1 * t1[i]) + (b2 * t2[i] + b3 * t3[i]);
        }
    }

    private static void axpy3(float[] o, float[] t0, float[] t1, float[] t2, float b0, float b1, float b2,
                              int bs) {
        for (int i = 0; i < bs; i++) {
            o[i] += (b0 * t0[i] + b1 * t1[i]) + b2 * t2[i];
        }
    }

    private static void axpy2(float[] o, float[] t0, float[] t1, float b0, float b1, int bs) {
        for (int i = 0; i < bs; i++) {
            o[i] += b0 * t0[i] + b1 * t1[i];
        }
    }

    private static void axpy1(float[] o, float[] t0, float b0, int bs) {
        for (int i = 0; i < bs; i++) {
            o[i] += b0 * t0[i];
        }
    }

    /**
     * Columns {@code cols[i]}, i &lt; m, of a transposed block: {@code out[j][i] = t[j][cols[i]]}
     * (one block row at a time, so reads and writes stay within two arrays).
     */
    static void gather(float[][] t, int[] cols, int m, int d, float[][] out) {
        for (int j = 0; j < d; j++) {
            final float[] src = t[j];
            final float[] dst = out[j];
            for (int i = 0; i < m; i++) {
                dst[i] = src[cols[i]];
            }
        }
    }

    /**
     * The factor \(\gamma\) with \(|\mathrm{computed} - u\cdot v| \le \gamma \lVert u\rVert
     * \lVert v\rVert\) for the dot products of {@link #dots} in dimension d (products that do not
     * underflow): each product is rounded at most L = 3 + ceil(d/4) times (the product, two
     * pairwise sums, one running sum per step of four coordinates), so the error is at most
     * \(\gamma_L \sum_k |u_k v_k| \le \gamma_L \lVert u\rVert\lVert v\rVert\) with
     * \(\gamma_L = Lu/(1 - Lu)\), \(u = 2^{-24}\) (N. J. Higham, Accuracy and Stability of
     * Numerical Algorithms, 2nd ed., SIAM 2002, section 3.1).
     */
    static double errorFactor(int d) {
        final double unit = 0x1p-24;
        final double levels = 3 + (d + 3) / 4;
        return levels * unit / (1 - levels * unit);
    }

    /**
     * One dot product with exactly the operation sequence of every output value of {@link #dots}.
     *
     * @return \(\sum_j a_j b_j\) in {@code float}
     */
    static float dot(float[] a, float[] b) {
        final int d = a.length;
        final int d4 = d & ~3;
        float s = 0;
        for (int j = 0; j < d4; j += 4) {
            s += (a[j] * b[j] + a[j + 1] * b[j + 1]) + (a[j + 2] * b[j + 2] + a[j + 3] * b[j + 3]);
        }
        switch (d - d4) {
            case 1:
                s += a[d4] * b[d4];
                break;
            case 2:
                s += a[d4] * b[d4] + a[d4 + 1] * b[d4 + 1];
                break;
            case 3:
                s += (a[d4] * b[d4] + a[d4 + 1] * b[d4 + 1]) + a[d4 + 2] * b[d4 + 2];
                break;
            default:
                break;
        }
        return s;
    }

    /**
     * For every row q of {@code queries}, the largest dot product with a row of
     * {@code candidates} and the index of the first candidate reaching it. The work is split into
     * tasks of one query block and one contiguous range of candidates (at least 8 tasks when the
     * candidates allow, so 2 threads stay busy on a few blocks), run on up to {@code threads}
     * threads and merged exactly (larger value, then smaller index), so the result does not
     * depend on the number of threads.
     *
     * @param queries    rows, dimension d
     * @param candidates rows, dimension d, at least one
     * @param best       out: the largest dot product per query
     * @param argBest    out: its candidate index (the smallest on ties)
     */
    static void maxDots(float[][] queries, float[][] candidates, int d, float[] best, int[] argBest,
                        int threads) {
        final int n = queries.length;
        final int m = candidates.length;
        final int blocks = blocks(n);
        final int chunks = (m + CHUNK - 1) / CHUNK;
        final int parts = Math.min(chunks, Math.max(1, (8 + blocks - 1) / blocks));
        final float[][] partBest = new float[parts][n];
        final int[][] partArg = new int[parts][n];
        ParallelTasks.run(blocks * parts, threads, () -> {
            final float[][] t = newTransposed(d);
            final float[][] out = newOutput();
            final float[] bv = new float[BLOCK];
            final int[] bi = new int[BLOCK];
            final int[] transposed = {-1};
            return task -> {
                final int b = task / parts;
                final int part = task % parts;
                final int bs = blockSize(n, b);
                if (transposed[0] != b) {
                    transpose(queries, b, d, t);
                    transposed[0] = b;
                }
                Arrays.fill(bv, Float.NEGATIVE_INFINITY);
                Arrays.fill(bi, 0);
                final int from = (int) ((long) chunks * part / parts) * CHUNK;
                final int to = Math.min(m, (int) ((long) chunks * (part + 1) / parts) * CHUNK);
                for (int c0 = from; c0 < to; c0 += CHUNK) {
                    final int nc = Math.min(CHUNK, to - c0);
                    dots(t, bs, d, candidates, c0, nc, out);
                    for (int c = 0; c < nc; c++) {
                        final float[] o = out[c];
                        for (int i = 0; i < bs; i++) {
                            // Strict: the first candidate wins ties
                            if (o[i] > bv[i]) {
                                bv[i] = o[i];
                                bi[i] = c0 + c;
                            }
                        }
                    }
                }
                System.arraycopy(bv, 0, partBest[part], b * BLOCK, bs);
                System.arraycopy(bi, 0, partArg[part], b * BLOCK, bs);
            };
        });
        // Parts cover increasing candidate ranges: keep the earlier part on ties
        for (int i = 0; i < n; i++) {
            float v = partBest[0][i];
            int a = partArg[0][i];
            for (int part = 1; part < parts; part++) {
                if (partBest[part][i] > v) {
                    v = partBest[part][i];
                    a = partArg[part][i];
                }
            }
            best[i] = v;
            argBest[i] = a;
        }
    }
}
