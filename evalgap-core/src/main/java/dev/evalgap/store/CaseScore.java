package dev.evalgap.store;

import java.util.List;

/**
 * A release's offline score on one case: the mean over its runs (one per grader).
 *
 * @param release the release
 * @param caseId  the case
 * @param score   mean score over the case's runs of this release
 * @param runs    runs averaged
 * @param tags    the case's tags (empty when none, or when no eval set was named)
 */
public record CaseScore(String release, String caseId, double score, int runs, List<String> tags) {
}
