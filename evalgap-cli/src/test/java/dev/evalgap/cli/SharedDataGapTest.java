package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first session on real public data (../shared/data, see its README): MT-Bench questions as the
 * eval set, ShareGPT conversations (first human turn) as production traffic. MT-Bench's curated
 * multi-category prompts are far from what ShareGPT users typed, so the gap must be clear. Skipped when
 * the shared folder is absent.
 */
@Tag("shared-data")
class SharedDataGapTest {

    @TempDir
    Path dir;

    private static Path shared(String relative) {
        Path p = Path.of(System.getProperty("evalgap.shared", "../../shared"), "data", relative);
        assumeTrue(Files.isRegularFile(p), "shared data absent: " + p);
        return p;
    }

    @Test
    void mtBenchAgainstShareGptTrafficShowsAClearGap() throws Exception {
        Path questions = shared("mt_bench/mt_bench_question.jsonl");
        Path conversations = shared("sharegpt_sample/sharegpt92k_sample_1000.jsonl");
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();

        Cli traffic = Cli.run("ingest", "traffic", "-w", ws, "--field", "messages=conversations",
                "--chat-turn", "first", "--default-ts", "2026-11-18T00:00:00Z", "--on-error", "skip",
                conversations.toString());
        assertThat(traffic.exitCode()).as(traffic.err()).isZero();
        assertThat(traffic.out()).contains("1,000 records: 990 added");

        Cli cases = Cli.run("ingest", "cases", "-w", ws, "--set", "mt-bench", "--field", "case_id=question_id",
                "--field", "input=turns.0", questions.toString());
        assertThat(cases.exitCode()).as(cases.err()).isZero();
        assertThat(cases.out()).contains("80 records: 80 added");

        Cli gap = Cli.run("gap", "-w", ws, "--set", "mt-bench", "--seed", "1", "--json");
        assertThat(gap.exitCode()).as(gap.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(gap.out()).get(0);
        assertThat(result.get("window").asText()).isEqualTo("2026-W47");
        assertThat(result.get("evalSample").asInt()).isEqualTo(80);
        assertThat(result.get("productionSample").asInt()).isEqualTo(910);
        assertThat(result.get("referenceSample").asInt()).isEqualTo(80);
        assertThat(result.get("embedder").asText()).isEqualTo("minilm-l6-v2-q");
        JsonNode c2st = result.get("figures").get("c2st");
        assertThat(c2st.get("gapInterval").get("low").asDouble()).as(gap.out()).isGreaterThan(0.3);
    }
}
