package dev.evalgap.store;

/** One offline score: a release's result on one case, by one grader. */
public record RunResult(String id, String release, String caseId, double score, String grader, String output) {
}
