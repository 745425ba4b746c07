package dev.evalgap.trend;

/**
 * A release's offline score on the public and on the sealed split of the eval set.
 *
 * @param release  the release
 * @param publicScore mean score over its public cases, with a bootstrap interval
 * @param sealedScore mean score over its sealed cases, with a bootstrap interval
 * @param overfit  the overfit index since the baseline; {@code null} for the baseline itself
 */
public record SplitScores(String release, MeanFigure publicScore, MeanFigure sealedScore, OverfitIndex overfit) {
}
