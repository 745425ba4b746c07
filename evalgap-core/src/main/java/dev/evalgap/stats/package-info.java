/**
 * Pure statistics on arrays: no I/O, no database, no domain vocabulary.
 *
 * <p>Every class here is final and immutable. Options are set with copy-on-write {@code with…}
 * methods starting from {@code withDefaults()}; randomised methods hold a {@code long} seed and
 * create a fresh {@link java.util.SplittableRandom} from it on every call, so the same instance on
 * the same data always returns the same answer, whatever the number of threads used. Invalid
 * arguments (too few rows, a single class, non-finite values, …) raise
 * {@link java.lang.IllegalArgumentException} with a message naming the argument.
 *
 * <ul>
 *   <li>{@link dev.evalgap.stats.LogisticRegression}: L2-regularised binary logistic regression
 *       with scikit-learn's {@code lbfgs} objective, solved by L-BFGS with a Moré–Thuente line
 *       search;</li>
 *   <li>{@link dev.evalgap.stats.StratifiedFolds}: seeded stratified k-fold assignment;</li>
 *   <li>{@link dev.evalgap.stats.RocAuc}: ROC AUC with midranks for ties;</li>
 *   <li>{@link dev.evalgap.stats.ClassifierTwoSampleTest}: the classifier two-sample test (C2ST)
 *       with a stratified bootstrap interval, giving
 *       {@link dev.evalgap.stats.ClassifierTwoSampleResult};</li>
 *   <li>{@link dev.evalgap.stats.MmdPermutationTest}: kernel MMD² (unbiased, Gaussian kernel, median
 *       bandwidth) with a permutation p-value, giving {@link dev.evalgap.stats.MmdResult};</li>
 *   <li>{@link dev.evalgap.stats.Coverage}: nearest-neighbour coverage against an equal-sized
 *       reference sample, giving {@link dev.evalgap.stats.CoverageResult};</li>
 *   <li>{@link dev.evalgap.stats.KMeans}: seeded k-means++ with a silhouette rule for k;</li>
 *   <li>{@link dev.evalgap.stats.JensenShannon}: Jensen–Shannon divergence, base 2;</li>
 *   <li>{@link dev.evalgap.stats.WilsonInterval}: the Wilson score interval of a proportion;</li>
 *   <li>{@link dev.evalgap.stats.PairedGainDifference}: the difference between two groups' mean
 *       paired gains (difference in differences) with a two-sample bootstrap interval, giving
 *       {@link dev.evalgap.stats.PairedGainDifferenceResult};</li>
 *   <li>{@link dev.evalgap.stats.CohensKappa} (with {@link dev.evalgap.stats.KappaWeights}),
 *       {@link dev.evalgap.stats.PercentAgreement}, {@link dev.evalgap.stats.FleissKappa} and
 *       {@link dev.evalgap.stats.KrippendorffAlpha}: inter-rater agreement, read with
 *       {@link dev.evalgap.stats.LandisKoch}, with a seeded bootstrap over items from
 *       {@link dev.evalgap.stats.ItemBootstrap} giving {@link dev.evalgap.stats.AgreementFigure};</li>
 *   <li>{@link dev.evalgap.stats.Interval}: a confidence interval shared by results.</li>
 * </ul>
 */
package dev.evalgap.stats;
