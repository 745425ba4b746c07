package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * How alike the human raters of one period are, and whether they still tell good from bad.
 *
 * @param period         the period
 * @param raters         human raters with ratings in it
 * @param items          items they rated
 * @param ratings        their usable ratings (one verdict per rater and item)
 * @param agreement      Krippendorff's α among them; {@code null} with fewer than two raters
 * @param variance       variance of their scores (population variance over all verdicts); {@code null} on a
 *                       nominal scale
 * @param entropyBits    Shannon entropy of their labels, in bits
 * @param contrastPairs  known-contrast anchor pairs with human verdicts on both sides
 * @param discrimination share of those pairs whose better side got the higher mean human score (a tie
 *                       counts ½); {@code null} without such pairs
 */
public record PeriodSpread(String period, int raters, int items, int ratings, Coefficient agreement,
                           AgreementFigure variance, AgreementFigure entropyBits, int contrastPairs,
                           AgreementFigure discrimination) {
}
