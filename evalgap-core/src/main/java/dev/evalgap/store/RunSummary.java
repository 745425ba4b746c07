package dev.evalgap.store;

import java.util.List;

/**
 * The runs of one release.
 *
 * @param release        the release
 * @param cases          distinct cases scored that belong to the eval set version (all cases without a set)
 * @param unmatchedCases distinct cases scored that are not in the eval set version
 * @param graders        distinct graders, sorted; empty when the runs name none
 */
public record RunSummary(String release, long cases, long unmatchedCases, List<String> graders) {
}
