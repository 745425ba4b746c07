package dev.evalgap.gap;

import dev.evalgap.stats.ClassifierTwoSampleResult;
import java.util.List;

/**
 * Every gap figure of one comparison.
 *
 * @param c2st      classifier two-sample test: AUC, gap score, intervals, p
 * @param coverage  nearest-neighbour coverage; null when no reference sample could be drawn
 * @param topics    the topic map
 * @param segments  per production segment, largest first; empty without segments
 */
public record GapFigures(
        ClassifierTwoSampleResult c2st,
        CoverageFigures coverage,
        TopicMap topics,
        List<SegmentGap> segments) {
}
