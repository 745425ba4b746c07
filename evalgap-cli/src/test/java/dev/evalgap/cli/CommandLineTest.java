package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void initCreatesAWorkspaceAndKeepsAnExistingConfig() throws IOException {
        Path ws = dir.resolve("ws");
        Cli first = Cli.run("init", ws.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("created workspace");
        assertThat(ws.resolve("evalgap.yaml")).content().contains("window: iso-week");
        assertThat(ws.resolve("evalgap.duckdb")).exists();

        Files.writeString(ws.resolve("evalgap.yaml"), "seed: 7\n");
        Cli again = Cli.run("init", ws.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("kept its evalgap.yaml");
        assertThat(ws.resolve("evalgap.yaml")).hasContent("seed: 7");
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndEveryOtherArgumentListsThemAll() {
        String[] all = {"init", "ingest", "gap", "suggest", "demo", "trend", "seal", "check", "report", "serve",
                "raters", "help"};
        assertThat(EvalgapCommand.commandLine("gap", "--vectors", "a.npy", "b.npy").getSubcommands())
                .containsOnlyKeys("gap");
        assertThat(EvalgapCommand.commandLine("--version").getSubcommands()).containsOnlyKeys(all);
        assertThat(EvalgapCommand.commandLine().getSubcommands().keySet()).containsExactly(all);

        assertThat(Cli.ok("--help")).contains("Commands:").contains("  gap ").contains("  raters ");
        assertThat(Cli.ok("gap", "--help")).startsWith("Usage: evalgap gap ");
        assertThat(Cli.ok("help", "trend")).startsWith("Usage: evalgap trend ");
        Cli typo = Cli.run("gpa");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'gpa'").contains("gap");
    }

    @Test
    void aMissingWorkspaceIsAClearUsageError() {
        Cli r = Cli.run("gap", "--workspace", dir.resolve("none").toString(), "--set", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("evalgap: no evalgap workspace at ").contains("evalgap init");
    }

    @Test
    void aConfigTypoIsReportedWithItsLine() throws IOException {
        Path ws = dir.resolve("ws");
        Cli.run("init", ws.toString());
        Files.writeString(ws.resolve("evalgap.yaml"), "seed: 3\nwindwo: day\n");
        Cli r = Cli.run("gap", "--workspace", ws.toString(), "--set", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("evalgap.yaml:2: ").contains("windwo");
    }

    @Test
    void badInputExitsTwoWithFileLineFieldAndWritesNothing() throws IOException {
        Path ws = dir.resolve("ws");
        Cli.run("init", ws.toString());
        Path file = dir.resolve("traffic.csv");
        Files.writeString(file, "created,prompt\n2026-11-16T09:00:00Z,hello\nsoon,bye\n");
        Cli r = Cli.run("ingest", "traffic", "--workspace", ws.toString(), "--field", "ts=created",
                "--field", "text=prompt", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("evalgap: " + file + ":3: field 'ts' (mapped from 'created'): "
                + "not a timestamp (\"soon\")");

        Cli skip = Cli.run("ingest", "traffic", "--workspace", ws.toString(), "--field", "ts=created",
                "--field", "text=prompt", "--on-error", "skip", file.toString());
        assertThat(skip.exitCode()).isZero();
        assertThat(skip.out()).contains("2 records: 1 added").contains("1 rejected record(s) kept");
    }

    @Test
    void ingestThenGapPrintsATableAndJsonWithSampleSizesAndIntervals() throws IOException {
        Path ws = dir.resolve("ws");
        Cli.run("init", ws.toString());
        SplittableRandom rnd = new SplittableRandom(5);
        String[] topics = {"order status", "refund", "password reset", "shipping to canada", "gift card balance"};
        StringBuilder traffic = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String topic = topics[rnd.nextInt(topics.length)];
            traffic.append(String.format("{\"ts\": \"2026-11-%02dT10:00:00Z\", \"text\": \"question %d about %s\"}%n",
                    16 + i % 5, i, topic));
        }
        for (int i = 0; i < 60; i++) {
            cases.append(String.format("{\"case_id\": \"c%d\", \"input\": \"case %d about %s\"}%n", i, i,
                    topics[i % 2]));
        }
        Path t = Files.writeString(dir.resolve("t.jsonl"), traffic);
        Path c = Files.writeString(dir.resolve("c.jsonl"), cases);
        assertThat(Cli.run("ingest", "traffic", "-w", ws.toString(), t.toString()).exitCode()).isZero();
        Cli ingestCases = Cli.run("ingest", "cases", "-w", ws.toString(), "--set", "support", c.toString());
        assertThat(ingestCases.out()).contains("eval set 'support' is now version 1");

        Cli table = Cli.run("gap", "-w", ws.toString(), "--set", "support", "--embedder", "hashing", "--seed", "3");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("2026-W47").contains("eval n").contains("95% CI").contains("seed 3");

        Cli json = Cli.run("gap", "-w", ws.toString(), "--set", "support", "--embedder", "hashing", "--seed", "3",
                "--json");
        JsonNode result = new ObjectMapper().readTree(json.out()).get(0);
        assertThat(result.get("window").asText()).isEqualTo("2026-W47");
        assertThat(result.get("evalSample").asInt()).isEqualTo(60);
        assertThat(result.get("productionSample").asInt()).isEqualTo(340);
        assertThat(result.get("referenceSample").asInt()).isEqualTo(60);
        assertThat(result.get("embedder").asText()).isEqualTo("hashing-512");
        JsonNode c2st = result.get("figures").get("c2st");
        double gap = c2st.get("gapScore").asDouble();
        assertThat(c2st.get("gapInterval").get("low").asDouble()).isLessThanOrEqualTo(gap);
        assertThat(c2st.get("gapInterval").get("high").asDouble()).isGreaterThanOrEqualTo(gap);
        // cases cover two of five topics and are worded differently: clearly distinguishable
        assertThat(gap).isGreaterThan(0.5);
    }
}
