package dev.evalgap.raters;

import java.util.List;

/**
 * Everything about the ratings of one scale.
 *
 * @param scale           the scale ({@code pairwise}, {@code ordinal:1-5}, …)
 * @param categories      its categories in code order (empty on an interval scale)
 * @param items           items rated
 * @param ratings         ratings stored
 * @param unusable        of which unusable (left out of every figure)
 * @param undated         usable ratings without a timestamp (in the overall figures, in no period)
 * @param raterPairs      every two raters on the items both rated
 * @param judgesVsHumans  the human consensus against each judge
 * @param multiRater      agreement among the humans, the judges and all raters
 * @param byPeriod        the headline figures per period
 * @param byVersion       the headline figures per judge version, human cohort and rubric version (where there
 *                        are at least two)
 * @param changes         version changes over time and steps between consecutive periods
 * @param drift           drift attribution on the anchor set
 * @param judgeBias       length, position and self-preference
 * @param homogenization  labeler homogenization per period
 */
public record ScaleReport(String scale, List<String> categories, int items, int ratings, int unusable, int undated,
                          List<PairAgreement> raterPairs, List<ConsensusAgreement> judgesVsHumans,
                          List<MultiRaterAgreement> multiRater, List<ScopedFigures> byPeriod,
                          List<ScopedFigures> byVersion, List<String> changes, DriftReport drift,
                          JudgeBiasReport judgeBias, HomogenizationReport homogenization) {
}
