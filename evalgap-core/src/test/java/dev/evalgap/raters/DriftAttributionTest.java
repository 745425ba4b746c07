package dev.evalgap.raters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Drift attribution on generated scenarios ({@link DriftScenario}) whose cause is known, and the exact
 * decomposition on a hand-made example.
 */
class DriftAttributionTest {

    private static final FigureBootstrap BOOTSTRAP = new FigureBootstrap(200, 0.95, 11);

    private static ScaleContext context(List<Rating> ratings) {
        Map<String, RaterKind> kinds = new TreeMap<>();
        ratings.forEach(r -> kinds.putIfAbsent(r.rater(), r.raterKind()));
        return ScaleContext.of(ratings, kinds, BOOTSTRAP);
    }

    private static DriftReport drift(List<Rating> ratings) {
        return new DriftAttribution(context(ratings)).run(ratings);
    }

    private static DriftStep step(List<Rating> ratings) {
        DriftReport drift = drift(ratings);
        assertThat(drift.steps()).hasSize(1);
        return drift.steps().get(0);
    }

    private static void assertParts(DriftStep s) {
        assertThat(s.system().estimate() + s.judges().estimate() + s.humans().estimate())
                .isCloseTo(s.change().estimate(), within(1e-9));
        assertThat(s.change().estimate()).isCloseTo(s.compositeTo() - s.compositeFrom(), within(1e-9));
        assertThat(s.anchorItems()).isEqualTo(60);
        assertThat(s.systemItemsFrom()).isEqualTo(300);
        assertThat(s.judgeWeight()).isEqualTo(0.5);
    }

    @Test
    void aJudgeUpgradeThatRewardsLengthIsAttributedToTheJudge() {
        for (long seed = 1; seed <= 3; seed++) {
            DriftStep s = step(new DriftScenario(seed, 6, 6, true, 0).ratings());
            assertParts(s);
            // E[1.5 ln(L/200)] = 1.5 ln 2 = 1.04 on the judge's side, half of it in the composite
            assertThat(s.judges().estimate()).as("seed %d", seed).isBetween(0.35, 0.7);
            assertThat(s.judges().interval().low()).as("seed %d", seed).isPositive();
            assertThat(s.attributedTo()).as("seed %d", seed).isEqualTo("judges");
            // what is left is sampling noise: new outputs each week (SD about 0.1 here)
            assertThat(s.system().estimate()).as("seed %d", seed).isBetween(-0.3, 0.3);
            assertThat(s.humans().estimate()).as("seed %d", seed).isBetween(-0.15, 0.15);
        }
    }

    @Test
    void aSystemThatImprovesUnderFixedRatersIsAttributedToTheSystem() {
        for (long seed = 1; seed <= 3; seed++) {
            DriftStep s = step(new DriftScenario(seed, 6, 7, false, 0).ratings());
            assertParts(s);
            assertThat(s.system().estimate()).as("seed %d", seed).isBetween(0.7, 1.3);
            assertThat(s.system().interval().low()).as("seed %d", seed).isPositive();
            assertThat(s.attributedTo()).as("seed %d", seed).isEqualTo("system");
            assertThat(s.judges().estimate()).as("seed %d", seed).isBetween(-0.15, 0.15);
            assertThat(s.humans().estimate()).as("seed %d", seed).isBetween(-0.15, 0.15);
        }
    }

    @Test
    void aMoreLenientHumanCohortIsAttributedToTheHumans() {
        DriftStep s = step(new DriftScenario(5, 6, 6, false, 1.0).ratings());
        assertParts(s);
        assertThat(s.humans().estimate()).isBetween(0.35, 0.65);
        assertThat(s.attributedTo()).isEqualTo("humans");
        assertThat(s.system().estimate()).isBetween(-0.3, 0.3);
    }

    @Test
    void theLengthRewardShowsAsLengthBiasAfterControllingForTheHumans() {
        List<Rating> lengthRewarded = new DriftScenario(1, 6, 6, true, 0).ratings();
        List<LengthBias> rows = new JudgeBias(context(lengthRewarded)).run(lengthRewarded).length();
        // One row per judge version, in the order the versions first rated: the upgrade alone rewards length
        assertThat(rows).extracting(LengthBias::version).containsExactly("judge-v1", "judge-v2");
        assertThat(rows.get(0).judgeExcessVsLength().estimate()).as("%s", rows.get(0)).isBetween(-0.15, 0.15);
        assertThat(rows.get(1).judgeExcessVsLength().interval().low()).as("%s", rows.get(1)).isGreaterThan(0.4);
        List<Rating> unbiased = new DriftScenario(1, 6, 7, false, 0).ratings();
        JudgeBiasReport fair = new JudgeBias(context(unbiased)).run(unbiased);
        assertThat(fair.length().get(0).judgeExcessVsLength().estimate()).isBetween(-0.1, 0.1);
    }

    /**
     * One anchor and one system item per week, one judge and one human:
     * week 1: anchor J 5, H 5; system J 4, H 4 -> composite 4.
     * week 2: anchor J 6, H 5; system J 7, H 5 -> composite 6, change 2.
     * judges = 1/2 * (6 - 5) = 0.5; humans = 1/2 * 0 = 0; system = 2 - 0.5 = 1.5.
     */
    @Test
    void theHandMadeExampleSplitsExactly() {
        List<Rating> ratings = List.of(
                TestRating.of("a", "j", RaterKind.JUDGE, "interval", 5).week(1).anchor().build(),
                TestRating.of("a", "h", RaterKind.HUMAN, "interval", 5).week(1).anchor().build(),
                TestRating.of("s1", "j", RaterKind.JUDGE, "interval", 4).week(1).build(),
                TestRating.of("s1", "h", RaterKind.HUMAN, "interval", 4).week(1).build(),
                TestRating.of("a", "j", RaterKind.JUDGE, "interval", 6).week(2).anchor().build(),
                TestRating.of("a", "h", RaterKind.HUMAN, "interval", 5).week(2).anchor().build(),
                TestRating.of("s2", "j", RaterKind.JUDGE, "interval", 7).week(2).build(),
                TestRating.of("s2", "h", RaterKind.HUMAN, "interval", 5).week(2).build());
        DriftStep s = step(ratings);
        assertThat(s.compositeFrom()).isEqualTo(4.0);
        assertThat(s.compositeTo()).isEqualTo(6.0);
        assertThat(s.change().estimate()).isEqualTo(2.0);
        assertThat(s.judges().estimate()).isEqualTo(0.5);
        assertThat(s.humans().estimate()).isEqualTo(0.0);
        assertThat(s.system().estimate()).isEqualTo(1.5);
    }

    @Test
    void withoutAnchorsOrOnANominalScaleNothingIsSplitAndTheReportSaysWhy() {
        List<Rating> noAnchors = List.of(
                TestRating.of("s1", "j", RaterKind.JUDGE, "interval", 4).week(1).build(),
                TestRating.of("s2", "j", RaterKind.JUDGE, "interval", 5).week(2).build());
        assertThat(drift(noAnchors).skipped())
                .singleElement().asString().startsWith("no anchor items");
        List<Rating> nominal = List.of(TestRating.of("s1", "j", RaterKind.JUDGE, "nominal", "x").week(1).build());
        assertThat(drift(nominal).skipped())
                .containsExactly("a nominal scale has no mean score to split");
    }
}
