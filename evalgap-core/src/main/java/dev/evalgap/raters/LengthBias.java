package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.RankCorrelationResult;

/**
 * Does the judge reward long outputs? Graded scales use the first three figures, pairwise the last three.
 *
 * @param judge                     the judge
 * @param version                   the judge version whose verdicts these are: a judge that changed version
 *                                  gets one row per version (an upgrade's bias is not diluted by the
 *                                  old version's verdicts); null for unversioned verdicts
 * @param items                     items with the judge's score and an output length
 * @param judgeScoreVsLength        Spearman's ρ of the judge's score and the output length (raw)
 * @param judgeExcessVsLength       Spearman's ρ of (judge score − human consensus) and the length, over the
 *                                  items humans rated too: the length association after controlling for
 *                                  the human score
 * @param humanScoreVsLength        Spearman's ρ of the human consensus and the length, for reference
 *                                  (longer may simply be better)
 * @param decisiveItems             pairwise: items with outputs of different lengths where the judge and the
 *                                  human consensus both named a winner
 * @param judgePicksLonger          pairwise: the judge's share of those verdicts that chose the longer output
 * @param humansPickLonger          pairwise: the humans' share on the same items
 */
public record LengthBias(String judge, String version, int items, RankCorrelationResult judgeScoreVsLength,
                         RankCorrelationResult judgeExcessVsLength, RankCorrelationResult humanScoreVsLength,
                         int decisiveItems, AgreementFigure judgePicksLonger, AgreementFigure humansPickLonger) {
}
