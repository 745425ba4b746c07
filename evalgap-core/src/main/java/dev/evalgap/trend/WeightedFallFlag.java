package dev.evalgap.trend;

import dev.evalgap.stats.Interval;

/**
 * The production-weighted offline score fell while the raw score rose: the newest release gained on
 * the suite's cases overall but lost on the topics today's production asks about, so the raw gain
 * comes from cases production rarely sends. Compared are the newest release and the earlier release
 * with the highest weighted score (its peak so far). Both changes are paired: the mean over the cases
 * scored in both releases of each case's score change, post-stratified by topic for the weighted change
 * (production shares fixed) and plain for the raw change, each with a percentile-bootstrap interval
 * (cases resampled within topics for the weighted change). The peak is chosen after looking at the
 * scores, so a weak flag (interval including 0) is likely noise.
 *
 * @param fromRelease            the earlier release: the one with the highest weighted score before
 *                               {@code toRelease}
 * @param toRelease              the newest release with a weighted score
 * @param pairedCases            cases scored in both releases and holding a topic
 * @param weightedChange         \(\sum_t \pi_t \bar d_t / \sum_t \pi_t\), \(\bar d_t\) the mean score change
 *                               of the paired cases of topic t; negative
 * @param weightedChangeInterval its stratified percentile-bootstrap interval
 * @param rawChange              the mean score change of the paired cases; positive
 * @param rawChangeInterval      its percentile-bootstrap interval
 * @param detected               the weighted change's interval lies below 0
 * @param message                the flag in words
 */
public record WeightedFallFlag(
        String fromRelease,
        String toRelease,
        int pairedCases,
        double weightedChange,
        Interval weightedChangeInterval,
        double rawChange,
        Interval rawChangeInterval,
        boolean detected,
        String message) {
}
