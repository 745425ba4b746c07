package dev.evalgap.stats;

/**
 * Unconstrained limited-memory BFGS minimiser with the Moré–Thuente line search.
 *
 * <p>The search direction is \(d_k = -H_k g_k\), computed by the two-loop recursion of Nocedal
 * [1] (Algorithm 7.4 of [4]) from the last \(m\) pairs \(s_i = x_{i+1}-x_i\),
 * \(y_i = g_{i+1}-g_i\), with initial matrix \(H_k^0 = \gamma_k I\),
 * \(\gamma_k = s^\top y / y^\top y\) of the newest pair (eq. 7.20 of [4]). A pair is stored only
 * if \(s^\top y &gt; \epsilon\, y^\top y\) (the same skip rule as L-BFGS-B [3]), which keeps
 * \(H_k\) positive definite.
 *
 * <p>The step length \(\alpha\) along \(d_k\) is found by the Moré–Thuente algorithm [2]
 * (MINPACK-2 {@code dcsrch}/{@code dcstep}), which returns a step satisfying the strong Wolfe
 * conditions
 * \(f(x+\alpha d) \le f(x) + c_1 \alpha\, g^\top d\) and
 * \(|g(x+\alpha d)^\top d| \le c_2 |g^\top d|\) with \(c_1 = 10^{-3}\), \(c_2 = 0.9\) and
 * interval tolerance 0.1: the constants that L-BFGS-B [3] (SciPy's {@code L-BFGS-B}, used by
 * scikit-learn) passes. The first trial step is 1, except when no curvature pair is stored (the
 * first iteration, or after a reset), where it is \(1/\|d\|_2\), again as in L-BFGS-B.
 *
 * <p>Stopping, as in L-BFGS-B: converged when \(\|g\|_\infty \le\) {@code gradientTolerance}
 * (the projected gradient of [3] is the gradient when there are no bounds), or when the relative
 * reduction \((f_{k}-f_{k+1})/\max(|f_k|,|f_{k+1}|,1) \le\) {@code reductionTolerance}; not
 * converged when {@code maxIterations} iterations (accepted line searches) are done or a line
 * search fails twice in a row (once with memory, once more along \(-g\) after clearing it).
 *
 * <p>References:
 * <ol>
 *   <li>J. Nocedal, "Updating quasi-Newton matrices with limited storage", Mathematics of
 *       Computation 35 (1980) 773–782. doi:10.1090/S0025-5718-1980-0572855-7</li>
 *   <li>J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed sufficient
 *       decrease", ACM Transactions on Mathematical Software 20 (1994) 286–307.
 *       doi:10.1145/192115.192132</li>
 *   <li>R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for bound
 *       constrained optimization", SIAM Journal on Scientific Computing 16 (1995) 1190–1208.
 *       doi:10.1137/0916069</li>
 *   <li>J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer 2006.
 *       doi:10.1007/978-0-387-40065-5</li>
 * </ol>
 */
final class Lbfgs {

    /** A differentiable function. */
    @FunctionalInterface
    interface Objective {
        /**
         * @param x        the point (read only)
         * @param gradient receives \(\nabla f(x)\)
         * @return \(f(x)\)
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Outcome of a minimisation. */
    static final class Result {
        final double[] x;
        final double value;
        final double gradientNorm;
        final int iterations;
        final int evaluations;
        final boolean converged;

        Result(double[] x, double value, double gradientNorm, int iterations, int evaluations,
               boolean converged) {
            this.x = x;
            this.value = value;
            this.gradientNorm = gradientNorm;
            this.iterations = iterations;
            this.evaluations = evaluations;
            this.converged = converged;
        }
    }

    /** Sufficient decrease constant \(c_1\) (L-BFGS-B's {@code ftol} of {@code lnsrlb}). */
    private static final double C1 = 1e-3;
    /** Curvature constant \(c_2\) (L-BFGS-B's {@code gtol} of {@code lnsrlb}). */
    private static final double C2 = 0.9;
    /** Relative width of the interval of uncertainty (L-BFGS-B's {@code xtol}). */
    private static final double XTOL = 0.1;
    /** Largest step (L-BFGS-B's {@code stpmx} for unconstrained problems). */
    private static final double STEP_MAX = 1e10;
    /** Machine epsilon, for the curvature-pair skip rule. */
    private static final double EPS = Math.ulp(1.0);

