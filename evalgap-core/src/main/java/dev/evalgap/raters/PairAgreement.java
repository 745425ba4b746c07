package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.RankCorrelationResult;

/**
 * Agreement of two sides (two raters, or a group's consensus and one rater) on the items both rated. A
 * figure that does not apply to the scale is {@code null}.
 *
 * @param first            the first side (a rater id, or e.g. {@code human consensus})
 * @param second           the second side
 * @param items            items both rated
 * @param percentAgreement share of items with the same label (categorical scales; pairwise: with ties)
 * @param kappa            Cohen's κ, unweighted (categorical scales; pairwise: A, tie, B)
 * @param linearKappa      Cohen's κ with linear weights (ordinal scales)
 * @param quadraticKappa   Cohen's κ with quadratic weights (ordinal scales)
 * @param alpha            Krippendorff's α of the two at the scale's level (nominal for binary, nominal
 *                         and pairwise)
 * @param spearman         Spearman's ρ of the scores (ordinal and interval scales)
 * @param kendall          Kendall's τ_b of the scores (as Spearman's ρ)
 * @param withoutTies      pairwise: agreement on the items where both named a winner
 */
public record PairAgreement(
        String first,
        String second,
        int items,
        AgreementFigure percentAgreement,
        Coefficient kappa,
        Coefficient linearKappa,
        Coefficient quadraticKappa,
        Coefficient alpha,
        RankCorrelationResult spearman,
        RankCorrelationResult kendall,
        DecisiveAgreement withoutTies) {
}
