package dev.evalgap.raters;

import static dev.evalgap.raters.RaterKind.HUMAN;
import static dev.evalgap.raters.RaterKind.JUDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Position, length and self-preference figures on constructed pairwise ratings whose bias is known. */
class JudgeBiasTest {

    private static final FigureBootstrap BOOTSTRAP = new FigureBootstrap(300, 0.95, 5);

    private static JudgeBiasReport bias(List<Rating> ratings) {
        Map<String, RaterKind> kinds = new TreeMap<>();
        ratings.forEach(r -> kinds.putIfAbsent(r.rater(), r.raterKind()));
        return new JudgeBias(ScaleContext.of(ratings, kinds, BOOTSTRAP)).run(ratings);
    }

    /**
     * 40 items, each shown in both orders to two judges: one always picks the output shown first, the other
     * the better output (A on even items, B on odd ones) whatever the order.
     */
    @Test
    void aJudgeThatPicksTheFirstShownFlipsEveryVerdictAndWinsAlwaysFirst() {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String better = i % 2 == 0 ? "A" : "B";
            for (String first : List.of("A", "B")) {
                ratings.add(TestRating.of("i" + i, "first-lover", JUDGE, "pairwise", first).shown(first).build());
                ratings.add(TestRating.of("i" + i, "fair", JUDGE, "pairwise", better).shown(first).build());
            }
            ratings.add(TestRating.of("i" + i, "human", HUMAN, "pairwise", better).build());
        }
        JudgeBiasReport report = bias(ratings);
        PositionBias biased = report.position().stream().filter(p -> p.judge().equals("first-lover")).findFirst()
                .orElseThrow();
        assertThat(biased.itemsBothOrders()).isEqualTo(40);
        assertThat(biased.verdictChanges().estimate()).isEqualTo(1.0);
        assertThat(biased.reversals()).isEqualTo(40);
        assertThat(biased.decisiveRatings()).isEqualTo(80);
        assertThat(biased.firstShownWins().estimate()).isEqualTo(1.0);
        PositionBias fair = report.position().stream().filter(p -> p.judge().equals("fair")).findFirst().orElseThrow();
        assertThat(fair.verdictChanges().estimate()).isEqualTo(0.0);
        assertThat(fair.reversals()).isZero();
        // each item's winner is shown first in exactly one of its two orders
        assertThat(fair.firstShownWins().estimate()).isEqualTo(0.5);
    }

    /**
     * 300 items comparing a "gpt" and a "llama" output (sides and lengths drawn at random); humans prefer
     * each half the time, independently of length. The judge "gpt-4o-judge" picks the gpt output on 80% of
     * the items and otherwise the longer one.
     */
    @Test
    void selfPreferenceAndLengthAreMeasuredAgainstTheHumansOnTheSameItems() {
        SplittableRandom rng = new SplittableRandom(42);
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean gptIsA = rng.nextBoolean();
            long lenA = 100 + rng.nextInt(400);
            long lenB = lenA + 1 + rng.nextInt(300) * (rng.nextBoolean() ? 1 : -1) / 3;
            String human = rng.nextBoolean() ? "A" : "B";
            String gptSide = gptIsA ? "A" : "B";
            String longer = lenA > lenB ? "A" : "B";
            String judge = rng.nextDouble() < 0.8 ? gptSide : longer;
            TestRating h = TestRating.of("i" + i, "ann", HUMAN, "pairwise", human);
            TestRating j = TestRating.of("i" + i, "gpt-4o-judge", JUDGE, "pairwise", judge).version("gpt-4o/v2");
            String familyA = gptIsA ? "GPT" : "llama";
            String familyB = gptIsA ? "llama" : "GPT";
            ratings.add(h.outputs(lenA, familyA, lenB, familyB).build());
            ratings.add(j.outputs(lenA, familyA, lenB, familyB).build());
        }
        JudgeBiasReport report = bias(ratings);
        SelfPreference gpt = report.selfPreference().stream().filter(s -> s.family().equalsIgnoreCase("gpt"))
                .findFirst().orElseThrow();
        assertThat(gpt.ownFamily()).as("'gpt' is in the judge's id").isTrue();
        assertThat(gpt.items()).isEqualTo(300);
        assertThat(gpt.judgeScore().estimate()).isGreaterThan(0.8);
        assertThat(gpt.humanScore().estimate()).isBetween(0.4, 0.6);
        assertThat(gpt.difference().estimate())
                .isCloseTo(gpt.judgeScore().estimate() - gpt.humanScore().estimate(), within(1e-12));
        assertThat(gpt.difference().interval().low()).isGreaterThan(0.2);
        SelfPreference llama = report.selfPreference().stream().filter(s -> s.family().equals("llama")).findFirst()
                .orElseThrow();
        assertThat(llama.ownFamily()).isFalse();
        assertThat(llama.difference().estimate()).isCloseTo(-gpt.difference().estimate(), within(1e-12));

        LengthBias length = report.length().get(0);
        assertThat(length.judgeScoreVsLength()).isNull();
        assertThat(length.judgePicksLonger().estimate()).isGreaterThan(length.humansPickLonger().estimate());
        assertThat(length.humansPickLonger().interval().contains(0.5)).isTrue();
        assertThat(report.position()).isEmpty();
        assertThat(report.notes()).contains("no shown_first on judge ratings: position bias not computed");
    }

    @Test
    void aNominalScaleHasNoLengthOrSelfPreferenceFigures() {
        JudgeBiasReport report = bias(List.of(TestRating.of("i", "j", JUDGE, "nominal", "x").output(10, "a").build()));
        assertThat(report.length()).isEmpty();
        assertThat(report.selfPreference()).isEmpty();
        assertThat(report.notes()).anyMatch(n -> n.contains("nominal scale has none"));
    }
}
