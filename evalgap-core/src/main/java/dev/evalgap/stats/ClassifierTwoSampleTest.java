package dev.evalgap.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Classifier two-sample test (C2ST) [1]: how well can a classifier tell sample a from sample b?
 *
 * <p>Procedure ({@link #test(float[][], float[][])}):
 * <ol>
 *   <li>Pool the rows, label a = 0 and b = 1, and assign them to {@code k}
 *       {@linkplain StratifiedFolds stratified folds} (default 5).</li>
 *   <li>For each fold, fit a {@link LogisticRegression} (L2, C = 1 by default, no feature
 *       scaling) on the other folds with balanced class weights \(s_i = n/(2 n_{y_i})\) computed
 *       on those training rows (scikit-learn's {@code class_weight='balanced'}), and predict
 *       \(P(y = 1 \mid x)\) for the held-out rows. Every row thus gets an out-of-fold
 *       probability from a model that never saw it.</li>
 *   <li>The statistic is the {@linkplain RocAuc ROC AUC} of the out-of-fold probabilities
 *       against the labels: 0.5 when the samples are indistinguishable, 1 when every row of b
 *       gets a higher probability than every row of a. The classifier learns the direction, so
 *       an AUC below 0.5 is not "a recognised"; it comes from chance (slightly more often than
 *       above: the out-of-fold AUC of an uninformative classifier is biased a little below 0.5)
 *       or from rows shared by both samples (see the degenerate cases). The <em>gap score</em>
 *       is \(2|\mathrm{AUC} - 0.5| \in [0,1]\).</li>
 *   <li>Interval: stratified percentile bootstrap [2] of the out-of-fold probabilities; each of
 *       the B resamples (default 1000) draws \(n_a\) rows of a and \(n_b\) rows of b with
 *       replacement within their sample and recomputes the AUC; the interval at confidence
 *       \(1-\alpha\) (default 0.95) is the pair of \(\alpha/2\) and \(1-\alpha/2\) quantiles of
 *       the B values (linear interpolation between order statistics, Hyndman–Fan type 7 [3]).
 *       Its ends are order statistics, so B should be well above \(2/\alpha\) (40 at 95%).
 *       The bootstrap holds the fitted models fixed: it measures the sampling variability of the
 *       held-out rows, not of refitting.</li>
 * </ol>
 *
 * <p>Calibration. Because every fold's held-out rows are training rows of the other folds, the
 * fold AUCs are positively correlated and, when the samples do not differ, the pooled out-of-fold
 * AUC varies about 1.4 times more than a bootstrap that holds the models fixed says (cf. [4]):
 * measured on 400 pairs of 300 vs 300 20-d Gaussian samples from one distribution, SD 0.033
 * against a bootstrap standard error of 0.023, and the plain 95% percentile interval excluded 0.5
 * in 16% of the pairs. The interval therefore widens the bootstrap deviations from the observed
 * AUC by the Nadeau–Bengio correction for k-fold cross-validation [5],
 * \(\sqrt{1 + k/(k-1)}\) (1.5 for 5 folds), before taking the quantiles: the interval is
 * \([\mathrm{AUC} + f(q_{\alpha/2} - \mathrm{AUC}),\ \mathrm{AUC} + f(q_{1-\alpha/2} - \mathrm{AUC})]\),
 * clipped to [0, 1]. The correction is slightly conservative under the null and its excess shrinks
 * with a real difference (SD/SE 1.36 at AUC 0.59, 1.17 at AUC 0.81). The p-value of
 * "AUC = 0.5" inverts this interval (see {@link ClassifierTwoSampleResult#pValue()}).
 *
 * <p>Gap interval. The map \(g(u) = 2|u - 0.5|\) is continuous, decreasing on [0, 0.5] and
 * increasing on [0.5, 1]. The image of the AUC interval \([l, h]\) under \(g\) is therefore the
 * interval \([0, \max(g(l), g(h))]\) when \(l \le 0.5 \le h\) (the minimum 0 is reached at 0.5,
 * the maximum at an end), and \([\min(g(l), g(h)), \max(g(l), g(h))]\) otherwise (\(g\) is
 * monotone on the interval). Two consequences: whenever the AUC lies in \([l, h]\), the gap score
 * lies in the gap interval, so the gap interval has at least the coverage of the AUC interval; and
 * since \(g(u) = 0\) only at \(u = 0.5\), the gap interval contains 0 exactly when the AUC interval
 * contains 0.5. The gap score and the AUC therefore always agree on whether a difference was
 * detected. See {@link #gapInterval(Interval)}.
 *
 * <p>Randomness: one {@link SplittableRandom} is created from the seed on each call; its first
 * {@link SplittableRandom#split() split} assigns the folds, the second seeds the bootstrap
 * resamples (one derived seed per resample, drawn in order before any work starts). Folds and
 * resamples run on up to {@linkplain #withThreads(int) 2 threads}; each writes only its own
 * results, so the result is identical for any thread count, and the same seed on the same data
 * gives the same result.
 *
 * <p>Symmetry: the random draws are made in an order that does not depend on which sample is
 * passed first: the sample with the smaller content fingerprint (a 64-bit hash of its values) is
 * dealt to the folds first and resampled first. Swapping a and b therefore gives the same folds
 * and resamples; the fitted models change sign (\(w \to -w, b \to -b\)) along with the labels,
 * so the AUC, its interval, the gap score and the gap interval stay the same (up to floating-point
 * rounding of the fits).
 *
 * <p>Identical rows. Rows with bitwise-equal values (the same text embedded twice, e.g. an eval
 * case copied from production) are kept in one fold ({@link StratifiedFolds}, grouped). Otherwise a
 * held-out row's twin is a training row of the other label, the model leans the wrong way on it and
 * the AUC drops far below 0.5: two copies of one 200-row sample gave AUC 0.28 in 20 dimensions and
 * 0.03 in 384 with ungrouped folds. Grouped, twins in the held-out fold get equal scores, which count
 * as ties (0.5) whatever their labels. The number of such rows is reported.
 *
 * <p>Degenerate cases: each sample needs at least {@code k} rows and enough distinct rows that every
 * fold, and every training part, holds both samples; rows must have the same dimension &ge; 1 and be
 * finite; otherwise {@link IllegalArgumentException}. A fold whose fit hits the iteration limit is
 * reported through {@link ClassifierTwoSampleResult#solverConverged()}, not thrown.
 *
 * <p>References:
 * <ol>
 *   <li>D. Lopez-Paz and M. Oquab, "Revisiting classifier two-sample tests", ICLR 2017.
 *       arXiv:1610.06545</li>
 *   <li>B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap, Chapman &amp; Hall
 *       1993, chapter 13 (percentile intervals). doi:10.1201/9780429246593</li>
 *   <li>R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 *       Statistician 50 (1996) 361–365. doi:10.1080/00031305.1996.10473566</li>
 *   <li>Y. Bengio and Y. Grandvalet, "No unbiased estimator of the variance of K-fold
 *       cross-validation", Journal of Machine Learning Research 5 (2004) 1089–1105.</li>
 * </ol>
 */
public final class ClassifierTwoSampleTest {

    /** Default number of folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default number of bootstrap resamples B. */
    public static final int DEFAULT_BOOTSTRAP = 1000;
    /** Default confidence level of the intervals. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0;
    /** Default number of worker threads. */
    public static final int DEFAULT_THREADS = 2;

    private static final ClassifierTwoSampleTest DEFAULT = new ClassifierTwoSampleTest(
        DEFAULT_FOLDS, DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE, DEFAULT_SEED,
        LogisticRegression.DEFAULT_C, DEFAULT_THREADS);

    private final int folds;
    private final int bootstrap;
    private final double confidence;
    private final long seed;
    private final double c;
    private final int threads;

    private ClassifierTwoSampleTest(int folds, int bootstrap, double confidence, long seed, double c,
                                    int threads) {
        this.folds = folds;
        this.bootstrap = bootstrap;
        this.confidence = confidence;
        this.seed = seed;
        this.c = c;
        this.threads = threads;
    }

    /**
     * 5 folds, B = 1000, confidence 0.95, seed 0, C = 1, 2 threads.
     *
     * @return the default instance
     */
    public static ClassifierTwoSampleTest withDefaults() {
        return DEFAULT;
    }

    /**
     * @param k number of stratified folds, &ge; 2
     * @return a copy with k folds
     */
    public ClassifierTwoSampleTest withFolds(int k) {
        return new ClassifierTwoSampleTest(Arguments.checkAtLeast("folds", 2, k), bootstrap, confidence,
            seed, c, threads);
    }

    /**
     * @param resamples number of bootstrap resamples B, &ge; 1; the interval ends are resolved to
     *                  about 1/B in probability
     * @return a copy with B resamples
     */
    public ClassifierTwoSampleTest withBootstrap(int resamples) {
        return new ClassifierTwoSampleTest(folds, Arguments.checkAtLeast("bootstrap resamples", 1, resamples),
            confidence, seed, c, threads);
    }

    /**
     * @param level confidence level of the intervals, in (0, 1)
     * @return a copy with this level
     */
    public ClassifierTwoSampleTest withConfidence(double level) {
        return new ClassifierTwoSampleTest(folds, bootstrap, Arguments.checkConfidence(level), seed, c, threads);
    }

    /**
     * @param s seed of the fold assignment and the bootstrap
     * @return a copy with this seed
     */
    public ClassifierTwoSampleTest withSeed(long s) {
        return new ClassifierTwoSampleTest(folds, bootstrap, confidence, s, c, threads);
    }

    /**
     * @param regularization inverse L2 regularisation strength C &gt; 0 of the classifier
     * @return a copy with this C
     */
    public ClassifierTwoSampleTest withRegularization(double regularization) {
        return new ClassifierTwoSampleTest(folds, bootstrap, confidence, seed,
            Arguments.checkStrictlyPositive("regularization C", regularization), threads);
    }

    /**
     * @param n worker threads, &ge; 1; does not change the result
     * @return a copy using up to n threads
     */
    public ClassifierTwoSampleTest withThreads(int n) {
        return new ClassifierTwoSampleTest(folds, bootstrap, confidence, seed, c,
            Arguments.checkAtLeast("threads", 1, n));
    }

    /** @return the number of folds */
    public int folds() {
        return folds;
    }

    /** @return the number of bootstrap resamples */
    public int bootstrapResamples() {
        return bootstrap;
    }

    /** @return the confidence level */
    public double confidence() {
        return confidence;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the inverse regularisation strength C */
    public double regularization() {
        return c;
    }

    /** @return the maximum number of worker threads */
    public int threads() {
        return threads;
    }

    /**
     * The out-of-fold AUC only (no bootstrap); equal to {@code test(a, b).auc()}.
     *
     * @param a sample a (label 0), rows
     * @param b sample b (label 1), rows of the same dimension
     * @return the out-of-fold ROC AUC
     * @throws IllegalArgumentException on invalid samples (see the class description)
     */
    public double statistic(float[][] a, float[][] b) {
        validate(a, b);
        final SplittableRandom root = new SplittableRandom(seed);
        final OutOfFold oof = outOfFold(a, b, bFirst(a, b), root.split());
        return RocAuc.withDefaults().statistic(oof.negatives, oof.positives);
    }

    /**
     * Runs the test.
     *
     * @param a sample a (label 0), e.g. the eval set; rows, not modified
     * @param b sample b (label 1), e.g. production; rows of the same dimension, not modified
     * @return the result
     * @throws IllegalArgumentException on invalid samples (see the class description)
     */
    public ClassifierTwoSampleResult test(float[][] a, float[][] b) {
        final int d = validate(a, b);
        final SplittableRandom root = new SplittableRandom(seed);
        final boolean bFirst = bFirst(a, b);
        final OutOfFold oof = outOfFold(a, b, bFirst, root.split());
        final double auc = RocAuc.withDefaults().statistic(oof.negatives, oof.positives);

        final SplittableRandom bootRng = root.split();
        final long[] seeds = new long[bootstrap];
        for (int r = 0; r < bootstrap; r++) {
            seeds[r] = bootRng.nextLong();
        }
        final RocAuc.Resampler resampler = new RocAuc.Resampler(oof.negatives, oof.positives);
        final double[] aucs = new double[bootstrap];
        ParallelTasks.run(bootstrap, threads, () -> {
            final int[] c0 = new int[resampler.groups()];
            final int[] c1 = new int[resampler.groups()];
            return r -> aucs[r] = resampler.resample(new SplittableRandom(seeds[r]), bFirst, c0, c1);
        });
        // Widen the bootstrap deviations for the dependence between folds (see "Calibration")
        final double inflation = intervalInflation(folds);
        int otherSide = 0;
        for (int r = 0; r < bootstrap; r++) {
            aucs[r] = auc + inflation * (aucs[r] - auc);
            otherSide += (auc >= 0.5 ? aucs[r] <= 0.5 : aucs[r] >= 0.5) ? 1 : 0;
        }
        Arrays.sort(aucs);
        final double alpha = 1 - confidence;
        final Interval aucInterval = new Interval(
            Math.max(0, Quantiles.type7(aucs, alpha / 2)), Math.min(1, Quantiles.type7(aucs, 1 - alpha / 2)),
            confidence);
        final double pValue = Math.min(1.0, 2.0 * (1 + otherSide) / (1.0 + bootstrap));
        return new ClassifierTwoSampleResult(auc, aucInterval, gapScore(auc), gapInterval(aucInterval), pValue,
            a.length, b.length, d, folds, bootstrap, inflation, oof.duplicateRows, seed, c, oof.maxIterations,
            oof.allConverged);
    }

    /**
     * The Nadeau–Bengio variance correction [5] for k-fold cross-validation, as a factor on standard
     * deviations: \(\sqrt{(1/k + n_{test}/n_{train}) / (1/k)} = \sqrt{1 + k/(k-1)}\) (1.5 for k = 5).
     *
     * @param k the number of folds
     * @return the factor applied to the bootstrap deviations
     */
    public static double intervalInflation(int k) {
        return Math.sqrt(1 + k / (k - 1.0));
    }

    /**
     * @param auc an AUC in [0, 1]
     * @return the gap score \(2|\mathrm{AUC} - 0.5|\)
     */
    public static double gapScore(double auc) {
        return 2 * Math.abs(auc - 0.5);
    }

    /**
     * Maps an AUC interval \([l, h]\) to the gap-score interval: \([0, \max(g(l), g(h))]\) if
     * \(l \le 0.5 \le h\), else \([\min(g(l), g(h)), \max(g(l), g(h))]\), with
     * \(g(u) = 2|u - 0.5|\). This is the exact image of \([l, h]\) under \(g\), so it contains 0
     * exactly when \([l, h]\) contains 0.5 (see the class description).
     *
     * @param auc an AUC interval
     * @return the gap interval, with the same confidence level
     */
    public static Interval gapInterval(Interval auc) {
        final double gl = gapScore(auc.low());
        final double gh = gapScore(auc.high());
        if (auc.contains(0.5)) {
            return new Interval(0, Math.max(gl, gh), auc.confidence());
        }
        return new Interval(Math.min(gl, gh), Math.max(gl, gh), auc.confidence());
    }

    /**
     * True if b is dealt and resampled before a: b's fingerprint is smaller (ties: argument
     * order). Makes the result independent of the argument order.
     */
    private static boolean bFirst(float[][] a, float[][] b) {
        return Long.compare(fingerprint(b), fingerprint(a)) < 0;
    }

    /** A 64-bit hash of the row count and every value's bits (order-sensitive). */
    static long fingerprint(float[][] x) {
        long h = 0x9E3779B97F4A7C15L ^ x.length;
        for (final float[] row : x) {
            for (final float v : row) {
                h = (Long.rotateLeft(h, 23) ^ Float.floatToIntBits(v)) * 0xBF58476D1CE4E5B9L;
            }
            h ^= h >>> 31;
        }
        return h;
    }

    private int validate(float[][] a, float[][] b) {
        final int da = Arguments.checkMatrix("a", a);
        final int db = Arguments.checkMatrix("b", b);
        if (da != db) {
            throw Arguments.error(Arguments.DIMENSION_MISMATCH, da, db);
        }
        if (a.length < folds) {
            throw Arguments.error(Arguments.SAMPLE_TOO_SMALL, "a", a.length, folds);
        }
        if (b.length < folds) {
            throw Arguments.error(Arguments.SAMPLE_TOO_SMALL, "b", b.length, folds);
        }
        return da;
    }

    /** Out-of-fold probabilities, split by sample, and the solver figures. */
    private static final class OutOfFold {
        final double[] negatives;
        final double[] positives;
        final int maxIterations;
        final boolean allConverged;
        final int duplicateRows;

        OutOfFold(double[] negatives, double[] positives, int maxIterations, boolean allConverged,
                  int duplicateRows) {
            this.negatives = negatives;
            this.positives = positives;
            this.maxIterations = maxIterations;
            this.allConverged = allConverged;
            this.duplicateRows = duplicateRows;
        }
    }

    private OutOfFold outOfFold(float[][] a, float[][] b, boolean bFirst, SplittableRandom foldRng) {
        final int na = a.length;
        final int n = na + b.length;
        final float[][] x = new float[n][];
        final int[] y = new int[n];
        System.arraycopy(a, 0, x, 0, na);
        System.arraycopy(b, 0, x, na, b.length);
        Arrays.fill(y, na, n, 1);
        // Deal the canonical first sample first (see "Symmetry" in the class description)
        final int[] groups = identicalRowGroups(x, na, bFirst);
        final int[] fold;
        if (bFirst) {
            final int[] flipped = new int[n];
            Arrays.fill(flipped, 0, na, 1);
            fold = StratifiedFolds.withDefaults().withFolds(folds).assignGrouped(flipped, groups, foldRng);
        } else {
            fold = StratifiedFolds.withDefaults().withFolds(folds).assignGrouped(y, groups, foldRng);
        }
        int duplicateRows = 0;
        final int[] groupSize = new int[n];
        for (final int g : groups) {
            groupSize[g]++;
        }
        for (final int g : groups) {
            duplicateRows += groupSize[g] > 1 ? 1 : 0;
        }
        final int[] size = new int[folds];
        for (final int f : fold) {
            size[f]++;
        }
        final LogisticRegression lr = LogisticRegression.withDefaults().withRegularization(c);
        final double[] p = new double[n];
        final int[] iterations = new int[folds];
        final boolean[] converged = new boolean[folds];
        ParallelTasks.run(folds, threads, () -> f -> {
            final int nt = n - size[f];
            final float[][] xt = new float[nt][];
            final int[] yt = new int[nt];
            int nt1 = 0;
            for (int i = 0, t = 0; i < n; i++) {
                if (fold[i] != f) {
                    xt[t] = x[i];
                    yt[t++] = y[i];
                    nt1 += y[i];
                }
            }
            // Balanced class weights on the training rows: n_t / (2 n_c)
            final double w0 = nt / (2.0 * (nt - nt1));
            final double w1 = nt / (2.0 * nt1);
            final double[] w = new double[nt];
            for (int t = 0; t < nt; t++) {
                w[t] = yt[t] == 0 ? w0 : w1;
            }
            final LogisticRegression.Model model = lr.fitUnchecked(xt, yt, w);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    p[i] = model.probability(x[i]);
                }
            }
            iterations[f] = model.iterations();
            converged[f] = model.converged();
        });
        int maxIterations = 0;
        boolean allConverged = true;
        for (int f = 0; f < folds; f++) {
            maxIterations = Math.max(maxIterations, iterations[f]);
            allConverged &= converged[f];
        }
        return new OutOfFold(Arrays.copyOfRange(p, 0, na), Arrays.copyOfRange(p, na, n),
            maxIterations, allConverged, duplicateRows);
    }

    /**
     * Numbers the distinct rows (bitwise equal values) in canonical order: the sample dealt first
     * is numbered first, so the numbering, like the folds, does not depend on the argument order.
     */
    private static int[] identicalRowGroups(float[][] x, int na, boolean bFirst) {
        final int n = x.length;
        final java.util.Map<RowKey, Integer> ids = new java.util.HashMap<>(2 * n);
        final int[] groups = new int[n];
        for (int k = 0; k < n; k++) {
            final int i = bFirst ? (k + na) % n : k;
            groups[i] = ids.computeIfAbsent(new RowKey(x[i]), key -> ids.size());
        }
        return groups;
    }

    /** A row compared by value. */
    private static final class RowKey {
        private final float[] row;
        private final int hash;

        RowKey(float[] row) {
            this.row = row;
            this.hash = Arrays.hashCode(row);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && other.hash == hash && Arrays.equals(other.row, row);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
