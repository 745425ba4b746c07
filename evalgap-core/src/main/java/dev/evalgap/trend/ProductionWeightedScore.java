package dev.evalgap.trend;

import java.util.List;

/**
 * The offline score re-weighted by the production topic shares of one window's stored gap result.
 *
 * @param window            the window whose topic map was used ({@code null} when skipped)
 * @param setVersion        the eval set version of that gap result
 * @param embedder          its embedder
 * @param topics            its number of topics
 * @param method            what was done, in words
 * @param casesFromSample   cases whose topic is their stored label in the gap's clustering
 * @param casesByCentroid   scored cases outside the gap's eval sample, given the nearest stored centroid
 * @param releases          one weighted score per release with runs, in timeline order
 * @param skipped           why the figure was not computed, or {@code null}
 * @param fall              the weighted score of the newest release below its earlier peak while the raw
 *                          score rose, or {@code null} when it did not happen
 */
public record ProductionWeightedScore(
        String window,
        Integer setVersion,
        String embedder,
        Integer topics,
        String method,
        int casesFromSample,
        int casesByCentroid,
        List<ReleaseWeightedScore> releases,
        String skipped,
        WeightedFallFlag fall) {

    static ProductionWeightedScore skipped(String reason) {
        return new ProductionWeightedScore(null, null, null, null, null, 0, 0, List.of(), reason, null);
    }
}
