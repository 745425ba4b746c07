package dev.evalgap.gap;

import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.Interval;

/**
 * The gap for one production segment, so an average cannot hide a failing slice.
 *
 * @param segment          the segment value
 * @param productionItems  items of the scored production sample in the segment
 * @param c2st             the eval set vs this segment; null when the segment has too few items
 * @param uncoveredShare   the segment's share of production farther from every eval case than τ_u
 * @param uncoveredShareInterval Wilson interval (Kish effective size when weighted)
 * @param jsDivergence     Jensen–Shannon divergence (base 2) of the segment's and the eval set's topic histograms
 * @param topMissingTopic  the topic the eval set under-samples most for this segment
 */
public record SegmentGap(
        String segment,
        int productionItems,
        ClassifierTwoSampleResult c2st,
        Double uncoveredShare,
        Interval uncoveredShareInterval,
        double jsDivergence,
        int topMissingTopic) {

    /** Fewer items than this and a segment gets no classifier test of its own. */
    public static final int MIN_ITEMS_FOR_TEST = 50;
}