    private final int history;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double reductionTolerance;
    private final int maxLineSearchEvaluations;

    Lbfgs(int history, int maxIterations, double gradientTolerance, double reductionTolerance,
          int maxLineSearchEvaluations) {
        this.history = history;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.reductionTolerance = reductionTolerance;
        this.maxLineSearchEvaluations = maxLineSearchEvaluations;
    }

    /**
     * Minimises {@code fn} from {@code x0}.
     *
     * @param fn the objective
     * @param x0 the starting point (not modified)
     * @return the result
     */
    Result minimize(Objective fn, double[] x0) {
        final int n = x0.length;
        final int m = history;
        final double[] x = x0.clone();
        final double[] g = new double[n];
        double f = fn.valueAndGradient(x, g);
        int evaluations = 1;
        double gnorm = infNorm(g);
        if (gnorm <= gradientTolerance) {
            return new Result(x, f, gnorm, 0, evaluations, true);
        }

        final double[][] s = new double[m][n];
        final double[][] y = new double[m][n];
        final double[] rho = new double[m];
        final double[] alpha = new double[m];
        final double[] d = new double[n];
        final double[] xPrev = new double[n];
        final double[] gPrev = new double[n];
        final MoreThuente search = new MoreThuente();
        // Ring buffer: 'count' pairs stored, the newest at index 'newest'
        int count = 0;
        int newest = -1;
        int iterations = 0;
        boolean converged = false;

        while (true) {
            // Direction d = -H g by the two-loop recursion (Algorithm 7.4 of [4])
            negate(g, d);
            if (count > 0) {
                int k = newest;
                for (int c = 0; c < count; c++) {
                    alpha[k] = rho[k] * dot(s[k], d);
                    axpy(-alpha[k], y[k], d);
                    k = k == 0 ? m - 1 : k - 1;
                }
                final double[] sn = s[newest];
                final double[] yn = y[newest];
                scale(dot(sn, yn) / dot(yn, yn), d);
                k = (newest - count + 1 + m) % m;
                for (int c = 0; c < count; c++) {
                    final double beta = rho[k] * dot(y[k], d);
                    axpy(alpha[k] - beta, s[k], d);
                    k = k == m - 1 ? 0 : k + 1;
                }
            }
            double gd = dot(g, d);
            if (!(gd < 0)) {
                // Not a descent direction (rounding): forget the memory, go along -g
                count = 0;
                negate(g, d);
                gd = -dot(g, g);
            }
            final double firstStep = count == 0 ? Math.min(1 / Math.sqrt(dot(d, d)), STEP_MAX) : 1;

            // Line search (Moré–Thuente), from (x, f, g) along d
            System.arraycopy(x, 0, xPrev, 0, n);
            System.arraycopy(g, 0, gPrev, 0, n);
            final double fPrev = f;
            int task = search.start(f, gd, firstStep);
            boolean accepted = false;
            for (int ls = 0; ls < maxLineSearchEvaluations && task == MoreThuente.FG; ls++) {
                step(xPrev, search.stp, d, x);
                f = fn.valueAndGradient(x, g);
                evaluations++;
                final double dg = dot(g, d);
                if (!(Double.isFinite(f) && Double.isFinite(dg))) {
                    // Overflow far out along d: step back towards the best point so far
                    search.backOff();
                    continue;
                }
                task = search.iterate(f, dg);
                accepted = task == MoreThuente.CONVERGED || task == MoreThuente.WARNING;
            }
            if (!accepted) {
                System.arraycopy(xPrev, 0, x, 0, n);
                System.arraycopy(gPrev, 0, g, 0, n);
                f = fPrev;
                if (count == 0) {
                    // Failed along -g too: give up
                    break;
                }
                count = 0;
                continue;
            }
            iterations++;
            gnorm = infNorm(g);
            if (gnorm <= gradientTolerance) {
                converged = true;
                break;
            }
            if (fPrev - f <= reductionTolerance * Math.max(Math.max(Math.abs(fPrev), Math.abs(f)), 1)) {
                converged = true;
                break;
            }
            if (iterations >= maxIterations) {
                break;
            }
            // Store the curvature pair if s'y > eps * y'y
            final int slot = newest == m - 1 ? 0 : newest + 1;
            final double[] sk = s[slot];
            final double[] yk = y[slot];
            difference(x, xPrev, sk);
            difference(g, gPrev, yk);
            final double sy = dot(sk, yk);
            final double yy = dot(yk, yk);
            if (sy > EPS * yy) {
                rho[slot] = 1 / sy;
                newest = slot;
                count = Math.min(count + 1, m);
            }
        }
        return new Result(x, f, infNorm(g), iterations, evaluations, converged);
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        final int n = a.length;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
        }
        if (j < n) {
            s0 += a[j] * b[j];
        }
        return s0 + s1;
    }

