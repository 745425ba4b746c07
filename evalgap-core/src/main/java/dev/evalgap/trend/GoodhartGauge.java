package dev.evalgap.trend;

import java.util.List;

/**
 * The Goodhart gauge: per release, the offline score on the public and on the sealed split and the
 * overfit index since a baseline release. Case ids and aggregates only: no sealed text.
 *
 * @param baseline     the baseline release; {@code null} when skipped
 * @param publicCases  public cases of the set version counted (stale cases left out unless included)
 * @param sealedCases  sealed cases counted
 * @param releases     per release with offline runs, in timeline order
 * @param rule         how the figures are computed, in words
 * @param skipped      why the gauge was not computed (no eval set, no sealed case, no runs), or {@code null}
 */
public record GoodhartGauge(
        String baseline,
        int publicCases,
        int sealedCases,
        List<SplitScores> releases,
        String rule,
        String skipped) {

    static GoodhartGauge skipped(String why) {
        return new GoodhartGauge(null, 0, 0, List.of(), Goodhart.RULE, why);
    }

    /** @return the entry of a release, or {@code null} */
    public SplitScores of(String release) {
        return releases.stream().filter(r -> r.release().equals(release)).findFirst().orElse(null);
    }
}
