package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import java.util.List;

/**
 * The headline figures of one slice of the ratings: one period, or one judge version, human cohort or
 * rubric version.
 *
 * @param scope          {@code period}, {@code judge version}, {@code human cohort} or {@code rubric version}
 * @param value          the period or version
 * @param items          items rated in the slice
 * @param ratings        usable ratings in the slice
 * @param judgeMean      mean judge score over items (each item the mean of its judges); {@code null} on a
 *                       nominal scale or without judge ratings
 * @param humanMean      the same for the human raters
 * @param judgesVsHumans the human consensus against each judge, with every figure of the scale (on ordered
 *                       scales Spearman's ρ and Kendall's τ_b too)
 * @param humans         agreement among the human raters
 */
public record ScopedFigures(String scope, String value, int items, int ratings, AgreementFigure judgeMean,
                            AgreementFigure humanMean, List<ConsensusAgreement> judgesVsHumans,
                            MultiRaterAgreement humans) {

    static ScopedFigures of(ScaleContext context, String scope, String value, List<Rating> ratings) {
        VerdictTable table = context.table(ratings);
        List<String> judges = table.raters(RaterKind.JUDGE);
        List<String> humans = table.raters(RaterKind.HUMAN);
        Agreements agreements = context.agreements();
        String name = scope + " " + value;
        List<ConsensusAgreement> vs = humans.isEmpty() ? List.of()
                : judges.stream().map(j -> agreements.consensus(table, "human", humans, j, name)).toList();
        return new ScopedFigures(scope, value, table.items().size(), (int) ratings.stream().filter(Rating::usable)
                .count(),
                judges.isEmpty() ? null : context.itemMean(table.byItem(judges), "judge mean", name),
                humans.isEmpty() ? null : context.itemMean(table.byItem(humans), "human mean", name), vs,
                humans.size() < 2 ? null : agreements.multi(table, "humans", humans, name));
    }
}
