package dev.evalgap.trend;

import dev.evalgap.stats.Interval;
import java.util.List;

/**
 * A release's offline score: the mean over the eval set's cases of each case's score (the mean over
 * the case's runs when several graders scored it), with a percentile-bootstrap interval over the cases.
 *
 * @param mean               mean score
 * @param interval           percentile-bootstrap interval (cases resampled with replacement)
 * @param cases              cases scored for the release
 * @param unmatchedCases     cases scored for the release that are not in the eval set version (left out)
 * @param graders            graders of the release's runs
 * @param byTag              the same per case tag, tags in alphabetical order
 * @param bootstrapResamples resamples B
 * @param seed               seed of the overall interval (per-tag seeds are derived from it and the tag)
 */
public record OfflineScore(
        double mean,
        Interval interval,
        int cases,
        long unmatchedCases,
        List<String> graders,
        List<TagScore> byTag,
        int bootstrapResamples,
        long seed) {
}
