package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on embedded defaults: the demo with the built-in model. The eval set is a sample of
 * week 1, so week 1 must be indistinguishable from it; by week 12 a new feature and a policy change
 * make up about a third of the traffic, so the gap must be clearly larger. And r8 breaks the delivery
 * requests that a carrier-delay wave has made nearly 40% of week 12's traffic, so on week 12's topic mix
 * the production-weighted score falls while the raw score still rises.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void gapRisesClearlyFromTheFirstToTheLastWeek() throws Exception {
        Cli demo = Cli.run("demo", dir.resolve("ws").toString(), "--json");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(demo.out());
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        JsonNode last = results.get(1);
        assertThat(first.get("window").asText()).isEqualTo("2026-W36");
        assertThat(last.get("window").asText()).isEqualTo("2026-W47");
        assertThat(first.get("embedder").asText()).isEqualTo("minilm-l6-v2-q");
        assertThat(first.get("evalSample").asInt()).isEqualTo(300);
        assertThat(last.get("productionSample").asInt()).isEqualTo(2000);

        JsonNode w1 = first.get("figures").get("c2st");
        JsonNode w12 = last.get("figures").get("c2st");
        assertThat(w1.get("gapInterval").get("low").asDouble()).as("week 1 interval contains 0").isZero();
        assertThat(w12.get("gapScore").asDouble()).isGreaterThan(0.25);
        assertThat(w12.get("gapInterval").get("low").asDouble())
                .as("week 12 lies above week 1's whole interval")
                .isGreaterThan(w1.get("gapScore").asDouble());
        assertThat(w12.get("pValue").asDouble()).isLessThan(0.01);

        // the topic map of week 12 puts the new feature and the new refund policy on top
        JsonNode topics = last.get("figures").get("topics").get("topics");
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            top.append(topics.get(i).get("keywords")).append(' ');
            assertThat(topics.get(i).get("evalShare").asDouble()).isLessThan(topics.get(i).get("productionShare").asDouble());
        }
        assertThat(top.toString()).contains("reorder").containsAnyOf("restocking", "store credit");
        assertThat(w12.get("gapScore").asDouble()).isGreaterThan(0.2);
        // the demo's traffic carries segments and order-value weights: both are used
        JsonNode segments = last.get("figures").get("segments");
        assertThat(segments).hasSize(3);
        int segmentItems = 0;
        for (JsonNode s : segments) {
            segmentItems += s.get("productionItems").asInt();
            assertThat(s.get("c2st").get("gapInterval").get("low").asDouble()).as("every segment shows the gap").isPositive();
        }
        assertThat(segmentItems).isEqualTo(2000);
        assertThat(last.get("figures").get("topics").get("weighted").asBoolean()).isTrue();
        assertThat(last.get("figures").get("mmd").get("pValue").asDouble()).isLessThan(0.01);
        assertThat(first.get("figures").get("mmd").get("pValue").asDouble()).isGreaterThan(0.0);
        assertThat(last.get("verdict").asText()).contains("top under-covered").contains("reorder");

        productionWeightedScoreFallsWhileTheRawScoreRises(dir.resolve("ws").toString());

        String report = java.nio.file.Files.readString(dir.resolve("ws").resolve(DemoCommand.REPORT));
        assertThat(report).as("the demo writes its report").contains("id=\"evalgap-data\"").contains("2026-W47");

        Cli again = Cli.run("demo", dir.resolve("ws").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("(0 new)").contains("2026-W36").contains("2026-W47");

        String ws = dir.resolve("ws").toString();
        Cli gate = Cli.run("gap", "-w", ws, "--set", "support", "--seed", "20260831", "--fail-on", "max_gap_score=0.2");
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).containsPattern("FAIL: gap score 0\\.\\d").contains("fails when > 0.200");
        assertThat(Cli.run("gap", "-w", ws, "--set", "support", "--window", "2026-W36", "--seed", "20260831",
                "--fail-on", "max_gap_score=0.2,max_no_case_share=0.1").exitCode()).isZero();
        // the same keys as evalgap.yaml; a threshold that is not on the gap figures is a usage error naming them
        Cli notGap = Cli.run("gap", "-w", ws, "--set", "support", "--fail-on", "max_overfit_index=0.05");
        assertThat(notGap.exitCode()).isEqualTo(2);
        assertThat(notGap.err()).contains("max_overfit_index is not a gap figure")
                .contains("max_gap_score, min_relative_coverage, max_uncovered_share, max_no_case_share");
        Cli unknown = Cli.run("gap", "-w", ws, "--set", "support", "--fail-on", "gap=0.2");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown threshold 'gap'; gap thresholds: max_gap_score");
    }

    /**
     * On the demo (seed 20260831, week 12's stored topic map, k = 30): weighted r7 0.841 → r8 0.776, paired
     * weighted change −0.065 [−0.097, −0.035] over 300 cases, raw +0.030; raw r1 0.62 → r8 0.86.
     */
    private static void productionWeightedScoreFallsWhileTheRawScoreRises(String ws) throws Exception {
        Cli trend = Cli.run("trend", "-w", ws, "--json");
        assertThat(trend.exitCode()).as(trend.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(trend.out());
        JsonNode releases = json.get("releases");
        assertThat(releases.get(0).get("offline").get("mean").asDouble()).isCloseTo(0.62, within(0.0005));
        assertThat(releases.get(7).get("offline").get("mean").asDouble()).isCloseTo(0.86, within(0.0005));

        JsonNode weighted = json.get("productionWeighted");
        assertThat(weighted.get("window").asText()).isEqualTo("2026-W47");
        JsonNode byRelease = weighted.get("releases");
        double r7 = byRelease.get(6).get("weighted").asDouble();
        double r8 = byRelease.get(7).get("weighted").asDouble();
        assertThat(r8).as("weighted r8 below r7 (%.3f)", r7).isLessThan(r7);
        assertThat(r8).as("weighted r8 below raw r8").isLessThan(byRelease.get(7).get("unweighted").asDouble());

        JsonNode fall = weighted.get("fall");
        assertThat(fall.get("toRelease").asText()).isEqualTo("r8");
        assertThat(fall.get("fromRelease").asText()).isEqualTo("r7");
        assertThat(fall.get("pairedCases").asInt()).isEqualTo(300);
        assertThat(fall.get("rawChange").asDouble()).isPositive();
        assertThat(fall.get("weightedChange").asDouble()).isLessThan(-0.03);
        assertThat(fall.get("weightedChangeInterval").get("high").asDouble()).isNegative();
        assertThat(fall.get("detected").asBoolean()).isTrue();
    }

    @Test
    void suggestProposesCasesFromTheNewFeatureAndPolicyTopics() throws Exception {
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("demo", ws).exitCode()).isZero();
        Path out = dir.resolve("candidates.jsonl");
        Cli suggest = Cli.run("suggest", "-w", ws, "--set", "support", "--out", out.toString(), "--n", "30",
                "--retire-out", dir.resolve("retire.jsonl").toString());
        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize(30);
        ObjectMapper json = new ObjectMapper();
        int fromNewTopics = 0;
        for (String line : lines) {
            JsonNode c = json.readTree(line);
            assertThat(c.get("origin").asText()).isEqualTo("production-sample");
            assertThat(c.get("source_ref").asText()).startsWith("traffic:ix-");
            assertThat(c.get("window").asText()).isEqualTo("2026-W47");
            String text = c.get("input").asText().toLowerCase(java.util.Locale.ROOT);
            if (text.matches("(?s).*(reo+r?d|re-?order|restock|store credit|refund|return|policy"
                    + "|deliver|package|parcel|arrived|\\beta\\b).*")) {
                fromNewTopics++;
            }
        }
        assertThat(fromNewTopics).as("candidates about the feature, the policy change or the delivery wave").isGreaterThanOrEqualTo(20);
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("retire.jsonl"))).isNotEmpty();

        Cli back = Cli.run("ingest", "cases", "-w", ws, "--set", "candidates", out.toString());
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("30 records: 30 added");
    }
}
