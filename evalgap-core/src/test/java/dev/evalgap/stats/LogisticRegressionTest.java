package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /** 16 rows, 3 features, 7 of class 0 and 9 of class 1; not separable. */
    private static final float[][] X = {
        {0.5f, 1.2f, -0.3f}, {1.5f, -0.4f, 0.8f}, {-1.1f, 0.3f, 0.5f}, {2.0f, 1.0f, -1.2f},
        {0.3f, -1.5f, 0.9f}, {-0.7f, 2.2f, 0.1f}, {1.2f, 0.6f, 1.4f}, {-2.1f, -0.8f, -0.5f},
        {0.9f, 0.1f, -0.9f}, {-0.4f, -1.3f, 1.7f}, {1.8f, 2.5f, 0.2f}, {-1.6f, 0.9f, -1.1f},
        {0.0f, -0.2f, 0.4f}, {2.4f, -1.1f, -0.6f}, {-0.9f, 1.6f, 1.1f}, {0.7f, -0.6f, -1.8f}};
    private static final int[] Y = {0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1};
    private static final double[] SAMPLE_WEIGHTS = {1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1};

    /*
     * Reference values: scikit-learn 1.2.1, SciPy 1.10.1, NumPy 1.24.2 (Debian 12 packages), with
     * X = np.array(<X above>, dtype=np.float32), y = np.array(<Y above>):
     *   m = LogisticRegression(C=C, class_weight=cw, solver='lbfgs', max_iter=1000, tol=tol)
     *         .fit(X, y[, sample_weight=sw])
     *   m.coef_[0], m.intercept_[0], m.predict_proba(X[:1])[0, 1]
     * With tol=1e-10 SciPy stops on its default relative-reduction test (ftol 2.2e-9) first, so
     * the reference optimum itself is accurate to a few 1e-6 (relative).
     */

    // LogisticRegression(C=1.0, class_weight='balanced', solver='lbfgs', max_iter=1000, tol=1e-10).fit(X, y)
    private static final double[] BALANCED_COEF = {1.3074657448142197, -0.7441513902283978, 0.529594131462715};
    private static final double BALANCED_INTERCEPT = -0.038994384787503215;
    // m.predict_proba(X[:1])[0, 1] for the model above
    private static final double BALANCED_PROBA_ROW0 = 0.3924270806007446;

    // LogisticRegression(C=1.0, solver='lbfgs', max_iter=1000, tol=1e-10).fit(X, y)   (no class weights)
    private static final double[] UNWEIGHTED_COEF = {1.3133071384642732, -0.7453296882909165, 0.509564675457317};
    private static final double UNWEIGHTED_INTERCEPT = 0.15437941970470057;

    // LogisticRegression(C=0.1, class_weight='balanced', solver='lbfgs', max_iter=1000, tol=1e-10).fit(X, y)
    private static final double[] STRONG_PENALTY_COEF = {0.434296042302453, -0.2331213565726407, 0.11717595845726687};
    private static final double STRONG_PENALTY_INTERCEPT = 0.0009537644771192275;

    // LogisticRegression(C=1.0, solver='lbfgs', max_iter=1000, tol=1e-10).fit(X, y,
    //     sample_weight=np.array([1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1.]))
    private static final double[] SAMPLE_WEIGHTED_COEF = {1.4115307735377813, -0.8645497231201124, 0.6442817836891805};
    private static final double SAMPLE_WEIGHTED_INTERCEPT = 0.3600629745251604;

    // LogisticRegression(C=1.0, class_weight='balanced', solver='lbfgs', max_iter=1000)   (default tol=1e-4)
    private static final double[] BALANCED_DEFAULT_TOL_COEF = {1.307467532030542, -0.7441537363120021, 0.5295890186951292};
    private static final double BALANCED_DEFAULT_TOL_INTERCEPT = -0.03899469089799811;

    private static final LogisticRegression TIGHT = LogisticRegression.withDefaults().withTolerance(1e-10);

    /** |actual - expected| <= rel * max(|expected|, 0.01): relative, with a floor for values near 0. */
    private static void assertClose(double actual, double expected, double rel, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(Math.abs(expected), 0.01)));
    }

    private static void assertModel(LogisticRegression.Model m, double[] coef, double intercept, double rel) {
        for (int j = 0; j < coef.length; j++) {
            assertClose(m.coefficients()[j], coef[j], rel, "coef[" + j + "]");
        }
        assertClose(m.intercept(), intercept, rel, "intercept");
        assertThat(m.converged()).isTrue();
    }

    @Test
    void balancedMatchesScikitLearn() {
        final LogisticRegression.Model m = TIGHT.fit(X, Y, LogisticRegression.balancedWeights(Y));
        assertModel(m, BALANCED_COEF, BALANCED_INTERCEPT, 1e-4);
        assertThat(m.probability(X[0])).isCloseTo(BALANCED_PROBA_ROW0, within(1e-6));
        assertThat(m.decisionFunction(X[0])).isCloseTo(Math.log(BALANCED_PROBA_ROW0 / (1 - BALANCED_PROBA_ROW0)),
            within(1e-5));
    }

    @Test
    void unweightedMatchesScikitLearn() {
        final double[] ones = new double[Y.length];
        Arrays.fill(ones, 1);
        assertModel(TIGHT.fit(X, Y, ones), UNWEIGHTED_COEF, UNWEIGHTED_INTERCEPT, 1e-4);
    }

    @Test
    void strongPenaltyMatchesScikitLearn() {
        assertModel(TIGHT.withRegularization(0.1).fit(X, Y, LogisticRegression.balancedWeights(Y)),
            STRONG_PENALTY_COEF, STRONG_PENALTY_INTERCEPT, 1e-4);
    }

    @Test
    void sampleWeightsMatchScikitLearn() {
        assertModel(TIGHT.fit(X, Y, SAMPLE_WEIGHTS), SAMPLE_WEIGHTED_COEF, SAMPLE_WEIGHTED_INTERCEPT, 1e-4);
    }

    @Test
    void defaultToleranceIsCloseToScikitLearnDefault() {
        // Our tol applies to the gradient of F / (C * sum(s)) (scikit-learn >= 1.4), scikit-learn
        // 1.2.1 applies it to grad(F) / C, 16 times stricter here: agreement to ~1e-4 absolute.
        final LogisticRegression.Model m = LogisticRegression.withDefaults().fit(X, Y, LogisticRegression.balancedWeights(Y));
        for (int j = 0; j < 3; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(BALANCED_DEFAULT_TOL_COEF[j], within(5e-4));
        }
        assertThat(m.intercept()).isCloseTo(BALANCED_DEFAULT_TOL_INTERCEPT, within(5e-4));
        assertThat(m.converged()).isTrue();
        assertThat(m.iterations()).isBetween(1, 20);
    }

    @Test
    void solutionSatisfiesOptimalityConditions() {
        // Independent check of the optimum on 400 x 12 random rows, unequal classes:
        // dF/dw_j = C sum_i s_i (p_i - y_i) x_ij + w_j = 0 and dF/db = C sum_i s_i (p_i - y_i) = 0
        final int n = 400;
        final int[] y = new int[n];
        for (int i = 0; i < 130; i++) {
            y[i] = 1;
        }
        final float[][] x = shiftedGaussianRows(new Random(42), y, 12, 1.0, 3, 0.7);
        final double c = 0.5;
        final double[] s = LogisticRegression.balancedWeights(y);
        final LogisticRegression.Model m = LogisticRegression.withDefaults().withRegularization(c)
            .withTolerance(1e-9).fit(x, y, s);
        final double[] w = m.coefficients();
        final double[] grad = gradientOfF(m, x, y, s, c);
        // Tolerance 1e-9 on the gradient of F / (C * n), n = 400: |grad F| <= 1e-9 * 0.5 * 400
        for (final double g : grad) {
            assertThat(Math.abs(g)).isLessThan(1e-6);
        }
        assertThat(w[0]).isGreaterThan(0.3); // the shifted features carry the signal
        assertThat(Math.abs(w[5])).isLessThan(w[0]);
    }

    @Test
    void defaultToleranceFitWithFloatGradientBlocksIsOptimalToTheTolerance() {
        // Features of magnitude about 1 (as text embeddings): at the default tolerance 1e-4 the gradient
        // is summed in float blocks, whose error (at most 34 * 2^-24 * max|x|, about 3e-6 here) stays
        // far below it. 1,000 rows: 31 full blocks of 32 and a partial one, which must be added too.
        final int n = 1000;
        final int[] y = new int[n];
        for (int i = 0; i < n; i += 3) {
            y[i] = 1;
        }
        final float[][] x = shiftedGaussianRows(new Random(43), y, 20, 0.3, 4, 0.15);
        final double[] s = LogisticRegression.balancedWeights(y);
        final LogisticRegression.Model m = LogisticRegression.withDefaults().fit(x, y, s);
        assertThat(m.converged()).isTrue();
        // The solver's gradient is that of F / (C sum s), C = 1, sum s = n
        for (final double g : gradientOfF(m, x, y, s, 1.0)) {
            assertThat(Math.abs(g) / n).isLessThan(1e-4 + 1e-5);
        }
        final double[] w = m.coefficients();
        assertThat(w[0]).isGreaterThan(0.3);
    }

    @Test
    void separableDataGiveFiniteConvergedFit() {
        final float[][] x = {{-2}, {-1}, {-0.5f}, {0.5f}, {1}, {2}};
        final int[] y = {0, 0, 0, 1, 1, 1};
        final LogisticRegression.Model m = TIGHT.fit(x, y, LogisticRegression.balancedWeights(y));
        assertThat(m.converged()).isTrue();
        assertThat(m.coefficients()[0]).isGreaterThan(0).isLessThan(10);
        // Symmetric data: intercept 0 and P(1 | x) = 1 - P(1 | -x)
        assertThat(m.intercept()).isCloseTo(0, within(1e-8));
        assertThat(m.probability(new float[] {1}) + m.probability(new float[] {-1})).isCloseTo(1, within(1e-8));
    }

    @Test
    void iterationLimitIsReportedAsNotConverged() {
        final LogisticRegression.Model m = LogisticRegression.withDefaults().withMaxIterations(1)
            .withTolerance(1e-12).fit(X, Y, LogisticRegression.balancedWeights(Y));
        assertThat(m.iterations()).isEqualTo(1);
        assertThat(m.converged()).isFalse();
    }

    @Test
    void balancedWeightsAreNOverTwoNc() {
        // n = 16, n0 = 7, n1 = 9: 16 / 14 and 16 / 18
        final double[] w = LogisticRegression.balancedWeights(Y);
        assertThat(w[0]).isEqualTo(16.0 / 14);
        assertThat(w[1]).isEqualTo(16.0 / 18);
        assertThat(Arrays.stream(w).sum()).isCloseTo(16, within(1e-12));
    }

    @Test
    void optionsAreCopiedAndResultsAreImmutable() {
        final LogisticRegression base = LogisticRegression.withDefaults();
        final LogisticRegression other = base.withRegularization(0.1).withMaxIterations(7).withTolerance(1e-6).withHistory(5);
        assertThat(base.regularization()).isEqualTo(1.0);
        assertThat(base.maxIterations()).isEqualTo(1000);
        assertThat(base.tolerance()).isEqualTo(1e-4);
        assertThat(base.history()).isEqualTo(10);
        assertThat(other.regularization()).isEqualTo(0.1);
        assertThat(other.maxIterations()).isEqualTo(7);
        assertThat(other.tolerance()).isEqualTo(1e-6);
        assertThat(other.history()).isEqualTo(5);
        final LogisticRegression.Model m = TIGHT.fit(X, Y, LogisticRegression.balancedWeights(Y));
        m.coefficients()[0] = 99;
        assertThat(m.coefficients()[0]).isCloseTo(BALANCED_COEF[0], within(1e-3));
        assertThat(m.dimension()).isEqualTo(3);
    }

    @Test
    void invalidArgumentsAreRejected() {
        final LogisticRegression lr = LogisticRegression.withDefaults();
        final double[] w4 = {1, 1, 1, 1};
        final float[][] x4 = {{1}, {2}, {3}, {4}};
        assertThatThrownBy(() -> lr.fit(x4, new int[] {1, 1, 1, 1}, w4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one class");
        assertThatThrownBy(() -> lr.fit(x4, new int[] {0, 1, 1, 1}, new double[] {0, 1, 1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no row of class 0 with positive weight");
        assertThatThrownBy(() -> lr.fit(x4, new int[] {0, 1, 2, 1}, w4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[2] must be 0 or 1");
        assertThatThrownBy(() -> lr.fit(x4, new int[] {0, 1, 0, 1}, new double[] {1, -1, 1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1]");
        assertThatThrownBy(() -> lr.fit(x4, new int[] {0, 1, 0, 1}, new double[] {1, 1, Double.NaN, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[2]");
        assertThatThrownBy(() -> lr.fit(new float[][] {{1}, {2, 3}}, new int[] {0, 1}, new double[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 2 values, expected 1");
        assertThatThrownBy(() -> lr.fit(new float[][] {{1}, {Float.NaN}}, new int[] {0, 1}, new double[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1, column 0 is not finite");
        assertThatThrownBy(() -> lr.fit(new float[0][], new int[0], new double[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is empty");
        assertThatThrownBy(() -> lr.fit(x4, new int[] {0, 1}, w4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels has length 2, expected 4");
        assertThatThrownBy(() -> lr.withRegularization(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularization C");
        assertThatThrownBy(() -> lr.withRegularization(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lr.withMaxIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogisticRegression.balancedWeights(new int[] {0, 0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no row of class 1");
        final LogisticRegression.Model m = TIGHT.fit(X, Y, LogisticRegression.balancedWeights(Y));
        assertThatThrownBy(() -> m.probability(new float[2]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row has length 2, expected 3");
    }

    /** N(0, scale^2) rows; the first {@code shifted} coordinates of label-1 rows move by {@code shift}. */
    private static float[][] shiftedGaussianRows(Random rnd, int[] y, int d, double scale, int shifted, double shift) {
        final float[][] x = new float[y.length][d];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (scale * rnd.nextGaussian() + (y[i] == 1 && j < shifted ? shift : 0));
            }
        }
        return x;
    }

    /** dF/dw_j = C sum_i s_i (p_i - y_i) x_ij + w_j and dF/db = C sum_i s_i (p_i - y_i), in double precision. */
    private static double[] gradientOfF(LogisticRegression.Model m, float[][] x, int[] y, double[] s, double c) {
        final double[] w = m.coefficients();
        final double[] grad = new double[w.length + 1];
        for (int i = 0; i < x.length; i++) {
            final double r = c * s[i] * (m.probability(x[i]) - y[i]);
            for (int j = 0; j < w.length; j++) {
                grad[j] += r * x[i][j];
            }
            grad[w.length] += r;
        }
        for (int j = 0; j < w.length; j++) {
            grad[j] += w[j];
        }
        return grad;
    }
}