    // The loops over the coordinates live in small methods of their own: compiled once, early,
    // instead of on-stack compilations of the whole minimize() per loop (measured: 0.5 s of JIT)

    private static void negate(double[] g, double[] d) {
        for (int j = 0; j < d.length; j++) {
            d[j] = -g[j];
        }
    }

    /** x = from + stp d. */
    private static void step(double[] from, double stp, double[] d, double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] = from[j] + stp * d[j];
        }
    }

    /** out = a - b. */
    private static void difference(double[] a, double[] b, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = a[j] - b[j];
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static void scale(double a, double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] *= a;
        }
    }

    private static double infNorm(double[] g) {
        double max = 0;
        for (final double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /**
     * The line search of Moré and Thuente [2], following MINPACK-2's {@code dcsrch} (driver, the
     * two stages of section 2 of [2]) and {@code dcstep} (safeguarded cubic/quadratic step,
     * section 4 of [2]) as a reverse-communication state machine: {@link #start} and
     * {@link #iterate} return {@link #FG} when \(f\) and \(f'\) are wanted at {@link #stp}.
     */
    static final class MoreThuente {
        static final int FG = 0;
        static final int CONVERGED = 1;
        static final int WARNING = 2;
        static final int ERROR = 3;

        private static final double XTRAPL = 1.1;
        private static final double XTRAPU = 4.0;

        /** The current trial step. */
        double stp;

        private boolean brackt;
        private int stage;
        private double finit;
        private double ginit;
        private double gtest;
        private double width;
        private double width1;
        private double stx;
        private double fx;
        private double gx;
        private double sty;
        private double fy;
        private double gy;
        private double stmin;
        private double stmax;

        int start(double f, double g, double step) {
            if (!(step > 0 && step <= STEP_MAX && g < 0)) {
                return ERROR;
            }
            stp = step;
            brackt = false;
            stage = 1;
            finit = f;
            ginit = g;
            gtest = C1 * ginit;
            width = STEP_MAX;
            width1 = width / 0.5;
            stx = 0;
            fx = finit;
            gx = ginit;
            sty = 0;
            fy = finit;
            gy = ginit;
            stmin = 0;
            stmax = stp + XTRAPU * stp;
            return FG;
        }

        /** Halves the distance from the best step to the trial step (after an overflow). */
        void backOff() {
            stp = stx + 0.5 * (stp - stx);
        }

        int iterate(double f, double g) {
            final double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0) {
                stage = 2;
            }
            // Warnings: the current step is the best that can be had
            if (brackt && (stp <= stmin || stp >= stmax)) {
                return WARNING; // rounding errors prevent progress
            }
            if (brackt && stmax - stmin <= XTOL * stmax) {
                return WARNING; // interval of uncertainty below xtol
            }
            if (stp == STEP_MAX && f <= ftest && g <= gtest) {
                return WARNING;
            }
            if (stp == 0 && (f > ftest || g >= gtest)) {
                return WARNING;
            }
            // Strong Wolfe conditions
            if (f <= ftest && Math.abs(g) <= C2 * -ginit) {
                return CONVERGED;
            }
            if (stage == 1 && f <= fx && f > ftest) {
                // Stage 1 on the modified function psi(a) = f(a) - f(0) - c1 a f'(0)
                final double fm = f - stp * gtest;
                final double fxm = fx - stx * gtest;
                final double fym = fy - sty * gtest;
                final double gm = g - gtest;
                final double gxm = gx - gtest;
                final double gym = gy - gtest;
                step(fxm, gxm, fym, gym, fm, gm);
                // step() stored the modified values; undo the modification
                fx = fx + stx * gtest;
                fy = fy + sty * gtest;
                gx = gx + gtest;
                gy = gy + gtest;
            } else {
                step(fx, gx, fy, gy, f, g);
            }
            // Force a sufficient decrease in the size of the interval
            if (brackt) {
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    stp = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + XTRAPL * (stp - stx);
                stmax = stp + XTRAPU * (stp - stx);
            }
            stp = Math.min(Math.max(stp, 0), STEP_MAX);
            // If further progress is not possible, let stp be the best point so far
            if (brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                stp = stx;
            }
            return FG;
        }

        /**
         * MINPACK-2 {@code dcstep}: a safeguarded step from the best step stx (value fx,
         * derivative dx), the other end sty of the interval (fy, dy) and the current step stp
         * (fp, dp); updates stx, sty and their values (stored in fx, gx, fy, gy), brackt and stp.
         * The four cases are those of section 4 of [2].
         */
        private void step(double fx0, double dx, double fy0, double dy, double fp, double dp) {
            final double stpmin = stmin;
            final double stpmax = stmax;
            final double sgnd = dp * (dx / Math.abs(dx));
            double stpf;
            if (fp > fx0) {
                // Case 1: higher function value; the minimum is bracketed
                final double theta = 3 * (fx0 - fp) / (stp - stx) + dx + dp;
                final double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
                if (stp < stx) {
                    gamma = -gamma;
                }
                final double p = (gamma - dx) + theta;
                final double q = ((gamma - dx) + gamma) + dp;
                final double r = p / q;
                final double stpc = stx + r * (stp - stx);
                final double stpq = stx + ((dx / ((fx0 - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
                if (Math.abs(stpc - stx) < Math.abs(stpq - stx)) {
                    stpf = stpc;
                } else {
                    stpf = stpc + (stpq - stpc) / 2;
                }
                brackt = true;
            } else if (sgnd < 0) {
                // Case 2: lower value, derivatives of opposite sign; bracketed
                final double theta = 3 * (fx0 - fp) / (stp - stx) + dx + dp;
                final double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
                if (stp > stx) {
                    gamma = -gamma;
                }
                final double p = (gamma - dp) + theta;
                final double q = ((gamma - dp) + gamma) + dx;
                final double r = p / q;
                final double stpc = stp + r * (stx - stp);
                final double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                brackt = true;
            } else if (Math.abs(dp) < Math.abs(dx)) {
                // Case 3: lower value, same sign, derivative decreases in magnitude
                final double theta = 3 * (fx0 - fp) / (stp - stx) + dx + dp;
                final double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
                double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
                if (stp > stx) {
                    gamma = -gamma;
                }
                final double p = (gamma - dp) + theta;
                final double q = (gamma + (dx - dp)) + gamma;
                final double r = p / q;
                final double stpc;
                if (r < 0 && gamma != 0) {
                    stpc = stp + r * (stx - stp);
                } else if (stp > stx) {
                    stpc = stpmax;
                } else {
                    stpc = stpmin;
                }
                final double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                if (brackt) {
                    stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                    if (stp > stx) {
                        stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
                    } else {
                        stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
                    }
                } else {
                    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = Math.max(stpmin, Math.min(stpmax, stpf));
                }
            } else {
                // Case 4: lower value, same sign, derivative does not decrease in magnitude
                if (brackt) {
                    final double theta = 3 * (fp - fy0) / (sty - stp) + dy + dp;
                    final double s = max3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
                    double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                    if (stp > sty) {
                        gamma = -gamma;
                    }
                    final double p = (gamma - dp) + theta;
                    final double q = ((gamma - dp) + gamma) + dy;
                    final double r = p / q;
                    stpf = stp + r * (sty - stp);
                } else if (stp > stx) {
                    stpf = stpmax;
                } else {
                    stpf = stpmin;
                }
            }
            // Update the interval that contains a minimiser
            if (fp > fx0) {
                sty = stp;
                fy = fp;
                gy = dp;
                fx = fx0;
                gx = dx;
            } else {
                if (sgnd < 0) {
                    sty = stx;
                    fy = fx0;
                    gy = dx;
                } else {
                    fy = fy0;
                    gy = dy;
                }
                stx = stp;
                fx = fp;
                gx = dp;
            }
            stp = stpf;
        }

        private static double max3(double a, double b, double c) {
            return Math.max(a, Math.max(b, c));
        }
    }
}
