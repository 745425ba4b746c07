package dev.evalgap.raters;

import static dev.evalgap.raters.RaterKind.HUMAN;
import static dev.evalgap.raters.RaterKind.JUDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked agreement figures, the consensus and order rules, slices by version, and reproducibility. */
class RatersAnalysisTest {

    private static final RatersRequest REQUEST = new RatersRequest(300, 0.95, 7);

    /**
     * Three humans and a judge on six pairwise items:
     * <pre>
     * item  h1  h2  h3   majority  judge
     * i1    A   A   B    A         A
     * i2    B   B   B    B         A
     * i3    tie tie A    tie       tie
     * i4    A   B   tie  (none)    B
     * i5    B   B   A    B         B
     * i6    A   A   A    A         garbage (unusable)
     * </pre>
     */
    private static List<Rating> sixItems() {
        String[][] rows = {
            {"i1", "A", "A", "B", "A"}, {"i2", "B", "B", "B", "A"}, {"i3", "tie", "tie", "A", "tie"},
            {"i4", "A", "B", "tie", "B"}, {"i5", "B", "B", "A", "B"}, {"i6", "A", "A", "A", "garbage"}};
        List<Rating> out = new ArrayList<>();
        for (String[] r : rows) {
            for (int h = 1; h <= 3; h++) {
                out.add(TestRating.of(r[0], "h" + h, HUMAN, "pairwise", r[h]).build());
            }
            out.add(TestRating.of(r[0], "judge", JUDGE, "pairwise", r[4]).build());
        }
        return out;
    }

