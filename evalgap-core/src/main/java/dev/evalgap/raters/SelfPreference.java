package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * How a judge scores the outputs of one model family compared with the humans on the same outputs.
 * Graded scales: mean score; pairwise: win rate of the family's output against another family's (a tie
 * counts ½).
 *
 * @param judge          the judge
 * @param family         the output model family
 * @param ownFamily      whether the family names the judge's own model (its id or version contains the
 *                       family's name, ignoring case): a positive difference here is self-preference
 * @param items          items with outputs of the family rated by the judge and by the humans
 * @param judgeScore     the judge's mean score (or win rate) of the family's outputs
 * @param humanScore     the human consensus's on the same items
 * @param difference     judge − humans, paired by item
 */
public record SelfPreference(String judge, String family, boolean ownFamily, int items, AgreementFigure judgeScore,
                             AgreementFigure humanScore, AgreementFigure difference) {
}
