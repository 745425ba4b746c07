package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalgap trend} on the demo workspace (gap results of weeks 1 and 12, fast hashing embedder), and the
 * production-weighted fall flag on a hand-made workspace.
 */
class TrendCommandTest {

    @TempDir
    Path dir;

    @Test
    void tableJsonAndExitCodes() throws Exception {
        String ws = dir.resolve("ws").toString();
        Cli demo = Cli.run("demo", ws, "--embedder", "hashing");
        assertThat(demo.exitCode()).as(demo.err()).isZero();

        Cli table = Cli.run("trend", "-w", ws, "--set", "support", "--seed", "5");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("trend: eval set 'support' v1 (300 cases); 8 releases, 12 windows; 95% intervals")
                .contains("by window").contains("by release (in order of first traffic)")
                .contains("offline <-> online agreement across releases")
                .contains("ALERT thumbs_up_rate (all, 8 releases r1..r8): Spearman rho -")
                .contains("INVERTED")
                .contains("production-weighted offline score (topic shares of 2026-W47)")
                .contains("FLAG  2026-W36 -> 2026-W47 (r1 -> r8)");
        // every offline figure carries its interval and its number of cases
        assertThat(table.out()).containsPattern("r8 +2026-W47 +0\\.860 \\[0\\.8\\d\\d, 0\\.8\\d\\d\\] \\(300\\)");

        Cli json = Cli.run("trend", "-w", ws, "--json", "--seed", "5", "--last", "4", "--no-weighting");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("setName").asText()).isEqualTo("support");
        assertThat(r.get("releases")).hasSize(8);
        assertThat(r.get("windows").get(0).get("gap").get("gapScore").isNumber()).isTrue();
        assertThat(r.get("windows").get(1).get("gap").isNull()).isTrue();
        assertThat(r.get("agreement").get("lastReleases").asInt()).isEqualTo(4);
        assertThat(r.get("agreement").get("recent").get(0).get("releases")).hasSize(4);
        assertThat(r.get("productionWeighted").get("skipped").asText()).isEqualTo("not requested");

        assertThat(Cli.run("trend", "-w", ws, "--fail-on-alert", "--no-weighting").exitCode()).isEqualTo(1);
        Cli badDirection = Cli.run("trend", "-w", ws, "--kpi-direction", "nps=sideways");
        assertThat(badDirection.exitCode()).isEqualTo(2);
        assertThat(badDirection.err()).contains("--kpi-direction 'nps=sideways': direction must be higher or lower");
        Cli badLast = Cli.run("trend", "-w", ws, "--last", "2");
        assertThat(badLast.exitCode()).isEqualTo(2);
        assertThat(badLast.err()).contains("N >= 3");
        assertThat(Cli.run("trend", "-w", ws, "--set", "nope").err()).contains("no eval set 'nope'");
    }

    /**
     * Two kinds of request that share no words: Auto-Reorder billing (80 production records, 4 cases) and
     * "what can you do" (20 records, 16 cases), so the two topics of a k = 2 map are the two kinds. The gap
     * scores 80 of the 100 records (the other 20 are its coverage reference): 64 billing, 16 other, the
     * traffic's 80% / 20%. Release r1 scores the billing cases 0.9 and the others 0.5, r2 scores all 0.7:
     * weighted r1 = 0.8 * 0.9 + 0.2 * 0.5 = 0.82, r2 = 0.70 (change -0.12; every case of a topic changes alike,
     * so its interval is [-0.12, -0.12]); raw r1 = (4 * 0.9 + 16 * 0.5) / 20 = 0.58, r2 = 0.70 (+0.12).
     */
    @Test
    void aWeightedFallUnderARawRiseIsFlagged() throws Exception {
        List<String> billing = List.of("coffee pods", "dog food", "paper towels", "vitamins", "diapers");
        List<String> bot = List.of("real", "smart", "human", "friendly", "helpful");
        List<String> traffic = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String text = i < 80
                    ? "my auto reorder for " + billing.get(i % 5) + " charged my card twice, order " + (1000 + i)
                    : "hi what can you do for me, are you a " + bot.get(i % 5) + " bot, number " + i;
            traffic.add(String.format("{\"id\":\"t%d\",\"ts\":\"2026-11-18T%02d:%02d:00Z\",\"text\":\"%s\"}", i,
                    i / 60, i % 60, text));
        }
        List<String> cases = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean billingCase = i < 4;
            String id = (billingCase ? "a" : "b") + i;
            cases.add(String.format("{\"case_id\":\"%s\",\"input\":\"%s\"}", id, billingCase
                    ? "my auto reorder for " + billing.get(i) + " charged my card twice, case " + i
                    : "hi what can you do for me, are you a " + bot.get(i % 5) + " bot, case " + i));
            runs.add(String.format("{\"release\":\"r1\",\"case_id\":\"%s\",\"score\":%s}", id,
                    billingCase ? "0.9" : "0.5"));
            runs.add(String.format("{\"release\":\"r2\",\"case_id\":\"%s\",\"score\":0.7}", id));
        }
        Files.write(dir.resolve("traffic.jsonl"), traffic);
        Files.write(dir.resolve("cases.jsonl"), cases);
        Files.write(dir.resolve("runs.jsonl"), runs);
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();
        assertThat(Cli.run("ingest", "traffic", "-w", ws, dir.resolve("traffic.jsonl").toString()).exitCode()).isZero();
        assertThat(Cli.run("ingest", "cases", "-w", ws, "--set", "s", dir.resolve("cases.jsonl").toString()).exitCode())
                .isZero();
        assertThat(Cli.run("ingest", "runs", "-w", ws, dir.resolve("runs.jsonl").toString()).exitCode()).isZero();
        Cli gap = Cli.run("gap", "-w", ws, "--set", "s", "--embedder", "hashing", "--topics", "2");
        assertThat(gap.exitCode()).as(gap.err()).isZero();

        Cli table = Cli.run("trend", "-w", ws, "--set", "s");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("r1 +0\\.820 \\[0\\.820, 0\\.820\\] +0\\.580 +20")
                .containsPattern("r2 +0\\.700 \\[0\\.700, 0\\.700\\] +0\\.700 +20")
                .contains("FLAG  r1 -> r2: the production-weighted score (topic shares of 2026-W47) fell -0.120 "
                        + "[-0.120, -0.120] while the raw score rose +0.120 [");
        JsonNode fall = new ObjectMapper().readTree(Cli.run("trend", "-w", ws, "--set", "s", "--json").out())
                .get("productionWeighted").get("fall");
        assertThat(fall.get("fromRelease").asText()).isEqualTo("r1");
        assertThat(fall.get("pairedCases").asInt()).isEqualTo(20);
        assertThat(fall.get("detected").asBoolean()).isTrue();
    }
}
