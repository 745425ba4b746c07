package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalgap ingest ratings} and {@code evalgap raters} on a generated pairwise workspace: two weeks,
 * two humans and a judge that shows both orders; in week 2 the judge is upgraded to one that prefers the
 * output shown first.
 */
class RatersCommandTest {

    @TempDir
    Path dir;

    private Path ratings() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        List<String> lines = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            String ts = week == 1 ? "2026-11-10T12:00:00Z" : "2026-11-17T12:00:00Z";
            for (int i = 0; i < 60; i++) {
                String item = (i < 10 ? "anchor-" : "w" + week + "-") + i;
                String truth = rng.nextDouble() < 0.15 ? "tie" : rng.nextBoolean() ? "A" : "B";
                String common = String.format(Locale.ROOT, "\"item_id\": \"%s\", \"scale\": \"pairwise\", \"ts\": \"%s\", "
                        + "\"anchor\": %b, \"output_len\": %d, \"output_len_b\": %d", item, ts, i < 10,
                        100 + rng.nextInt(300), 100 + rng.nextInt(300));
                for (String h : List.of("ann", "bob")) {
                    String v = rng.nextDouble() < 0.9 ? truth : "tie";
                    lines.add("{" + common + ", \"rater\": \"" + h + "\", \"rater_kind\": \"human\", \"score\": \"" + v
                            + "\"}");
                }
                for (String first : List.of("A", "B")) {
                    String v = week == 2 ? first : truth;
                    lines.add("{" + common + ", \"rater\": \"judge\", \"rater_kind\": \"judge\", \"rater_version\": \""
                            + (week == 1 ? "judge-v1" : "judge-v2") + "\", \"shown_first\": \"" + first
                            + "\", \"score\": \"" + v + "\"}");
                }
            }
        }
        lines.add("{\"item_id\": \"w2-1\", \"scale\": \"pairwise\", \"rater\": \"judge\", \"rater_kind\": \"judge\", "
                + "\"score\": \"As an AI language model\"}");
        return Files.write(dir.resolve("ratings.jsonl"), lines);
    }

    @Test
    void ingestThenTableAndJson() throws Exception {
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();
        Path file = ratings();
        Cli ingest = Cli.run("ingest", "ratings", "-w", ws, file.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("481 records: 481 added")
                .contains("1 rating(s) with a score not readable on its scale: kept and counted as unusable");
        assertThat(Cli.run("ingest", "ratings", "-w", ws, file.toString()).out()).contains("481 already present");

        Cli table = Cli.run("raters", "-w", ws, "--bootstrap", "100", "--seed", "2");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("raters: 481 ratings (480 usable, 1 unusable) by 3 raters; 95% intervals (item bootstrap "
                        + "B = 100, seed 2)")
                .contains("\"As an AI language model\"")
                .contains("scale pairwise (categories A, tie, B)")
                .contains("human consensus vs each judge (2 humans; majority")
                .contains("rater pairs").contains("by period").contains("2026-W46").contains("2026-W47")
                .contains("by version").contains("judge-v2")
                .contains("rater judge changed version: judge-v1 (2026-W46) then judge-v2 (2026-W47)")
                .contains("drift attribution on the anchor set").contains("2026-W46 -> 2026-W47")
                .contains("position  judge").contains("labeler homogenization");

        Cli json = Cli.run("raters", "-w", ws, "--json", "--bootstrap", "100");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("seed").asLong()).as("evalgap.yaml's seed").isEqualTo(42);
        assertThat(r.get("unusable").asInt()).isEqualTo(1);
        JsonNode scale = r.get("scales").get(0);
        JsonNode position = scale.get("judgeBias").get("position").get(0);
        assertThat(position.get("itemsBothOrders").asInt()).isEqualTo(110);
        // week 2 (50 new items, 10 anchors re-rated) always picks the first shown: every decisive verdict there
        assertThat(position.get("firstShownWins").get("estimate").asDouble()).isGreaterThan(0.7);
        assertThat(scale.get("byPeriod")).hasSize(2);
        assertThat(scale.get("drift").get("steps")).hasSize(1);
    }

    @Test
    void anEmptyWorkspaceSaysHowToIngestAndABadOptionExitsTwo() {
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();
        Cli empty = Cli.run("raters", "-w", ws);
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("raters: 0 ratings").contains("note: no ratings: ingest them with "
                + "`evalgap ingest ratings FILE`");
        assertThat(Cli.run("raters", "-w", ws, "--bootstrap", "0").exitCode()).isEqualTo(2);
        Cli unknown = Cli.run("ingest", "scores", "-w", ws, "x.jsonl");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("valid: traffic, cases, runs, kpis, ratings");
    }
}
