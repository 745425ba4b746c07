package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * Pairwise agreement without ties: over the items on which both sides named a winner (A or B).
 *
 * @param items            items where both named a winner
 * @param percentAgreement share of them with the same winner, with its interval
 * @param kappa            Cohen's κ on A/B
 */
public record DecisiveAgreement(int items, AgreementFigure percentAgreement, Coefficient kappa) {
}
