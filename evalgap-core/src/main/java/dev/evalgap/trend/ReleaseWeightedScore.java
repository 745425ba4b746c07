package dev.evalgap.trend;

import dev.evalgap.stats.Interval;

/**
 * A release's offline score re-weighted to production's topic mix.
 *
 * @param release           the release
 * @param weighted          \(\sum_t \pi_t \bar s_t / \sum_t \pi_t\) over topics t holding a scored case,
 *                          \(\pi_t\) the topic's production share, \(\bar s_t\) the mean score of its cases
 * @param interval          stratified percentile-bootstrap interval (cases resampled within topics)
 * @param unweighted        the plain mean over the same cases
 * @param cases             cases scored
 * @param topicsWithCases   topics holding at least one scored case
 * @param representedShare  production share of those topics; the rest of production has no case to
 *                          score it and is not in the weighted score
 */
public record ReleaseWeightedScore(
        String release,
        double weighted,
        Interval interval,
        double unweighted,
        int cases,
        int topicsWithCases,
        double representedShare) {
}
