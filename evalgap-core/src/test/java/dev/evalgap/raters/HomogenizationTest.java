package dev.evalgap.raters;

import static dev.evalgap.raters.RaterKind.HUMAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Labeler homogenization on generated two-week scenarios: four human raters score 80 outputs of quality
 * q ~ U(1, 5) per week and 30 known-contrast anchor pairs (better q = 3.4, worse q = 3.0) in both weeks, on
 * {@code ordinal:1-5}. Week 1: round(q + N(0, 0.9)). Week 2 either collapses towards 3 (round(3 + 0.5 (q − 3)
 * + N(0, 0.15))) or converges (round(q + N(0, 0.3))). Both raise agreement and lower the spread; only the
 * collapse loses the contrast, and only it is flagged. (A simulation of these settings gave discrimination
 * 0.74 in week 1, 0.54 collapsed and 0.87 converged.)
 */
class HomogenizationTest {

    private static List<Rating> scenario(long seed, DoubleUnaryOperator week2) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Rating> out = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            DoubleUnaryOperator score = week == 1 ? q -> q + 0.9 * rng.nextGaussian() : week2;
            for (int i = 0; i < 80; i++) {
                double q = 1 + 4 * rng.nextDouble();
                for (int h = 1; h <= 4; h++) {
                    out.add(TestRating.of("w" + week + "-" + i, "h" + h, HUMAN, "ordinal:1-5", ordinal(score, q))
                            .week(week).build());
                }
            }
            for (int p = 0; p < 30; p++) {
                for (int h = 1; h <= 4; h++) {
                    out.add(TestRating.of("c" + p + "-better", "h" + h, HUMAN, "ordinal:1-5", ordinal(score, 3.4))
                            .week(week).contrast("c" + p, "better").build());
                    out.add(TestRating.of("c" + p + "-worse", "h" + h, HUMAN, "ordinal:1-5", ordinal(score, 3.0))
                            .week(week).contrast("c" + p, "worse").build());
                }
            }
        }
        return out;
    }

    private static long ordinal(DoubleUnaryOperator score, double q) {
        return Math.max(1, Math.min(5, Math.round(score.applyAsDouble(q))));
    }

    private static HomogenizationReport run(List<Rating> ratings) {
        Map<String, RaterKind> kinds = new TreeMap<>();
        ratings.forEach(r -> kinds.putIfAbsent(r.rater(), r.raterKind()));
        return new Homogenization(ScaleContext.of(ratings, kinds, new FigureBootstrap(200, 0.95, 3))).run(ratings);
    }

    @Test
    void ratersWhoCollapseOntoTheMiddleAreFlagged() {
        SplittableRandom noise = new SplittableRandom(99);
        HomogenizationReport report = run(scenario(1, q -> 3 + 0.5 * (q - 3) + 0.15 * noise.nextGaussian()));
        PeriodSpread before = report.periods().get(0);
        PeriodSpread after = report.periods().get(1);
        assertThat(before.raters()).isEqualTo(4);
        assertThat(before.items()).isEqualTo(140);
        assertThat(before.contrastPairs()).isEqualTo(30);
        assertThat(after.agreement().figure().estimate()).isGreaterThan(before.agreement().figure().estimate());
        assertThat(after.variance().estimate()).isLessThan(before.variance().estimate());
        assertThat(after.entropyBits().estimate()).isLessThan(before.entropyBits().estimate());
        assertThat(after.discrimination().estimate()).isLessThan(before.discrimination().estimate());
        assertThat(report.flags()).singleElement().asString()
                .startsWith("2026-W01 -> 2026-W02: agreement up").endsWith("converged or collapsed?");
    }

    @Test
    void ratersWhoConvergeKeepTheirDiscriminationAndAreNotFlagged() {
        SplittableRandom noise = new SplittableRandom(99);
        HomogenizationReport report = run(scenario(1, q -> q + 0.3 * noise.nextGaussian()));
        PeriodSpread before = report.periods().get(0);
        PeriodSpread after = report.periods().get(1);
        assertThat(after.agreement().figure().estimate()).isGreaterThan(before.agreement().figure().estimate());
        assertThat(after.discrimination().estimate()).isGreaterThan(before.discrimination().estimate());
        assertThat(report.flags()).isEmpty();
    }

    /**
     * Raters whose behaviour does not change: week 2 is drawn like week 1. Judged on point estimates, agreement
     * up with variance and entropy down and discrimination not up happened by chance in 1 of these 40 seeds
     * (measured); judged beyond noise, in none.
     */
    @Test
    void unchangedRatersAreNotFlaggedOnNoise() {
        int flagged = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom noise = new SplittableRandom(seed + 1000);
            flagged += run(scenario(seed, q -> q + 0.9 * noise.nextGaussian())).flags().size();
        }
        assertThat(flagged).isZero();
    }

    /**
     * Hand-worked: intervals [0.4, 0.6] and [e - 0.1, e + 0.1] at 95% give standard errors 0.2 / (2 * 1.95996)
     * = 0.051021 each; the difference is beyond noise above 1.95996 * sqrt(2) * 0.051021 = 0.141421.
     */
    @Test
    void beyondNoiseComparesTheDifferenceWithBothStandardErrors() {
        AgreementFigure a = figure(0.5);
        assertThat(Homogenization.beyondNoise(a, figure(0.645))).isTrue();
        assertThat(Homogenization.beyondNoise(a, figure(0.640))).isFalse();
        assertThat(Homogenization.beyondNoise(figure(0.645), a)).isFalse();
        assertThat(Homogenization.beyondNoise(a, new AgreementFigure(0.9, null, 10, 200, 200, 3))).isFalse();
    }

    private static AgreementFigure figure(double estimate) {
        return new AgreementFigure(estimate, new Interval(estimate - 0.1, estimate + 0.1, 0.95), 100, 200, 0, 3);
    }

    /** Hand-worked spread: one period, two raters, labels 1, 1, 2, 4 over two items. */
    @Test
    void varianceAndEntropyAreOverAllVerdicts() {
        List<Rating> ratings = List.of(
                TestRating.of("a", "h1", HUMAN, "ordinal:1-5", 1).week(3).build(),
                TestRating.of("a", "h2", HUMAN, "ordinal:1-5", 1).week(3).build(),
                TestRating.of("b", "h1", HUMAN, "ordinal:1-5", 2).week(3).build(),
                TestRating.of("b", "h2", HUMAN, "ordinal:1-5", 4).week(3).build());
        PeriodSpread p = run(ratings).periods().get(0);
        // mean 2, variance (1 + 1 + 0 + 4) / 4 = 1.5; labels 1/2, 1/4, 1/4: entropy 1.5 bits
        assertThat(p.variance().estimate()).isEqualTo(1.5);
        assertThat(p.entropyBits().estimate()).isEqualTo(1.5);
        assertThat(p.discrimination()).isNull();
        assertThat(p.ratings()).isEqualTo(4);
    }
}
