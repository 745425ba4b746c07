package dev.evalgap.raters;

import dev.evalgap.Seeds;
import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.ItemBootstrap;
import dev.evalgap.stats.RankCorrelation;
import dev.evalgap.stats.RankCorrelationResult;
import java.util.function.ToDoubleFunction;

/**
 * The bootstrap behind every interval of the rater report: B resamples of items at one confidence level,
 * each figure with its own seed derived from the analysis seed and the figure's name (e.g.
 * {@code "kappa", "pairwise", "annotator1", "gpt-3.5"}) by {@link Seeds}, so a figure keeps its interval when
 * other raters, periods or versions are added.
 */
final class FigureBootstrap {

    private final int resamples;
    private final double confidence;
    private final long seed;

    FigureBootstrap(int resamples, double confidence, long seed) {
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** The statistic on all {@code items} with its percentile interval over resampled items. */
    AgreementFigure run(int items, ToDoubleFunction<int[]> statistic, Object... name) {
        return ItemBootstrap.withDefaults().withResamples(resamples).withConfidence(confidence)
                .withSeed(derive(name)).run(items, statistic);
    }

    /** Spearman's ρ or Kendall's τ_b of paired values with its percentile interval over resampled pairs. */
    RankCorrelationResult rank(RankCorrelation.Method method, double[] x, double[] y, Object... name) {
        return RankCorrelation.withDefaults().with(method).withBootstrap(resamples).withConfidence(confidence)
                .withSeed(derive(name)).test(x, y);
    }

    private long derive(Object... parts) {
        return Seeds.derive(seed, parts);
    }

    /** The mean of the drawn items' values; NaN when none is drawn. */
    static double mean(double[] values, int[] indexes) {
        if (indexes.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i : indexes) {
            sum += values[i];
        }
        return sum / indexes.length;
    }

    /** {@code values[indexes[i]]} for every i: the drawn items' values. */
    static int[] pick(int[] values, int[] indexes) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = values[indexes[i]];
        }
        return out;
    }
}
