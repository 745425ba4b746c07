package dev.evalgap.gap;

import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.MmdResult;
import java.util.List;

/**
 * Every gap figure of one comparison.
 *
 * @param c2st      classifier two-sample test: AUC, gap score, intervals, p
 * @param mmd       kernel MMD² with its permutation p-value (on at most 6,000 seeded rows a side)
 * @param coverage  nearest-neighbour coverage; null when no reference sample could be drawn
 * @param topics    the topic map
 * @param segments  per production segment, largest first; empty without segments
 */
public record GapFigures(
        ClassifierTwoSampleResult c2st,
        MmdResult mmd,
        CoverageFigures coverage,
        TopicMap topics,
        List<SegmentGap> segments) {
}
