package dev.evalgap.trend;

import dev.evalgap.stats.Interval;

/**
 * Release-to-release sign agreement: over consecutive releases, the share of moves in which the
 * offline score and the online KPI moved towards "better" together (see {@link Direction}: the same
 * direction for a higher-is-better KPI, opposite directions for a lower-is-better one; the same
 * direction for an unknown one). A move in which either figure did not change is a tie and left out.
 *
 * @param pairs     consecutive release pairs
 * @param ties      pairs left out because a figure did not change
 * @param agreeing  pairs that agree
 * @param share     agreeing / (pairs − ties); NaN when every pair is a tie
 * @param interval  Wilson interval of the share (treating the moves as independent, which successive
 *                  releases are not quite); {@code null} when the share is undefined
 */
public record SignAgreement(int pairs, int ties, int agreeing, double share, Interval interval) {
}
