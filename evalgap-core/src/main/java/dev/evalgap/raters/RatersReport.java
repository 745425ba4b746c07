package dev.evalgap.raters;

import java.util.List;

/**
 * The rater-integrity report: who rated what, agreement, its course over time and versions, drift
 * attribution, judge biases and labeler homogenization, per scale. Every interval resamples items with
 * {@code bootstrapResamples} resamples at level {@code confidence}; each figure's seed is derived from
 * {@code seed} and the figure's name.
 *
 * @param ratings            ratings stored
 * @param usable             of which usable
 * @param unusable           of which unusable (kept, counted, left out of the figures)
 * @param raters             one row per rater
 * @param scales             one report per scale
 * @param notes              what the reader should know (unknown rater kinds, version aliases, …)
 * @param bootstrapResamples B
 * @param confidence         level of every interval
 * @param seed               the analysis seed
 */
public record RatersReport(int ratings, int usable, int unusable, List<RaterSummary> raters,
                           List<ScaleReport> scales, List<String> notes, int bootstrapResamples, double confidence,
                           long seed) {
}
