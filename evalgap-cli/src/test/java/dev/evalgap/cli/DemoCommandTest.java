package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on embedded defaults: the demo with the built-in model. The eval set is a sample of
 * week 1, so week 1 must be indistinguishable from it; by week 12 a new feature and a policy change
 * make up about a third of the traffic, so the gap must be clearly larger.
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

        Cli again = Cli.run("demo", dir.resolve("ws").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("(0 new)").contains("2026-W36").contains("2026-W47");
    }
}
