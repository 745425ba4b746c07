package dev.evalgap.trend;

import dev.evalgap.stats.Interval;
import java.time.Instant;

/**
 * The figures of the latest stored gap result of one window ({@code evalgap gap}).
 *
 * @param window                   the window
 * @param setVersion               the eval set version compared
 * @param gapScore                 2·|AUC − 0.5|
 * @param gapInterval              its interval
 * @param relativeCoverage         relative coverage, or {@code null} when the result has none
 * @param relativeCoverageInterval its interval, or {@code null}
 * @param uncoveredShare           share of the scored production farther from every eval case than the
 *                                 coverage reference allows, or {@code null} when the result has no coverage
 * @param uncoveredShareInterval   its interval, or {@code null}
 * @param noCaseShare              share of production in topics without an eval case (of the production
 *                                 sample), or {@code null} when the result has no topic map
 * @param evalSample               eval cases used
 * @param productionSample         production records scored
 * @param embedder                 the embedder of the result
 * @param seed                     the seed of the result
 * @param computedAt               when it was computed
 */
public record GapPoint(
        String window,
        int setVersion,
        double gapScore,
        Interval gapInterval,
        Double relativeCoverage,
        Interval relativeCoverageInterval,
        Double uncoveredShare,
        Interval uncoveredShareInterval,
        Double noCaseShare,
        int evalSample,
        int productionSample,
        String embedder,
        long seed,
        Instant computedAt) {
}
