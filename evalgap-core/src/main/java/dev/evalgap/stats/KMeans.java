package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * k-means clustering of the rows of a matrix: seeded k-means++ initialisation and Lloyd
 * iterations, best of several initialisations by inertia.
 *
 * <p>Objective: the <em>inertia</em> \(\sum_i \lVert x_i - c_{\ell_i} \rVert^2\), the sum of
 * squared Euclidean distances of the rows to the centroid of their cluster.
 *
 * <p>Procedure ({@link #fit(float[][])}), following scikit-learn's {@code KMeans(algorithm='lloyd')}
 * [3] step by step:
 * <ol>
 *   <li><b>Initialisation</b> ({@link Init#K_MEANS_PLUS_PLUS}, the default): greedy k-means++ [1].
 *       The first centroid is a row drawn uniformly. Each further centroid is chosen among
 *       \(2 + \lfloor \ln k \rfloor\) candidate rows, each drawn with probability proportional to
 *       \(D(x)^2\), the squared distance of the row to its nearest centroid so far (by inverting
 *       the cumulative sum of \(D^2\) at \(u \cdot \sum D^2\), \(u\) uniform on [0, 1)); the
 *       candidate that leaves the smallest total \(\sum_x D(x)^2\) is kept. This greedy variant
 *       is scikit-learn's; [1] draws one candidate per step. The greedy variant does better in
 *       practice, although its worst-case guarantee is weaker [2].
 *       {@link Init#RANDOM}: k distinct rows drawn uniformly.</li>
 *   <li><b>Lloyd iterations</b> [4]: assign every row to its nearest centroid (the first on
 *       ties), then move every centroid to the mean of its rows. Squared distances are computed
 *       as \(\lVert x\rVert^2 + \lVert c\rVert^2 - 2\,x\cdot c\), with the dot products in
 *       {@code float} and the rest in {@code double}. The sums of every cluster's rows are kept
 *       in {@code double} and updated by the rows that change cluster; centroids are stored as
 *       {@code float}. Rows are skipped whose bounds prove that their centroid cannot change
 *       (Hamerly's bounds [6], widened by the rounding of the computed distances), so the labels
 *       are exactly those of computing every distance; after the first few iterations most rows
 *       are skipped (60% over a 20-cluster fit of 10,000 rows of 384).</li>
 *   <li><b>Empty clusters</b>: a centroid left without rows is moved onto the row farthest from
 *       its own centroid (the farthest rows go to the empty clusters in ascending cluster order;
 *       a row is not taken from a cluster it is the only member of), as scikit-learn does.</li>
 *   <li><b>Stopping</b>: after iteration t, stop if no label changed (strict convergence), or
 *       if the total squared centroid shift \(\sum_c \lVert c_c^{(t)} - c_c^{(t-1)}\rVert^2\) is
 *       at most {@code tolerance} \(\times\) the mean over columns of the column variances of x
 *       (scikit-learn's relative tolerance, default \(10^{-4}\)), or after
 *       {@code maxIterations} (default 300). Unless the labels are already those of the final
 *       centroids, a last assignment step makes them so; the labels returned are always the
 *       nearest-centroid labels of the centroids returned ({@link KMeansResult#assign} gives the
 *       same labels for the same rows).</li>
 *   <li><b>Restarts</b>: the whole procedure runs {@code nInit} times (default 4, like the
 *       reference {@code drift_peer.py}); the run with the smallest inertia (recomputed exactly,
 *       as \(\sum_i \sum_j (x_{ij} - c_{\ell_i j})^2\) in {@code double}) is returned, the
 *       first one on ties.</li>
 * </ol>
 *
 * <p>Randomness: one {@link SplittableRandom} is created from the seed on each call; it draws one
 * seed per initialisation, in order, and each initialisation uses a generator of its own. The
 * runs are spread over up to {@linkplain #withThreads(int) 2 threads} (whole runs when
 * {@code nInit} &ge; 2, blocks of rows otherwise); every sum is taken in a fixed order, so the
 * result is identical for any number of threads and the same seed on the same data gives the same
 * result. The random streams are Java's, not NumPy's, so the clusters differ from
 * scikit-learn's for the same seed; the inertia is comparable.
 *
 * <p>Precision: distances come from the expansion above; for data with a large common offset
 * (row norms much larger than the distances between rows) subtract the mean first. Text
 * embeddings do not need it.
 *
 * <p>Number of clusters: {@link #chooseK(float[][], int, int, long)} picks k by the mean
 * silhouette on a subsample; see there.
 *
 * <p>Degenerate cases: x must have at least k rows, all of the same dimension &ge; 1 and finite;
 * otherwise {@link IllegalArgumentException}. With fewer than k distinct rows some clusters
 * hold copies of one row (or stay empty) and the inertia is 0.
 *
 * <p>References:
 * <ol>
 *   <li>D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding",
 *       Proceedings of the 18th ACM-SIAM Symposium on Discrete Algorithms (SODA 2007) 1027–1035.
 *       doi:10.5555/1283383.1283494</li>
 *   <li>C. Grunau, A. A. Özüdoğru, V. Rozhoň and J. Tětek, "A nearly tight analysis of greedy
 *       k-means++", Proceedings of the 2023 ACM-SIAM Symposium on Discrete Algorithms (SODA
 *       2023); arXiv:2207.07949.</li>
 *   <li>F. Pedregosa et al., "Scikit-learn: machine learning in Python", Journal of Machine
 *       Learning Research 12 (2011) 2825–2830; {@code sklearn.cluster.KMeans}, version 1.2.</li>
 *   <li>S. P. Lloyd, "Least squares quantization in PCM", IEEE Transactions on Information
 *       Theory 28 (1982) 129–137. doi:10.1109/TIT.1982.1056489</li>
 *   <li>P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation of
 *       cluster analysis", Journal of Computational and Applied Mathematics 20 (1987) 53–65.
 *       doi:10.1016/0377-0427(87)90125-7</li>
 *   <li>G. Hamerly, "Making k-means even faster", Proceedings of the 2010 SIAM International
 *       Conference on Data Mining 130–140. doi:10.1137/1.9781611972801.12</li>
 * </ol>
 */
public final class KMeans {

    /** How the centroids of each run are initialised. */
    public enum Init {
        /**
         * Greedy k-means++: the first centroid uniform, every further one the best (smallest
         * resulting \(\sum D^2\)) of \(2 + \lfloor \ln k \rfloor\) rows drawn with probability
         * \(\propto D^2\).
         */
        K_MEANS_PLUS_PLUS,
        /** k distinct rows drawn uniformly without replacement. */
        RANDOM
    }

    /** Default number of clusters (the reference {@code drift_peer.py} uses 20). */
    public static final int DEFAULT_K = 20;
    /** Default number of initialisations; the best by inertia is kept. */
    public static final int DEFAULT_N_INIT = 4;
    /** Default maximum number of Lloyd iterations per initialisation. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    /** Default relative tolerance on the total squared centroid shift. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;
    /** Default number of worker threads. */
    public static final int DEFAULT_THREADS = 2;
    /** {@link #chooseK}: the largest subsample on which the silhouette is computed. */
    public static final int CHOOSE_K_SAMPLE = 2000;
    /** {@link #chooseK}: initialisations per candidate k. */
    public static final int CHOOSE_K_N_INIT = 2;

    /** Template: k, rows. */
    static final String K_TOO_LARGE = "k = %d clusters need at least %d rows, got %d";
    /** Template: kMin, kMax. */
    static final String K_RANGE = "kMin (%d) must be <= kMax (%d)";
    /** Template: kMin, largest k, subsample size. */
    static final String K_RANGE_SAMPLE =
        "kMin (%d) exceeds the largest k the silhouette can judge (%d = subsample size %d - 1)";
    /** Template: dimension of the rows, dimension of the centroids. */
    static final String ASSIGN_DIMENSION = "rows have dimension %d, centroids %d";

    private static final KMeans DEFAULT = new KMeans(DEFAULT_K, Init.K_MEANS_PLUS_PLUS, DEFAULT_N_INIT,
        DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_SEED, DEFAULT_THREADS, true);

    /** Partial sums of the centroid update are kept for at most this many fixed groups of blocks. */
    private static final int MAX_GROUPS = 16;
    /** Relative slack on the distance bounds, far above the rounding of their own arithmetic. */
    private static final double BOUND_MARGIN = 1e-9;

    private final int k;
    private final Init init;
    private final int nInit;
    private final int maxIterations;
    private final double tolerance;
    private final long seed;
    private final int threads;
    /** Whether assignment steps skip the rows whose bounds prove their centroid (see {@link Lloyd}). */
    private final boolean pruning;

    private KMeans(int k, Init init, int nInit, int maxIterations, double tolerance, long seed, int threads,
                   boolean pruning) {
        this.k = k;
        this.init = init;
        this.nInit = nInit;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.seed = seed;
        this.threads = threads;
        this.pruning = pruning;
    }

    /**
     * k = 20, k-means++, 4 initialisations, at most 300 iterations, tolerance \(10^{-4}\),
     * seed 0, 2 threads.
     *
     * @return the default instance
     */
    public static KMeans withDefaults() {
        return DEFAULT;
    }

    /**
     * @param clusters number of clusters k, &ge; 1
     * @return a copy with k clusters
     */
    public KMeans withK(int clusters) {
        return new KMeans(Arguments.checkAtLeast("k", 1, clusters), init, nInit, maxIterations, tolerance, seed,
            threads, pruning);
    }

    /**
     * @param method the initialisation
     * @return a copy with this initialisation
     */
    public KMeans withInit(Init method) {
        return new KMeans(k, Objects.requireNonNull(method, "init"), nInit, maxIterations, tolerance, seed,
            threads, pruning);
    }

    /**
     * @param runs number of initialisations, &ge; 1; the run with the smallest inertia is kept
     * @return a copy with this number of initialisations
     */
    public KMeans withNInit(int runs) {
        return new KMeans(k, init, Arguments.checkAtLeast("nInit", 1, runs), maxIterations, tolerance, seed,
            threads, pruning);
    }

    /**
     * @param iterations maximum number of Lloyd iterations per initialisation, &ge; 1
     * @return a copy with this limit
     */
    public KMeans withMaxIterations(int iterations) {
        return new KMeans(k, init, nInit, Arguments.checkAtLeast("maxIterations", 1, iterations), tolerance,
            seed, threads, pruning);
    }

    /**
     * @param relative tolerance on the total squared centroid shift, relative to the mean column
     *                 variance of the data; finite and &ge; 0 (0: stop only on strict convergence
     *                 or at the iteration limit)
     * @return a copy with this tolerance
     */
    public KMeans withTolerance(double relative) {
        if (!(relative >= 0 && relative < Double.POSITIVE_INFINITY)) {
            throw Arguments.error("tolerance must be finite and >= 0, got %s", relative);
        }
        return new KMeans(k, init, nInit, maxIterations, relative, seed, threads, pruning);
    }

    /**
     * @param s seed of the initialisations
     * @return a copy with this seed
     */
    public KMeans withSeed(long s) {
        return new KMeans(k, init, nInit, maxIterations, tolerance, s, threads, pruning);
    }

    /**
     * @param n worker threads, &ge; 1; does not change the result
     * @return a copy using up to n threads
     */
    public KMeans withThreads(int n) {
        return new KMeans(k, init, nInit, maxIterations, tolerance, seed, Arguments.checkAtLeast("threads", 1, n),
            pruning);
    }

    /**
     * For tests: a copy whose assignment steps compute every row's distances (plain Lloyd), which
     * must give the same result.
     *
     * @return a copy without pruning
     */
    KMeans withoutPruning() {
        return new KMeans(k, init, nInit, maxIterations, tolerance, seed, threads, false);
    }

    /** @return the number of clusters */
    public int k() {
        return k;
    }

    /** @return the initialisation */
    public Init init() {
        return init;
    }

    /** @return the number of initialisations */
    public int nInit() {
        return nInit;
    }

    /** @return the maximum number of Lloyd iterations per initialisation */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the relative tolerance */
    public double tolerance() {
        return tolerance;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the maximum number of worker threads */
    public int threads() {
        return threads;
    }

    /**
     * Clusters the rows of x.
     *
     * @param x rows, not modified
     * @return the best of {@code nInit} runs
     * @throws IllegalArgumentException if x has fewer than k rows, ragged rows or non-finite values
     */
    public KMeansResult fit(float[][] x) {
        final int d = Arguments.checkMatrix("x", x);
        if (x.length < k) {
            throw Arguments.error(K_TOO_LARGE, k, k, x.length);
        }
        final Data data = new Data(x, d, threads);
        final Run best = bestOf(data, k, init, nInit, maxIterations, tolerance * data.meanVariance, seed, threads,
            pruning);
        return new KMeansResult(k, best.labels, best.centers, best.inertia, best.iterations, seed, nInit);
    }

    /**
     * Chooses the number of clusters by the mean silhouette [5] on a subsample. The rule, exactly:
     * <ol>
     *   <li>Draw a uniform random subsample S of \(s = \min(n, 2000)\) rows without replacement
     *       (partial Fisher–Yates shuffle with a {@link SplittableRandom} seeded with
     *       {@code seed}).</li>
     *   <li>For every k = kMin, …, min(kMax, s − 1), cluster S with k-means as in
     *       {@link #fit}: k-means++, best of {@value #CHOOSE_K_N_INIT} initialisations by
     *       inertia, at most 300 Lloyd iterations, relative tolerance \(10^{-4}\), the same seed
     *       (drawn from the same generator) for every k.</li>
     *   <li>Score each clustering by the mean silhouette coefficient of the rows of S with
     *       Euclidean distances: for a row i in cluster A with \(|A| &gt; 1\), a(i) is its mean
     *       distance to the other rows of A, b(i) the smallest mean distance to the rows of another
     *       cluster, and \(s(i) = (b(i) - a(i)) / \max(a(i), b(i))\); s(i) = 0 when \(|A| = 1\)
     *       or \(a(i) = b(i) = 0\) (scikit-learn's {@code silhouette_score}).</li>
     *   <li>Return the k with the largest mean silhouette; the smallest such k on ties.</li>
     * </ol>
     * The silhouette rewards compact, well-separated clusters and needs no model of the data.
     * A choice at an end of the range says the best k may lie beyond it (on 40 planted topics in
     * 384 dimensions, the silhouette still rose at k = 30 and {@code kMax} = 30 was chosen). The
     * chosen k is then used to cluster all rows ({@code withK(choice.k()).fit(x)}). Runs on 2
     * threads; the result does not depend on their number. Cost: about 0.5–0.9 s for k = 4..30
     * on a 2,000-row subsample of 384 dimensions on 2 cores.
     *
     * @param x    rows, not modified
     * @param kMin smallest candidate k, &ge; 2
     * @param kMax largest candidate k, &ge; kMin (clipped to s − 1)
     * @param seed seed of the subsample and of the k-means runs
     * @return the choice, with the silhouette of every candidate
     * @throws IllegalArgumentException on an invalid range or invalid rows
     */
    public static KSelection chooseK(float[][] x, int kMin, int kMax, long seed) {
        return chooseK(x, kMin, kMax, seed, DEFAULT_THREADS);
    }

    static KSelection chooseK(float[][] x, int kMin, int kMax, long seed, int threads) {
        final int d = Arguments.checkMatrix("x", x);
        Arguments.checkAtLeast("kMin", 2, kMin);
        if (kMax < kMin) {
            throw Arguments.error(K_RANGE, kMin, kMax);
        }
        final int n = x.length;
        final int s = Math.min(n, CHOOSE_K_SAMPLE);
        final int kHigh = Math.min(kMax, s - 1);
        if (kHigh < kMin) {
            throw Arguments.error(K_RANGE_SAMPLE, kMin, s - 1, s);
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final int[] index = subsample(n, s, rng);
        final float[][] sub = new float[s][];
        for (int i = 0; i < s; i++) {
            sub[i] = x[index[i]];
        }
        final long fitSeed = rng.nextLong();
        final Data data = new Data(sub, d, threads);
        final double tol = DEFAULT_TOLERANCE * data.meanVariance;
        final int count = kHigh - kMin + 1;
        final int[][] labels = new int[count][];
        // Largest k first: the longest tasks start first
        ParallelTasks.run(count, threads, () -> i -> {
            final int kk = kHigh - i;
            labels[kk - kMin] = bestOf(data, kk, Init.K_MEANS_PLUS_PLUS, CHOOSE_K_N_INIT,
                DEFAULT_MAX_ITERATIONS, tol, fitSeed, 1, true).labels;
        });
        final double[] silhouettes = silhouettes(data, labels, kMin, threads);
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (silhouettes[i] > silhouettes[best]) {
                best = i;
            }
        }
        return new KSelection(kMin + best, kMin, kHigh, silhouettes, s, n, CHOOSE_K_N_INIT, seed,
            KSelection.RULE);
    }

    /** s distinct indices of 0..n-1 drawn uniformly (partial Fisher–Yates), in ascending order. */
    private static int[] subsample(int n, int s, SplittableRandom rng) {
        final int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < s; i++) {
            final int j = i + rng.nextInt(n - i);
            final int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        final int[] out = Arrays.copyOf(perm, s);
        Arrays.sort(out);
        return out;
    }

    /**
     * Mean silhouette of the rows of {@code data} under each labelling (Euclidean distances);
     * {@code labels[i]} has {@code kMin + i} clusters.
     */
    static double[] silhouettes(Data data, int[][] labels, int kMin, int threads) {
        final int s = data.n;
        final float[][] dist = pairwiseDistances(data, threads);
        final int count = labels.length;
        final int[][] sizes = new int[count][];
        for (int c = 0; c < count; c++) {
            sizes[c] = new int[kMin + c];
            for (final int l : labels[c]) {
                sizes[c][l]++;
            }
        }
        final double[][] per = new double[count][s];
        ParallelTasks.run(s, threads, () -> {
            final double[] sum = new double[kMin + count];
            return i -> {
                final float[] row = dist[i];
                for (int c = 0; c < count; c++) {
                    final int kk = kMin + c;
                    final int[] l = labels[c];
                    Arrays.fill(sum, 0, kk, 0.0);
                    for (int j = 0; j < s; j++) {
                        sum[l[j]] += row[j];
                    }
                    per[c][i] = silhouette(sum, sizes[c], l[i], kk);
                }
            };
        });
        final double[] mean = new double[count];
        for (int c = 0; c < count; c++) {
            double t = 0;
            for (final double v : per[c]) {
                t += v;
            }
            mean[c] = t / s;
        }
        return mean;
    }

    /**
     * s(i) from the sums of the distances of row i to the members of each cluster (its own
     * distance 0 included).
     */
    static double silhouette(double[] sum, int[] size, int own, int kk) {
        if (size[own] <= 1) {
            return 0;
        }
        final double a = sum[own] / (size[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < kk; c++) {
            if (c != own && size[c] > 0) {
                b = Math.min(b, sum[c] / size[c]);
            }
        }
        if (b == Double.POSITIVE_INFINITY) {
            // Every row in one cluster: b undefined
            return 0;
        }
        final double m = Math.max(a, b);
        return m > 0 ? (b - a) / m : 0;
    }

    /** Euclidean distances between all rows, \(\sqrt{\max(0, \|x\|^2 + \|y\|^2 - 2 x\cdot y)}\), diagonal 0. */
    private static float[][] pairwiseDistances(Data data, int threads) {
        final int n = data.n;
        final int d = data.d;
        final float[][] dist = new float[n][n];
        ParallelTasks.run(data.blocks, threads, () -> {
            final float[][] out = BlockedDots.newOutput();
            return b -> {
                final int bs = BlockedDots.blockSize(n, b);
                final float[][] t = data.transposed[b];
                for (int c0 = 0; c0 < n; c0 += BlockedDots.CHUNK) {
                    final int nc = Math.min(BlockedDots.CHUNK, n - c0);
                    BlockedDots.dots(t, bs, d, data.x, c0, nc, out);
                    for (int i = 0; i < bs; i++) {
                        final int r = b * BlockedDots.BLOCK + i;
                        final float[] row = dist[r];
                        for (int c = 0; c < nc; c++) {
                            final double d2 = data.norms[r] + data.norms[c0 + c] - 2.0 * out[c][i];
                            row[c0 + c] = (float) Math.sqrt(Math.max(0, d2));
                        }
                    }
                }
                for (int i = 0; i < bs; i++) {
                    final int r = b * BlockedDots.BLOCK + i;
                    dist[r][r] = 0;
                }
            };
        });
        return dist;
    }

    /**
     * Nearest centroid of every row (the first on ties), with the arithmetic of the fit's assignment
     * step: given a fit's centroids, the rows it was fitted on get its labels.
     *
     * @param centroids k rows
     * @param x         rows of the centroids' dimension, finite
     * @return the index of the nearest centroid of every row
     * @throws IllegalArgumentException on ragged or non-finite rows or a dimension mismatch
     */
    public static int[] assign(float[][] centroids, float[][] x) {
        return nearest(centroids, x, 1);
    }

    /** {@link #assign} on up to {@code threads} threads. */
    static int[] nearest(float[][] centroids, float[][] x, int threads) {
        final int d = Arguments.checkMatrix("x", x);
        if (d != centroids[0].length) {
            throw Arguments.error(ASSIGN_DIMENSION, d, centroids[0].length);
        }
        final double[] cc = squaredNorms(centroids);
        final int[] labels = new int[x.length];
        ParallelTasks.run(BlockedDots.blocks(x.length), threads, () -> {
            final float[][] t = BlockedDots.newTransposed(d);
            final Scratch scratch = new Scratch();
            return b -> {
                final int bs = BlockedDots.transpose(x, b, d, t);
                nearest(t, bs, d, centroids, cc, scratch);
                System.arraycopy(scratch.arg, 0, labels, b * BlockedDots.BLOCK, bs);
            };
        });
        return labels;
    }

    // ------------------------------------------------------------------------------------------
    // The algorithm

    /** The data of a fit: rows, their transposed blocks and squared norms. */
    static final class Data {
        final float[][] x;
        final int n;
        final int d;
        final int blocks;
        final float[][][] transposed;
        final double[] norms;
        /** Mean over columns of the column variances (divisor n). */
        final double meanVariance;

        Data(float[][] x, int d, int threads) {
            this.x = x;
            this.n = x.length;
            this.d = d;
            this.blocks = BlockedDots.blocks(n);
            this.transposed = new float[blocks][][];
            ParallelTasks.run(blocks, threads, () -> b -> {
                final float[][] t = BlockedDots.newTransposed(d);
                BlockedDots.transpose(x, b, d, t);
                transposed[b] = t;
            });
            this.norms = squaredNorms(x);
            final double[] mean = new double[d];
            for (final float[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }
            final double[] ss = new double[d];
            for (final float[] row : x) {
                for (int j = 0; j < d; j++) {
                    final double e = row[j] - mean[j];
                    ss[j] += e * e;
                }
            }
            double total = 0;
            for (int j = 0; j < d; j++) {
                total += ss[j] / n;
            }
            this.meanVariance = total / d;
        }
    }

    /** One run's outcome. */
    private static final class Run {
        final int[] labels;
        final float[][] centers;
        final double inertia;
        final int iterations;

        Run(int[] labels, float[][] centers, double inertia, int iterations) {
            this.labels = labels;
            this.centers = centers;
            this.inertia = inertia;
            this.iterations = iterations;
        }
    }

    /** Per-thread scratch arrays of the assignment step. */
    private static final class Scratch {
        final float[][] out = BlockedDots.newOutput();
        final double[] best = new double[BlockedDots.BLOCK];
        final double[] second = new double[BlockedDots.BLOCK];
        final int[] arg = new int[BlockedDots.BLOCK];
        /** Rows of a block (offsets) still to assign. */
        final int[] rows = new int[BlockedDots.BLOCK];
        /** Those rows, transposed; allocated on first use. */
        float[][] gathered;
    }

    /** Best of {@code runs} runs, whole runs spread over the threads when there are several. */
    private static Run bestOf(Data data, int k, Init init, int runs, int maxIterations, double tol, long seed,
                              int threads, boolean pruning) {
        final SplittableRandom root = new SplittableRandom(seed);
        final long[] seeds = new long[runs];
        for (int r = 0; r < runs; r++) {
            seeds[r] = root.nextLong();
        }
        final Run[] done = new Run[runs];
        if (runs >= 2 && threads >= 2) {
            ParallelTasks.run(runs, threads,
                () -> r -> done[r] = run(data, k, init, maxIterations, tol, seeds[r], 1, pruning));
        } else {
            for (int r = 0; r < runs; r++) {
                done[r] = run(data, k, init, maxIterations, tol, seeds[r], threads, pruning);
            }
        }
        Run best = done[0];
        for (int r = 1; r < runs; r++) {
            if (done[r].inertia < best.inertia) {
                best = done[r];
            }
        }
        return best;
    }

    /** One initialisation followed by Lloyd iterations. */
    private static Run run(Data data, int k, Init init, int maxIterations, double tol, long seed, int threads,
                           boolean pruning) {
        final SplittableRandom rng = new SplittableRandom(seed);
        float[][] centers = init == Init.K_MEANS_PLUS_PLUS
            ? plusPlus(data, k, rng, threads)
            : randomRows(data, k, rng);
        final int n = data.n;
        final Lloyd lloyd = new Lloyd(data, k, threads, pruning);
        final int[] previous = new int[n];
        Arrays.fill(previous, -1);
        int iterations = 0;
        boolean consistent = false;
        for (int it = 0; it < maxIterations; it++) {
            lloyd.assign(centers, it == 0 ? Sums.ADD_ALL : Sums.MOVE_CHANGED, threads);
            final float[][] updated = lloyd.update(centers);
            double shift = 0;
            boolean moved = false;
            final double[] shifts = new double[k];
            for (int c = 0; c < k; c++) {
                shift = addSquaredShift(shift, updated[c], centers[c]);
                shifts[c] = Math.sqrt(addSquaredShift(0, updated[c], centers[c]));
                moved |= !Arrays.equals(updated[c], centers[c]);
            }
            lloyd.moved(shifts);
            centers = updated;
            iterations = it + 1;
            if (Arrays.equals(lloyd.labels, previous)) {
                // Strict convergence: same labels, hence (unless an empty cluster was just
                // relocated) the same centroids, and the labels are theirs
                consistent = !moved;
                break;
            }
            if (shift <= tol) {
                break;
            }
            System.arraycopy(lloyd.labels, 0, previous, 0, n);
        }
        if (!consistent) {
            // The labels of the returned centroids
            lloyd.assign(centers, Sums.KEEP, threads);
        }
        return new Run(lloyd.labels, centers, inertia(data, centers, lloyd.labels, lloyd.groups, threads),
            iterations);
    }

    /** s plus the squared Euclidean distance between a and b, added coordinate by coordinate. */
    private static double addSquaredShift(double s, float[] a, float[] b) {
        for (int j = 0; j < a.length; j++) {
            final double e = (double) a[j] - b[j];
            s += e * e;
        }
        return s;
    }

    /** What an assignment step does to the per-group cluster sums. */
    private enum Sums {
        /** First step: add every row to its cluster. */
        ADD_ALL,
        /** Later steps: move the rows whose label changed (in row order within the group). */
        MOVE_CHANGED,
        /** Final labelling: leave the sums alone. */
        KEEP
    }

    /** The state of one run's Lloyd iterations. */
    private static final class Lloyd {
        final Data data;
        final int k;
        /**
         * Fixed groups of contiguous blocks. Each group keeps the sums of its rows per cluster in
         * {@code double}, updated by the rows that change cluster (in row order) and reduced in
         * group order, so the centroids do not depend on the number of threads.
         */
        final int groups;
        final double[][][] sums;
        final int[][] counts;
        final int[] labels;
        /**
         * Per row, once every row has been assigned: an upper bound on the Euclidean distance to
         * its centroid and a lower bound on the distance to every other centroid [6], both
         * covering the rounding of the computed distances.
         */
        final double[] upper;
        final double[] lower;
        /** Whether the bounds hold for the current centroids (after the first assignment). */
        private boolean bounded;
        private final boolean pruning;
        private final Scratch[] scratch;

        Lloyd(Data data, int k, int threads, boolean pruning) {
            this.data = data;
            this.k = k;
            this.groups = Math.min(MAX_GROUPS, data.blocks);
            this.sums = new double[groups][k][data.d];
            this.counts = new int[groups][k];
            this.labels = new int[data.n];
            this.upper = new double[data.n];
            this.lower = new double[data.n];
            this.pruning = pruning;
            this.scratch = new Scratch[Math.min(threads, groups)];
            for (int t = 0; t < scratch.length; t++) {
                scratch[t] = new Scratch();
            }
        }

        /**
         * Assignment step: the nearest centroid of every row; the per-group sums and counts of
         * every cluster are updated as {@code mode} says. Once bounds exist, a row whose upper
         * bound lies below its lower bound by more than the rounding of the computed distances
         * keeps its centroid without computing a distance (Hamerly's test [6]): the computed
         * distances would pick the same centroid, so the labels are exactly Lloyd's.
         */
        void assign(float[][] centers, Sums mode, int threads) {
            final double[] cc = squaredNorms(centers);
            double largest = 0;
            for (final double v : cc) {
                largest = Math.max(largest, v);
            }
            final double centerNorm = Math.sqrt(largest);
            final double factor = BlockedDots.errorFactor(data.d);
            final boolean skip = pruning && bounded;
            final AtomicInteger workers = new AtomicInteger();
            ParallelTasks.run(groups, threads, () -> {
                final Scratch sc = scratch[workers.getAndIncrement()];
                return g -> {
                    for (int b = firstBlock(data.blocks, groups, g); b < firstBlock(data.blocks, groups, g + 1); b++) {
                        assignBlock(g, b, centers, cc, mode, skip, centerNorm, factor, sc);
                    }
                };
            });
            bounded = true;
        }

        // Every loop below sits in a small method of its own: each is compiled once, early, instead
        // of the JIT compiling the whole step several times from different loop entries

        private void assignBlock(int g, int b, float[][] centers, double[] cc, Sums mode, boolean skip,
                                 double centerNorm, double factor, Scratch sc) {
            final int r0 = b * BlockedDots.BLOCK;
            final int bs = BlockedDots.blockSize(data.n, b);
            final int m = skip ? unsettled(r0, bs, centerNorm, factor, sc.rows) : all(bs, sc.rows);
            if (m == bs) {
                nearest(data.transposed[b], bs, data.d, centers, cc, sc);
            } else if (m > 0) {
                if (sc.gathered == null) {
                    sc.gathered = BlockedDots.newTransposed(data.d);
                }
                BlockedDots.gather(data.transposed[b], sc.rows, m, data.d, sc.gathered);
                nearest(sc.gathered, m, data.d, centers, cc, sc);
            }
            record(g, r0, m, sc, mode, centerNorm, factor);
        }

        private static int all(int bs, int[] rows) {
            for (int i = 0; i < bs; i++) {
                rows[i] = i;
            }
            return bs;
        }

        /** The offsets of the rows r0 + i, i &lt; bs, that may change centroid, into rows; their number. */
        private int unsettled(int r0, int bs, double centerNorm, double factor, int[] rows) {
            int m = 0;
            for (int i = 0; i < bs; i++) {
                if (!settled(r0 + i, centerNorm, factor)) {
                    rows[m++] = i;
                }
            }
            return m;
        }

        /** Labels, bounds and (as {@code mode} says) cluster sums of the m rows just assigned, in row order. */
        private void record(int g, int r0, int m, Scratch sc, Sums mode, double centerNorm, double factor) {
            final double[][] s = sums[g];
            final int[] cnt = counts[g];
            for (int t = 0; t < m; t++) {
                final int r = r0 + sc.rows[t];
                final int now = sc.arg[t];
                final int was = labels[r];
                labels[r] = now;
                final double norm = data.norms[r];
                final double e = rounding(norm, centerNorm, factor);
                upper[r] = Math.sqrt(Math.max(0, sc.best[t] + norm + e));
                lower[r] = Math.sqrt(Math.max(0, sc.second[t] + norm - e));
                final float[] row = data.x[r];
                if (mode == Sums.ADD_ALL) {
                    add(s[now], row);
                    cnt[now]++;
                } else if (mode == Sums.MOVE_CHANGED && now != was) {
                    subtract(s[was], row);
                    cnt[was]--;
                    add(s[now], row);
                    cnt[now]++;
                }
            }
        }

        /**
         * Whether row r provably keeps its centroid: with \(u\), \(l\) its bounds, the computed
         * squared distance to its centroid is at most \(u^2 + e\) and to any other at least
         * \(l^2 - e\), so \(u^2 + 2e &lt; l^2\) (with a relative margin for the rounding of the
         * bounds themselves) makes its centroid the strict minimum.
         */
        private boolean settled(int r, double centerNorm, double factor) {
            final double u = upper[r];
            final double l = lower[r];
            return u * u * (1 + BOUND_MARGIN) + 2 * rounding(data.norms[r], centerNorm, factor)
                < l * l * (1 - BOUND_MARGIN);
        }

        /**
         * After the centroids moved by {@code shifts} (Euclidean): by the triangle inequality a row's
         * distance to its centroid grew by at most that centroid's shift, and to any other
         * centroid shrank by at most the largest shift of the others.
         */
        void moved(double[] shifts) {
            int top = 0;
            for (int c = 1; c < k; c++) {
                if (shifts[c] > shifts[top]) {
                    top = c;
                }
            }
            double next = 0;
            for (int c = 0; c < k; c++) {
                if (c != top) {
                    next = Math.max(next, shifts[c]);
                }
            }
            final double grow = 1 + BOUND_MARGIN;
            for (int r = 0; r < data.n; r++) {
                final int own = labels[r];
                upper[r] += shifts[own] * grow;
                lower[r] -= (own == top ? next : shifts[top]) * grow;
            }
        }

        private static void add(double[] sum, float[] row) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += row[j];
            }
        }

        private static void subtract(double[] sum, float[] row) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] -= row[j];
            }
        }

        /** Update step: centroids as means of the group sums (reduced in group order), empty clusters relocated. */
        float[][] update(float[][] centers) {
            final int d = data.d;
            final double[][] total = new double[k][d];
            final int[] size = new int[k];
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < k; c++) {
                    addTo(total[c], sums[g][c]);
                    size[c] += counts[g][c];
                }
            }
            relocateEmpty(centers, total, size);
            final float[][] out = new float[k][];
            for (int c = 0; c < k; c++) {
                out[c] = mean(total[c], size[c]);
            }
            return out;
        }

        private static void addTo(double[] dst, double[] src) {
            for (int j = 0; j < dst.length; j++) {
                dst[j] += src[j];
            }
        }

        private static float[] mean(double[] total, int members) {
            final float[] out = new float[total.length];
            final double m = members;
            for (int j = 0; j < out.length; j++) {
                out[j] = (float) (total[j] / m);
            }
            return out;
        }

        /**
         * Moves every empty cluster onto one of the rows farthest from their centroid (exact
         * distances; largest first, the smaller row index on ties), skipping rows that are the
         * only member of their cluster.
         */
        private void relocateEmpty(float[][] centers, double[][] total, int[] size) {
            int empty = 0;
            for (final int v : size) {
                if (v == 0) {
                    empty++;
                }
            }
            if (empty == 0) {
                return;
            }
            final int n = data.n;
            final double[] distance = new double[n];
            final Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                distance[i] = squaredDistance(data.x[i], centers[labels[i]]);
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                final int byDistance = Double.compare(distance[b], distance[a]);
                return byDistance != 0 ? byDistance : Integer.compare(a, b);
            });
            int next = 0;
            for (int c = 0; c < k; c++) {
                if (size[c] != 0) {
                    continue;
                }
                while (next < n && size[labels[order[next]]] <= 1) {
                    next++;
                }
                if (next == n) {
                    // Unreachable with n >= k: the clusters hold n - (non-empty clusters) >= (empty
                    // clusters) rows beyond their first, and every move uses up exactly one of them
                    throw new IllegalStateException("no row to move into empty cluster " + c);
                }
                final int r = order[next++];
                final int from = labels[r];
                final float[] row = data.x[r];
                final double[] moved = new double[data.d];
                for (int j = 0; j < data.d; j++) {
                    total[from][j] -= row[j];
                    moved[j] = row[j];
                }
                size[from]--;
                total[c] = moved;
                size[c] = 1;
            }
        }
    }

    /** First block of group g when {@code blocks} blocks are split into {@code groups} contiguous groups. */
    private static int firstBlock(int blocks, int groups, int g) {
        return (int) ((long) blocks * g / groups);
    }

    /**
     * A bound on |computed - exact| for the squared distance of a row with squared norm
     * {@code squaredNorm} to a centroid of norm at most {@code centerNorm}: twice the float dot
     * product's error ({@link BlockedDots#errorFactor}) plus the double-precision steps.
     */
    private static double rounding(double squaredNorm, double centerNorm, double factor) {
        return 2 * factor * Math.sqrt(squaredNorm) * centerNorm
            + 0x1p-40 * (squaredNorm + centerNorm * centerNorm) + 0x1p-140;
    }

    /**
     * For each row of a transposed block: the nearest centroid (the first on ties), the value of
     * \(\|c\|^2 - 2 x\cdot c\) (the squared distance less \(\|x\|^2\)) for it and the smallest
     * value for another centroid (+infinity if k = 1), in {@code scratch}.
     */
    private static void nearest(float[][] t, int bs, int d, float[][] centers, double[] cc, Scratch scratch) {
        final int k = centers.length;
        final double[] best = scratch.best;
        final double[] second = scratch.second;
        final int[] arg = scratch.arg;
        Arrays.fill(best, 0, bs, Double.POSITIVE_INFINITY);
        Arrays.fill(second, 0, bs, Double.POSITIVE_INFINITY);
        Arrays.fill(arg, 0, bs, 0);
        for (int c0 = 0; c0 < k; c0 += BlockedDots.CHUNK) {
            final int nc = Math.min(BlockedDots.CHUNK, k - c0);
            BlockedDots.dots(t, bs, d, centers, c0, nc, scratch.out);
            for (int c = 0; c < nc; c++) {
                final float[] o = scratch.out[c];
                final double q = cc[c0 + c];
                for (int i = 0; i < bs; i++) {
                    final double v = q - 2.0 * o[i];
                    if (v < best[i]) {
                        second[i] = best[i];
                        best[i] = v;
                        arg[i] = c0 + c;
                    } else if (v < second[i]) {
                        second[i] = v;
                    }
                }
            }
        }
    }

    /** Exact inertia \(\sum_i \sum_j (x_{ij} - c_{\ell_i j})^2\), summed per group then in group order. */
    private static double inertia(Data data, float[][] centers, int[] labels, int groups, int threads) {
        final double[] partial = new double[groups];
        ParallelTasks.run(groups, threads, () -> g -> {
            final int r0 = firstBlock(data.blocks, groups, g) * BlockedDots.BLOCK;
            final int r1 = Math.min(data.n, firstBlock(data.blocks, groups, g + 1) * BlockedDots.BLOCK);
            double s = 0;
            for (int r = r0; r < r1; r++) {
                s += squaredDistance(data.x[r], centers[labels[r]]);
            }
            partial[g] = s;
        });
        double total = 0;
        for (final double v : partial) {
            total += v;
        }
        return total;
    }

    /** \(\sum_j (x_j - c_j)^2\) in {@code double}, four interleaved partial sums. */
    private static double squaredDistance(float[] x, float[] c) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        final int d4 = x.length & ~3;
        for (int j = 0; j < d4; j += 4) {
            final double e0 = (double) x[j] - c[j];
            final double e1 = (double) x[j + 1] - c[j + 1];
            final double e2 = (double) x[j + 2] - c[j + 2];
            final double e3 = (double) x[j + 3] - c[j + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (int j = d4; j < x.length; j++) {
            final double e = (double) x[j] - c[j];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** k distinct rows, uniformly (partial Fisher–Yates). */
    private static float[][] randomRows(Data data, int k, SplittableRandom rng) {
        // In row order (subsample sorts): the order of the centroids does not matter
        final int[] index = subsample(data.n, k, rng);
        final float[][] centers = new float[k][];
        for (int c = 0; c < k; c++) {
            centers[c] = data.x[index[c]].clone();
        }
        return centers;
    }

    /** Greedy k-means++ (see {@link Init#K_MEANS_PLUS_PLUS}). */
    private static float[][] plusPlus(Data data, int k, SplittableRandom rng, int threads) {
        final int n = data.n;
        final int trials = 2 + (int) Math.log(k);
        final float[][] centers = new float[k][];
        final int first = rng.nextInt(n);
        centers[0] = data.x[first].clone();
        double[] closest = new double[n];
        double pot = distancesTo(data, new int[] {first}, new double[][] {closest}, null, threads)[0];
        final double[] cumulative = new double[n];
        double[][] candidate = new double[trials][n];
        final int[] ids = new int[trials];
        for (int c = 1; c < k; c++) {
            cumulativeSum(closest, cumulative);
            for (int t = 0; t < trials; t++) {
                ids[t] = Math.min(searchLeft(cumulative, rng.nextDouble() * pot), n - 1);
            }
            final double[] pots = distancesTo(data, ids, candidate, closest, threads);
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (pots[t] < pots[best]) {
                    best = t;
                }
            }
            pot = pots[best];
            final double[] swap = closest;
            closest = candidate[best];
            candidate[best] = swap;
            centers[c] = data.x[ids[best]].clone();
        }
        return centers;
    }

    private static void cumulativeSum(double[] x, double[] out) {
        double acc = 0;
        for (int i = 0; i < x.length; i++) {
            acc += x[i];
            out[i] = acc;
        }
    }

    /** First index i with {@code sorted[i] >= v} (numpy's searchsorted, side='left'); n if none. */
    private static int searchLeft(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Squared distances of every row to the rows {@code ids[t]}, each capped by {@code closest}
     * (if not null), into {@code out[t]}; returns their sums (per block, then in block order).
     */
    private static double[] distancesTo(Data data, int[] ids, double[][] out, double[] closest, int threads) {
        final int m = ids.length;
        final float[][] rows = new float[m][];
        for (int t = 0; t < m; t++) {
            rows[t] = data.x[ids[t]];
        }
        final double[][] partial = new double[data.blocks][m];
        ParallelTasks.run(data.blocks, threads, () -> {
            final float[][] dots = BlockedDots.newOutput();
            return b -> {
                final int bs = BlockedDots.blockSize(data.n, b);
                final int r0 = b * BlockedDots.BLOCK;
                for (int t0 = 0; t0 < m; t0 += BlockedDots.CHUNK) {
                    final int nt = Math.min(BlockedDots.CHUNK, m - t0);
                    BlockedDots.dots(data.transposed[b], bs, data.d, rows, t0, nt, dots);
                    for (int t = 0; t < nt; t++) {
                        partial[b][t0 + t] = squaredDistances(data.norms, r0, bs, data.norms[ids[t0 + t]], dots[t],
                            closest, out[t0 + t]);
                    }
                }
            };
        });
        final double[] sums = new double[m];
        for (int b = 0; b < data.blocks; b++) {
            for (int t = 0; t < m; t++) {
                sums[t] += partial[b][t];
            }
        }
        return sums;
    }

    /**
     * o[r0 + i] = max(0, norms[r0 + i] + q - 2 dots[i]), capped by closest[r0 + i] (if not null),
     * for i &lt; bs; returns their sum.
     */
    private static double squaredDistances(double[] norms, int r0, int bs, double q, float[] dots, double[] closest,
                                           double[] o) {
        double s = 0;
        for (int i = 0; i < bs; i++) {
            double v = Math.max(0, norms[r0 + i] + q - 2.0 * dots[i]);
            if (closest != null) {
                v = Math.min(v, closest[r0 + i]);
            }
            o[r0 + i] = v;
            s += v;
        }
        return s;
    }

    /** \(\sum_j r_j^2\) of every row, in {@code double}, in column order. */
    static double[] squaredNorms(float[][] rows) {
        final double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (final float v : rows[i]) {
                s += (double) v * v;
            }
            out[i] = s;
        }
        return out;
    }
}
