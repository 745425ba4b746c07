package dev.evalgap.stats;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty on the coefficients, fitted by L-BFGS: the model
 * of scikit-learn's {@code LogisticRegression(penalty='l2', C=C, solver='lbfgs',
 * fit_intercept=True, max_iter=1000, tol=1e-4)} [1].
 *
 * <p>With rows \(x_i \in \mathbb{R}^d\), labels \(y_i \in \{0,1\}\), sample weights
 * \(s_i \ge 0\), coefficients \(w\), intercept \(b\) and \(z_i = w^\top x_i + b\), the fit
 * minimises
 * \[ F(w,b) = C \sum_i s_i \, \ell_i + \tfrac12 \|w\|_2^2, \qquad
 *    \ell_i = \log(1+e^{z_i}) - y_i z_i , \]
 * the weighted log-loss plus a ridge penalty that leaves the intercept unpenalised (the
 * "regularized-logistic-loss" objective of [1] with \(r(w) = \tfrac12\|w\|^2\)). Class weights
 * such as scikit-learn's {@code class_weight='balanced'} are folded into \(s_i\): see
 * {@link #balancedWeights(int[])}. Features are not scaled.
 *
 * <p>As scikit-learn does since version 1.4 (pull request #26721), the solver works on the
 * equivalent objective
 * \(F / (C \sum_i s_i)\) (the weighted mean log-loss plus \(\|w\|^2 / (2 C \sum_i s_i)\)), which
 * has the same minimiser; the {@linkplain #withTolerance(double) tolerance} is on the largest
 * absolute component of its gradient, so it means the same for 100 rows as for 100,000.
 * (scikit-learn before 1.4 applied {@code tol} to \(\nabla F / C\), a criterion \(\sum s_i\)
 * times stricter; the minimiser is the same.) The solver is L-BFGS (history 10) with the
 * Moré–Thuente line search [2,3], started from \(w = 0, b = 0\), stopping as SciPy's L-BFGS-B
 * does for unconstrained problems (gradient, or relative reduction of the objective below
 * \(64\epsilon\)), or after {@linkplain #withMaxIterations(int) max iterations}, in which case
 * {@link Model#converged()} is false.
 *
 * <p>Computation: one pass over the {@code float} rows per evaluation forms \(Xw\), the loss and
 * \(X^\top r\). \(Xw\), the loss, the intercept's gradient and the solver are in double
 * precision. \(X^\top r\) is summed in {@code float} over blocks of 32 rows (in SIMD lanes; a
 * fit is 20–30% faster) and in double across blocks when that is accurate enough: its component j
 * is then within \(\gamma \sum_i |r_i x_{ij}| &lt; \gamma \max |x_{ij}|\) of the exact one,
 * \(\gamma = 34 \cdot 2^{-24} \approx 2 \cdot 10^{-6}\), and float blocks are used only when
 * \(\gamma \max|x_{ij}|\) is at most a tenth of the tolerance (with the default tolerance:
 * features up to 4.9 in magnitude, which holds for text embeddings). Otherwise it is summed in
 * double.
 *
 * <p>Degenerate cases: both classes must carry positive total weight (a single class has no
 * finite maximum-likelihood intercept and scikit-learn refuses it too), rows must be of one
 * length &ge; 1 and finite; otherwise {@link IllegalArgumentException}. Linearly separable data
 * are fine: the penalty keeps the optimum finite.
 *
 * <p>References:
 * <ol>
 *   <li>scikit-learn, User Guide, "Logistic regression", and
 *       {@code sklearn/linear_model/_logistic.py} ({@code _logistic_regression_path}).
 *       https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression</li>
 *   <li>D. C. Liu and J. Nocedal, "On the limited memory BFGS method for large scale
 *       optimization", Mathematical Programming 45 (1989) 503–528. doi:10.1007/BF01589116</li>
 *   <li>J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed sufficient
 *       decrease", ACM Transactions on Mathematical Software 20 (1994) 286–307.
 *       doi:10.1145/192115.192132</li>
 * </ol>
 */
public final class LogisticRegression {

    /** Default inverse regularisation strength C (scikit-learn's default). */
    public static final double DEFAULT_C = 1.0;
    /** Default maximum number of L-BFGS iterations (the C2ST's {@code max_iter=1000}; scikit-learn's default is 100). */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    /** Default gradient tolerance (scikit-learn's {@code tol}). */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Default number of stored curvature pairs (SciPy's L-BFGS-B default {@code maxcor}). */
    public static final int DEFAULT_HISTORY = 10;

    /** Relative reduction tolerance: scikit-learn passes {@code ftol = 64 * eps} to L-BFGS-B. */
    private static final double REDUCTION_TOLERANCE = 64 * Math.ulp(1.0);
    /** Function evaluations allowed per line search (scikit-learn passes {@code maxls = 50}). */
    private static final int MAX_LINE_SEARCH = 50;
    /** Rows whose gradient terms are summed in {@code float} before the sum joins the {@code double} gradient. */
    private static final int GRADIENT_BLOCK = 32;
    /**
     * \(\gamma\): a component of \(X^\top r\) summed in float blocks is within \(\gamma \sum_i |r_i x_{ij}|\)
     * of the exact one (r rounded to float, the product, and up to GRADIENT_BLOCK - 1 additions, each at
     * most 2^-24 relative).
     */
    private static final double BLOCK_ROUNDING = (GRADIENT_BLOCK + 2) * 0x1p-24;

    private static final LogisticRegression DEFAULT =
        new LogisticRegression(DEFAULT_C, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_HISTORY);

    private final double c;
    private final int maxIterations;
    private final double tolerance;
    private final int history;

    private LogisticRegression(double c, int maxIterations, double tolerance, int history) {
        this.c = c;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.history = history;
    }

    /**
     * C = 1, at most 1000 iterations, tolerance 1e-4, history 10.
     *
     * @return the default instance
     */
    public static LogisticRegression withDefaults() {
        return DEFAULT;
    }

    /**
     * @param c inverse regularisation strength C &gt; 0 (larger C, weaker penalty)
     * @return a copy with this C
     * @throws IllegalArgumentException if C is not finite and &gt; 0
     */
    public LogisticRegression withRegularization(double c) {
        return new LogisticRegression(Arguments.checkStrictlyPositive("regularization C", c),
            maxIterations, tolerance, history);
    }

    /**
     * @param n maximum number of L-BFGS iterations, &ge; 1
     * @return a copy with this limit
     */
    public LogisticRegression withMaxIterations(int n) {
        return new LogisticRegression(c, Arguments.checkAtLeast("max iterations", 1, n), tolerance, history);
    }

    /**
     * @param tol tolerance &gt; 0 on \(\|\nabla (F / (C \sum s_i))\|_\infty\)
     * @return a copy with this tolerance
     */
    public LogisticRegression withTolerance(double tol) {
        return new LogisticRegression(c, maxIterations, Arguments.checkStrictlyPositive("tolerance", tol), history);
    }

    /**
     * @param m number of curvature pairs L-BFGS keeps, &ge; 1
     * @return a copy with this history
     */
    public LogisticRegression withHistory(int m) {
        return new LogisticRegression(c, maxIterations, tolerance, Arguments.checkAtLeast("history", 1, m));
    }

    /** @return the inverse regularisation strength C */
    public double regularization() {
        return c;
    }

    /** @return the maximum number of iterations */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the gradient tolerance */
    public double tolerance() {
        return tolerance;
    }

    /** @return the L-BFGS history */
    public int history() {
        return history;
    }

    /**
     * Balanced class weights, scikit-learn's {@code class_weight='balanced'}:
     * \(s_i = n / (2 n_{y_i})\), where \(n_c\) is the number of rows of class \(c\). The weights
     * sum to \(n\) and each class carries half of it.
     *
     * @param y labels, each 0 or 1, both present
     * @return the weights
     * @throws IllegalArgumentException if a label is not 0 or 1 or a class is absent
     */
    public static double[] balancedWeights(int[] y) {
        final int n = y.length;
        Arguments.checkBinaryLabels(y, n);
        int n1 = 0;
        for (final int v : y) {
            n1 += v;
        }
        final int n0 = n - n1;
        if (n0 == 0 || n1 == 0) {
            throw Arguments.error(Arguments.SINGLE_CLASS, n0 == 0 ? 0 : 1, "");
        }
        final double w0 = n / (2.0 * n0);
        final double w1 = n / (2.0 * n1);
        final double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = y[i] == 0 ? w0 : w1;
        }
        return w;
    }

    /**
     * Fits the model.
     *
     * @param x       rows (not copied, not modified)
     * @param y       labels, 0 or 1
     * @param weights sample weights \(s_i \ge 0\) (for scikit-learn's {@code class_weight='balanced'}
     *                pass {@link #balancedWeights(int[])})
     * @return the fitted model
     * @throws IllegalArgumentException if the arguments are invalid or a class has no weight
     */
    public Model fit(float[][] x, int[] y, double[] weights) {
        Arguments.checkMatrix("x", x);
        Arguments.checkBinaryLabels(y, x.length);
        Arguments.checkWeights(weights, x.length);
        double w0 = 0;
        double w1 = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                w0 += weights[i];
            } else {
                w1 += weights[i];
            }
        }
        if (!(w0 > 0) || !(w1 > 0)) {
            throw Arguments.error(Arguments.SINGLE_CLASS, w0 > 0 ? 1 : 0, " with positive weight");
        }
        return fitUnchecked(x, y, weights);
    }

    /** Fit without argument checks: rows rectangular and finite, labels 0/1, both classes weighted. */
    Model fitUnchecked(float[][] x, int[] y, double[] weights) {
        final int d = x[0].length;
        double sum = 0;
        for (final double v : weights) {
            sum += v;
        }
        final double[] sn = new double[weights.length];
        for (int i = 0; i < sn.length; i++) {
            sn[i] = weights[i] / sum;
        }
        final double lambda = 1 / (c * sum);
        // sum |r_i| < 1, so gamma max|x| bounds the error of every gradient component: float blocks only
        // when that is at most a tenth of the tolerance
        final float[] block = BLOCK_ROUNDING * largestMagnitude(x) <= tolerance / 10 ? new float[d] : null;
        final Lbfgs.Objective objective = (theta, gradient) -> evaluate(x, y, sn, lambda, theta, gradient, block);
        final Lbfgs.Result r = new Lbfgs(history, maxIterations, tolerance, REDUCTION_TOLERANCE, MAX_LINE_SEARCH)
            .minimize(objective, new double[d + 1]);
        return new Model(Arrays.copyOf(r.x, d), r.x[d], r.iterations, r.converged);
    }

    /**
     * \(f = \sum_i \tilde s_i \ell_i + \tfrac{\lambda}{2}\|w\|^2\) with \(\tilde s_i = s_i/\sum s\),
     * \(\lambda = 1/(C\sum s)\), and its gradient \(X^\top r + \lambda w\), \(\sum_i r_i\) for the
     * intercept, where \(r_i = \tilde s_i(\sigma(z_i) - y_i)\). One pass over the rows:
     * \(z_i\) and the contribution of row \(i\) to \(X^\top r\) are computed while the row is in
     * cache. {@code block}, unless null, holds the float sum of the current block of rows.
     * {@code theta} holds \(w\) then \(b\).
     */
    private static double evaluate(float[][] x, int[] y, double[] sn, double lambda,
                                   double[] theta, double[] gradient, float[] block) {
        final int d = theta.length - 1;
        final double b = theta[d];
        Arrays.fill(gradient, 0);
        double loss = 0;
        double gb = 0;
        int inBlock = 0;
        for (int i = 0; i < x.length; i++) {
            final double si = sn[i];
            if (si == 0) {
                continue;
            }
            final float[] row = x[i];
            final double z = b + dot(theta, row, d);
            // Stable sigma(z) and log(1 + e^z) from e = exp(-|z|)
            final double e = Math.exp(-Math.abs(z));
            final double log1pe = Math.log1p(e);
            final double p;
            final double softplus; // log(1 + e^z)
            if (z >= 0) {
                p = 1 / (1 + e);
                softplus = z + log1pe;
            } else {
                p = e / (1 + e);
                softplus = log1pe;
            }
            final double ri;
            if (y[i] == 1) {
                loss += si * (softplus - z);
                ri = si * (p - 1);
            } else {
                loss += si * softplus;
                ri = si * p;
            }
            gb += ri;
            if (block == null) {
                addScaled(gradient, ri, row, d);
            } else {
                addScaled(block, (float) ri, row, d);
                if (++inBlock == GRADIENT_BLOCK) {
                    flush(block, gradient, d);
                    inBlock = 0;
                }
            }
        }
        if (block != null) {
            flush(block, gradient, d);
        }
        double ww = 0;
        for (int j = 0; j < d; j++) {
            ww += theta[j] * theta[j];
            gradient[j] += lambda * theta[j];
        }
        gradient[d] = gb;
        return loss + 0.5 * lambda * ww;
    }

    /**
     * \(\sum_{j<d} w_j x_j\) with eight accumulators: C2 does not vectorise a floating-point
     * sum, so independent chains keep the multiply-add units busy (measured: twice as fast as
     * four).
     */
    static double dot(double[] w, float[] row, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < d; j += 8) {
            s0 += w[j] * row[j];
            s1 += w[j + 1] * row[j + 1];
            s2 += w[j + 2] * row[j + 2];
            s3 += w[j + 3] * row[j + 3];
            s4 += w[j + 4] * row[j + 4];
            s5 += w[j + 5] * row[j + 5];
            s6 += w[j + 6] * row[j + 6];
            s7 += w[j + 7] * row[j + 7];
        }
        for (; j < d; j++) {
            s0 += w[j] * row[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The largest |x_ij|. */
    private static double largestMagnitude(float[][] x) {
        float largest = 0;
        for (final float[] row : x) {
            for (final float v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }

    /** g += r x over the first d coordinates, in double: a scalar loop (see the float one). */
    private static void addScaled(double[] g, double r, float[] row, int d) {
        for (int j = 0; j < d; j++) {
            g[j] += r * row[j];
        }
    }

    /**
     * g += r x over the first d coordinates, in {@code float}: C2 (JDK 17) runs this loop in SIMD
     * lanes but not a {@code double} one on {@code float} rows (it does not vectorise the
     * conversion).
     */
    private static void addScaled(float[] g, float r, float[] row, int d) {
        for (int j = 0; j < d; j++) {
            g[j] += r * row[j];
        }
    }

    /** gradient += block over the first d coordinates; block is zeroed. */
    private static void flush(float[] block, double[] gradient, int d) {
        for (int j = 0; j < d; j++) {
            gradient[j] += block[j];
            block[j] = 0;
        }
    }

    /**
     * A fitted model: \(P(y=1 \mid x) = \sigma(w^\top x + b)\). Immutable.
     */
    public static final class Model {
        private final double[] coefficients;
        private final double intercept;
        private final int iterations;
        private final boolean converged;

        Model(double[] coefficients, double intercept, int iterations, boolean converged) {
            this.coefficients = coefficients;
            this.intercept = intercept;
            this.iterations = iterations;
            this.converged = converged;
        }

        /** @return a copy of the coefficients \(w\) (scikit-learn's {@code coef_[0]}) */
        public double[] coefficients() {
            return coefficients.clone();
        }

        /** @return the number of features */
        public int dimension() {
            return coefficients.length;
        }

        /** @return the intercept \(b\) (scikit-learn's {@code intercept_[0]}) */
        public double intercept() {
            return intercept;
        }

        /** @return L-BFGS iterations used (scikit-learn's {@code n_iter_[0]}) */
        public int iterations() {
            return iterations;
        }

        /** @return true if a stopping tolerance was met before the iteration limit */
        public boolean converged() {
            return converged;
        }

        /**
         * @param row a feature vector of the fitted dimension
         * @return \(w^\top x + b\), the log-odds of class 1
         */
        public double decisionFunction(float[] row) {
            Arguments.checkLength("row", row.length, coefficients.length);
            return intercept + dot(coefficients, row, coefficients.length);
        }

        /**
         * @param row a feature vector of the fitted dimension
         * @return \(P(y=1 \mid x) = 1/(1+e^{-(w^\top x + b)})\)
         *     (scikit-learn's {@code predict_proba(x)[:, 1]})
         */
        public double probability(float[] row) {
            final double z = decisionFunction(row);
            if (z >= 0) {
                return 1 / (1 + Math.exp(-z));
            }
            final double e = Math.exp(z);
            return e / (1 + e);
        }
    }
}
