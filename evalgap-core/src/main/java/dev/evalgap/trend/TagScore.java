package dev.evalgap.trend;

import dev.evalgap.stats.Interval;

/**
 * A release's offline score on the cases carrying one tag.
 *
 * @param tag      the tag
 * @param mean     mean score over those cases
 * @param interval percentile-bootstrap interval over the cases
 * @param cases    cases with the tag scored for the release
 */
public record TagScore(String tag, double mean, Interval interval, int cases) {
}
