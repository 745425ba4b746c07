package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * Does a pairwise judge's verdict depend on which output it was shown first?
 *
 * @param judge             the judge
 * @param itemsBothOrders   items the judge rated in both orders
 * @param verdictChanges    share of those items whose verdict (naming outputs, not positions) differs
 *                          between the orders
 * @param reversals         items whose winner swapped (A in one order, B in the other)
 * @param decisiveRatings   the judge's ratings with a recorded order that named a winner
 * @param firstShownWins    share of those in which the winner was the output shown first (0.5 = no
 *                          position preference)
 */
public record PositionBias(String judge, int itemsBothOrders, AgreementFigure verdictChanges, int reversals,
                           int decisiveRatings, AgreementFigure firstShownWins) {
}
