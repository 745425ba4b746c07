package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rater view of the demo workspace ({@code evalgap raters} after {@code evalgap demo}): the demo's ratings
 * carry a silent judge upgrade that the view has to catch.
 */
class DemoRatersTest {

    @TempDir
    Path dir;

    /**
     * The demo's ratings: the LLM judge is upgraded silently in week 9 (2026-W44) to a version that rewards
     * length, while the anchors are fixed outputs. {@code raters} must put the week-8 → week-9 change on the
     * judges, find the judge's length bias, list the version change, and keep the humans in substantial
     * agreement. The hashing embedder keeps the demo fast; the ratings do not depend on it.
     */
    @Test
    void ratersPutTheWeekNineChangeOnTheSilentlyUpgradedJudge() throws Exception {
        String ws = dir.resolve("ws").toString();
        Cli demo = Cli.run("demo", ws, "--embedder", "hashing");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("ratings.jsonl: 3,360 records (3,360 new)");

        Cli raters = Cli.run("raters", "-w", ws, "--json");
        assertThat(raters.exitCode()).as(raters.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(raters.out());
        assertThat(r.get("ratings").asInt()).isEqualTo(3360);
        assertThat(r.get("unusable").asInt()).as("the judge's replies without a score").isEqualTo(3);
        JsonNode judge = only(r.get("raters"), n -> n.get("rater").asText().equals("llm-judge"));
        assertThat(judge.get("unusable").asInt()).isEqualTo(3);
        assertThat(judge.get("unusableExamples").get(0).asText()).startsWith("The response is good");
        assertThat(r.get("scales")).hasSize(1);
        JsonNode scale = r.get("scales").get(0);
        assertThat(scale.get("scale").asText()).isEqualTo("ordinal:1-5");

        JsonNode step = only(scale.get("drift").get("steps"),
                n -> n.get("from").asText().equals("2026-W43") && n.get("to").asText().equals("2026-W44"));
        assertThat(step.get("anchorItems").asInt()).isEqualTo(30);
        assertThat(step.get("attributedTo").asText()).isEqualTo("judges");
        assertThat(step.get("judges").get("interval").get("low").asDouble()).isPositive();
        assertThat(Math.abs(step.get("humans").get("estimate").asDouble()))
                .isLessThan(step.get("judges").get("estimate").asDouble());

        // One length-bias row per judge version: the upgrade rewards length, the version before it did not
        JsonNode lengthRows = scale.get("judgeBias").get("length");
        assertThat(lengthRows).hasSize(2);
        JsonNode before = lengthRows.get(0);
        JsonNode after = lengthRows.get(1);
        assertThat(before.get("judge").asText()).isEqualTo("llm-judge");
        assertThat(before.get("version").asText()).isEqualTo("gpt-4o-2024-08-06/rubric-v3");
        assertThat(after.get("version").asText()).isEqualTo("gpt-4.1-2025-04-14/rubric-v3");
        assertThat(after.get("judgeExcessVsLength").get("interval").get("low").asDouble())
                .as("upgraded judge - human consensus vs output length: rho above 0").isPositive();
        assertThat(before.get("judgeExcessVsLength").get("interval").get("low").asDouble())
                .as("the judge before the upgrade: no length reward shown").isNotPositive();
        assertThat(after.get("judgeExcessVsLength").get("estimate").asDouble())
                .isGreaterThan(before.get("judgeExcessVsLength").get("estimate").asDouble());

        List<String> changes = new ArrayList<>();
        scale.get("changes").forEach(c -> changes.add(c.asText()));
        assertThat(changes).contains("rater llm-judge changed version: gpt-4o-2024-08-06/rubric-v3 "
                + "(2026-W36..2026-W43) then gpt-4.1-2025-04-14/rubric-v3 (2026-W44..2026-W47)");
        assertThat(changes).anySatisfy(c -> assertThat(c)
                .startsWith("2026-W43 -> 2026-W44: the judges' mean score moved").contains("while the humans' did not"));

        List<String> agreeing = List.of("substantial", "almost perfect");
        JsonNode humans = only(scale.get("multiRater"), n -> n.get("group").asText().equals("humans"));
        assertThat(humans.get("alpha").get("reading").asText()).isIn(agreeing);
        assertThat(scale.get("byPeriod")).hasSize(12);
        for (JsonNode period : scale.get("byPeriod")) {
            assertThat(period.get("humans").get("alpha").get("reading").asText())
                    .as("humans' alpha in %s", period.get("value").asText()).isIn(agreeing);
        }
        List<String> slices = new ArrayList<>();
        scale.get("byVersion").forEach(v -> slices.add(v.get("scope").asText() + " " + v.get("value").asText()));
        assertThat(slices).contains("judge version gpt-4.1-2025-04-14/rubric-v3", "human cohort support-qa-2026a",
                "human cohort support-qa-2026b");
    }

    /** The one element of {@code array} that matches. */
    private static JsonNode only(JsonNode array, Predicate<JsonNode> match) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(n -> {
            if (match.test(n)) {
                found.add(n);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