    @Test
    void majorityAgainstTheJudgeWithAndWithoutTies() {
        RatersReport report = new RatersAnalysis(REQUEST).run(sixItems());
        assertThat(report.ratings()).isEqualTo(24);
        assertThat(report.unusable()).isEqualTo(1);
        RaterSummary judge = report.raters().stream().filter(r -> r.rater().equals("judge")).findFirst().orElseThrow();
        assertThat(judge.unusable()).isEqualTo(1);
        assertThat(judge.unusableExamples()).containsExactly("garbage");

        ScaleReport scale = report.scales().get(0);
        ConsensusAgreement vs = scale.judgesVsHumans().get(0);
        assertThat(vs.itemsWithout()).as("i4 has no majority").isEqualTo(1);
        PairAgreement p = vs.agreement();
        assertThat(p.first()).isEqualTo("human consensus");
        assertThat(p.items()).isEqualTo(4);
        assertThat(p.percentAgreement().estimate()).isEqualTo(0.75);
        // p_o = 3/4; marginals consensus A,tie,B = 1,1,2 and judge 2,1,1 of 4: p_e = (2 + 1 + 2)/16 = 5/16;
        // kappa = (3/4 - 5/16) / (11/16) = 7/11
        assertThat(p.kappa().figure().estimate()).isCloseTo(7.0 / 11, within(1e-12));
        assertThat(p.kappa().reading()).isEqualTo("substantial");
        // without ties: i1 (A,A), i2 (B,A), i5 (B,B): p_o = 2/3, p_e = (1*2 + 2*1)/9 = 4/9, kappa = 2/5
        assertThat(p.withoutTies().items()).isEqualTo(3);
        assertThat(p.withoutTies().percentAgreement().estimate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(p.withoutTies().kappa().figure().estimate()).isCloseTo(0.4, within(1e-12));
        assertThat(p.linearKappa()).isNull();
        assertThat(p.spearman()).isNull();

        MultiRaterAgreement humans = scale.multiRater().get(0);
        assertThat(humans.group()).isEqualTo("humans");
        assertThat(humans.items()).isEqualTo(6);
        assertThat(humans.fleissItems()).isEqualTo(6);
        assertThat(humans.fleissRaters()).isEqualTo(3);
        assertThat(scale.multiRater()).extracting(MultiRaterAgreement::group).containsExactly("humans", "all raters");
        assertThat(scale.raterPairs()).hasSize(6);
        assertThat(scale.undated()).isEqualTo(23);
        assertThat(scale.byPeriod()).isEmpty();
    }

    @Test
    void aPairwiseVerdictThatDependsOnTheOrderIsATieAndTheLatestRatingCounts() {
        CategoryCodes codes = CategoryCodes.of(Scale.parse("pairwise"), List.of());
        VerdictTable table = VerdictTable.of(List.of(
                TestRating.of("i1", "j", JUDGE, "pairwise", "A").shown("A").build(),
                TestRating.of("i1", "j", JUDGE, "pairwise", "B").shown("B").build(),
                TestRating.of("i2", "j", JUDGE, "pairwise", "B").shown("A").build(),
                TestRating.of("i2", "j", JUDGE, "pairwise", "B").shown("B").build(),
                TestRating.of("i3", "j", JUDGE, "pairwise", "B").shown("A").week(1).build(),
                TestRating.of("i3", "j", JUDGE, "pairwise", "A").shown("A").week(2).build()), codes, Map.of("j", JUDGE));
        assertThat(table.of("j").get("i1").label()).isEqualTo("tie");
        assertThat(table.of("j").get("i2").label()).isEqualTo("B");
        assertThat(table.of("j").get("i3").label()).as("same order, rated again: the latest counts").isEqualTo("A");
    }

    @Test
    void anOrdinalScaleGetsWeightedKappaAndRankCorrelation() {
        int[] a = {1, 2, 3, 3, 2};
        int[] b = {1, 3, 3, 2, 2};
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            ratings.add(TestRating.of("i" + i, "a", HUMAN, "ordinal:1-3", a[i]).build());
            ratings.add(TestRating.of("i" + i, "b", HUMAN, "ordinal:1-3", b[i]).build());
        }
        ScaleReport scale = new RatersAnalysis(REQUEST).run(ratings).scales().get(0);
        PairAgreement p = scale.raterPairs().get(0);
        assertThat(p.linearKappa()).isNotNull();
        assertThat(p.quadraticKappa()).isNotNull();
        assertThat(p.withoutTies()).isNull();
        // midranks a = 1, 2.5, 4.5, 4.5, 2.5 and b = 1, 4.5, 4.5, 2.5, 2.5 around 3: s_xy = 5, s_xx = s_yy = 9
        assertThat(p.spearman().estimate()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(p.spearman().n()).isEqualTo(5);
        assertThat(p.kendall()).isNotNull();
        assertThat(scale.judgesVsHumans()).isEmpty();
        assertThat(scale.drift().skipped()).isNotEmpty();
    }

    @Test
    void anIntervalScaleHasAlphaButNoKappa() {
        List<Rating> ratings = new ArrayList<>();
        double[][] scores = {{0.1, 0.2}, {0.5, 0.4}, {0.9, 1.0}, {0.3, 0.3}};
        for (int i = 0; i < scores.length; i++) {
            ratings.add(TestRating.of("i" + i, "a", HUMAN, "interval:0-1", scores[i][0]).build());
            ratings.add(TestRating.of("i" + i, "j", JUDGE, "interval:0-1", scores[i][1]).build());
        }
        ScaleReport scale = new RatersAnalysis(REQUEST).run(ratings).scales().get(0);
        PairAgreement p = scale.judgesVsHumans().get(0).agreement();
        assertThat(p.kappa()).isNull();
        assertThat(p.percentAgreement()).isNull();
        assertThat(p.alpha().figure().estimate()).isGreaterThan(0.9);
        assertThat(scale.categories()).isEmpty();
    }

    @Test
    void ratingsOnDifferentScalesAreNeverCompared() {
        List<Rating> ratings = new ArrayList<>(sixItems());
        ratings.add(TestRating.of("i1", "h1", HUMAN, "binary", 1).build());
        RatersReport report = new RatersAnalysis(REQUEST).run(ratings);
        assertThat(report.scales()).extracting(ScaleReport::scale).containsExactly("binary", "pairwise");
        assertThat(report.scales().get(0).raterPairs()).isEmpty();
    }

    @Test
    void versionsAndPeriodsAreSlicesAndAVersionChangeIsReported() {
        List<Rating> ratings = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            for (int i = 0; i < 20; i++) {
                String truth = i % 3 == 0 ? "B" : "A";
                String judged = week == 2 && i % 2 == 0 ? "tie" : truth;
                ratings.add(TestRating.of("w" + week + "-" + i, "h1", HUMAN, "pairwise", truth).week(week).build());
                ratings.add(TestRating.of("w" + week + "-" + i, "h2", HUMAN, "pairwise", truth).week(week).build());
                ratings.add(TestRating.of("w" + week + "-" + i, "j", JUDGE, "pairwise", judged).week(week)
                        .version(week == 1 ? "gpt-4-0613/v1" : "gpt-4-latest/v1").build());
            }
        }
        RatersReport report = new RatersAnalysis(REQUEST).run(ratings);
        ScaleReport scale = report.scales().get(0);
        assertThat(scale.byPeriod()).extracting(ScopedFigures::value).containsExactly("2026-W01", "2026-W02");
        assertThat(scale.byPeriod().get(0).judgesVsHumans().get(0).agreement().kappa().figure().estimate())
                .isEqualTo(1.0);
        assertThat(scale.byVersion()).extracting(ScopedFigures::scope, ScopedFigures::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("judge version", "gpt-4-0613/v1"),
                org.assertj.core.groups.Tuple.tuple("judge version", "gpt-4-latest/v1"));
        assertThat(scale.byVersion().get(0).items()).as("all human items, the version's judge items").isEqualTo(40);
        assertThat(scale.changes()).contains("rater j changed version: gpt-4-0613/v1 (2026-W01) then gpt-4-latest/v1 "
                + "(2026-W02)");
        assertThat(scale.changes()).anyMatch(c -> c.startsWith("2026-W01 -> 2026-W02: judge j's agreement"));
        assertThat(report.notes()).anyMatch(n -> n.startsWith("judge j is versioned as 'gpt-4-latest/v1'"));
    }

