package dev.evalgap.raters;

import java.util.List;

/**
 * Drift attribution on the anchor set, between consecutive periods and from the first to the last.
 *
 * @param method   the definitions, in one sentence each
 * @param steps    one per pair of periods that could be split
 * @param skipped  why a pair of periods (or the whole analysis) could not be split
 * @param warnings anchor items whose output seems to have changed (its length differs between periods)
 */
public record DriftReport(List<String> method, List<DriftStep> steps, List<String> skipped, List<String> warnings) {
}
