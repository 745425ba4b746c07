package dev.evalgap.trend;

/**
 * Between two consecutive windows with stored gap results, the offline score rose and so did the gap
 * score: the suite moved further from production while the score went up, so the gain is not evidence
 * of a better product. Point estimates are compared (the intervals are in the window rows);
 * {@code gapDetected} says whether the later window's gap interval excludes 0, i.e. whether the eval
 * set is distinguishable from that window's production at all. A rise between two gaps whose
 * intervals include 0 may be noise: such a flag is weak.
 *
 * @param fromWindow  the earlier window
 * @param toWindow    the later window
 * @param fromRelease newest release of the earlier window
 * @param toRelease   newest release of the later window
 * @param scoreFrom   offline score of {@code fromRelease}
 * @param scoreTo     offline score of {@code toRelease}
 * @param gapFrom     gap score of the earlier window
 * @param gapTo       gap score of the later window
 * @param gapDetected the later window's gap interval excludes 0
 * @param message     the flag in words
 */
public record ScoreGapFlag(
        String fromWindow,
        String toWindow,
        String fromRelease,
        String toRelease,
        double scoreFrom,
        double scoreTo,
        double gapFrom,
        double gapTo,
        boolean gapDetected,
        String message) {
}