    @Test
    void periodsAndVersionsOfAnOrderedScaleGetRankCorrelations() {
        // week 1, judge v1: human 1..5, judge 2 1 4 3 5; week 2, judge v2: the judge reverses the order
        int[] human = {1, 2, 3, 4, 5};
        int[][] judge = {{2, 1, 4, 3, 5}, {5, 4, 3, 2, 1}};
        List<Rating> ratings = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            for (int i = 0; i < human.length; i++) {
                String item = "w" + week + "-" + i;
                ratings.add(TestRating.of(item, "h", HUMAN, "ordinal:1-5", human[i]).week(week).build());
                ratings.add(TestRating.of(item, "j", JUDGE, "ordinal:1-5", judge[week - 1][i]).week(week)
                        .version("v" + week).build());
            }
        }
        ScaleReport scale = new RatersAnalysis(REQUEST).run(ratings).scales().get(0);
        PairAgreement week1 = scale.byPeriod().get(0).judgesVsHumans().get(0).agreement();
        PairAgreement week2 = scale.byPeriod().get(1).judgesVsHumans().get(0).agreement();
        // week 1: d = (-1, 1, -1, 1, 0), rho = 1 - 6 * 4 / (5 * 24) = 0.8; pairs (1,2) and (3,4) of 10
        // discordant, tau = (8 - 2) / 10 = 0.6
        assertThat(week1.spearman().estimate()).isCloseTo(0.8, within(1e-12));
        assertThat(week1.kendall().estimate()).isCloseTo(0.6, within(1e-12));
        assertThat(week1.spearman().n()).isEqualTo(5);
        assertThat(week1.kendall().interval()).isNotNull();
        assertThat(week2.spearman().estimate()).isEqualTo(-1.0);
        assertThat(week2.kendall().estimate()).isEqualTo(-1.0);
        // judge version v1: all human items, v1's judge items: the pairs of week 1
        ScopedFigures v1 = scale.byVersion().get(0);
        assertThat(v1.value()).isEqualTo("v1");
        assertThat(v1.judgesVsHumans().get(0).agreement().kendall().estimate()).isCloseTo(0.6, within(1e-12));
        assertThat(v1.judgesVsHumans().get(0).agreement().kendall().n()).isEqualTo(5);
    }

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedOtherIntervals() {
        RatersReport a = new RatersAnalysis(REQUEST).run(sixItems());
        assertThat(new RatersAnalysis(REQUEST).run(sixItems())).isEqualTo(a);
        RatersReport b = new RatersAnalysis(new RatersRequest(300, 0.95, 8)).run(sixItems());
        PairAgreement pa = a.scales().get(0).raterPairs().get(0);
        PairAgreement pb = b.scales().get(0).raterPairs().get(0);
        assertThat(pb.kappa().figure().estimate()).isEqualTo(pa.kappa().figure().estimate());
        assertThat(pb.kappa().figure().seed()).isNotEqualTo(pa.kappa().figure().seed());
    }
}
