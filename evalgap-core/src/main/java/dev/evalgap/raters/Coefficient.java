package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * A chance-corrected agreement coefficient (Cohen's or Fleiss' κ, Krippendorff's α) with its interval and
 * its Landis–Koch reading.
 *
 * @param figure  the coefficient, its percentile-bootstrap interval over items, n, B and seed
 * @param reading the Landis–Koch band of the estimate ("substantial"); {@code null} when undefined
 */
public record Coefficient(AgreementFigure figure, String reading) {

    static Coefficient of(AgreementFigure figure) {
        return new Coefficient(figure, figure.defined() ? figure.reading().label() : null);
    }
}
