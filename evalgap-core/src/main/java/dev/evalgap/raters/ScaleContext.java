package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import java.util.List;
import java.util.Map;

/**
 * What every analysis of one scale's ratings shares: the category codes, each rater's kind and the
 * bootstrap.
 *
 * @param codes     the categories of the scale
 * @param kinds     rater → kind (raters whose files do not say are absent)
 * @param bootstrap intervals and seeds
 */
record ScaleContext(CategoryCodes codes, Map<String, RaterKind> kinds, FigureBootstrap bootstrap) {

    /** The context of the ratings of one scale. */
    static ScaleContext of(List<Rating> ratings, Map<String, RaterKind> kinds, FigureBootstrap bootstrap) {
        return new ScaleContext(CategoryCodes.of(ratings.get(0).scale(), ratings), kinds, bootstrap);
    }

    Scale scale() {
        return codes.scale();
    }

    VerdictTable table(List<Rating> ratings) {
        return VerdictTable.of(ratings, codes, kinds);
    }

    Agreements agreements() {
        return new Agreements(codes, bootstrap);
    }

    /**
     * The mean over items of each item's mean score (one item counts once however many raters rated it),
     * with its interval over resampled items; {@code null} on a nominal scale.
     */
    AgreementFigure itemMean(Map<String, List<Verdict>> byItem, Object... name) {
        if (!scale().kind().hasMean()) {
            return null;
        }
        double[] means = byItem.values().stream()
                .mapToDouble(vs -> vs.stream().mapToDouble(Verdict::value).average().orElseThrow()).toArray();
        return bootstrap.run(means.length, idx -> FigureBootstrap.mean(means, idx), name);
    }
}
