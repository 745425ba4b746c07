package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge-vs-human agreement on real public data (../shared/data, see its README), converted to the ratings
 * format and taken through the real `ingest ratings` and `raters` commands. The expected figures are
 * computed here directly from the source files (a plain confusion-matrix kappa), not by evalgap's code;
 * scikit-learn 1.2.1's {@code cohen_kappa_score} on the same labels gives the values quoted in the
 * comments. Skipped when the shared folder is absent.
 */
@Tag("shared-data")
class SharedDataRatersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HUMAN_VERDICT = Map.of("0", "tie", "1", "A", "2", "B");
    private static final Map<String, String> GPT_VERDICT = Map.of("1", "A", "2", "B", "Tie", "tie");

    @TempDir
    Path dir;

    private static Path shared(String relative) {
        Path p = Path.of(System.getProperty("evalgap.shared", "../../shared"), "data", relative);
        assumeTrue(Files.isRegularFile(p), "shared data absent: " + p);
        return p;
    }

    /**
     * PandaLM testset-v1: 999 response pairs, three annotators (0 tie, 1, 2) and GPT-3.5 ("1", "2", "Tie"
     * and 25 times "garbage"), joined on idx.
     */
    @Test
    void pandaLmHumanMajorityAgainstGpt35() throws IOException {
        JsonNode humans = JSON.readTree(shared("pandalm/testset-v1_human3.json").toFile());
        JsonNode gpt = JSON.readTree(shared("pandalm/gpt-3.5-turbo-testset-v1.json").toFile());
        Map<String, String> judge = new HashMap<>();
        gpt.forEach(g -> judge.put(g.get("idx").asText(), g.get("gpt_result").asText()));
        Path ratings = dir.resolve("pandalm-ratings.jsonl");
        List<String> lines = new ArrayList<>();
        List<String[]> annotators = new ArrayList<>();
        for (JsonNode h : humans) {
            String idx = h.get("idx").asText();
            String[] a = new String[3];
            for (int k = 0; k < 3; k++) {
                a[k] = HUMAN_VERDICT.get(h.get("annotator" + (k + 1)).asText());
                lines.add(rating(idx, "annotator" + (k + 1), "human", "PandaLM annotators", a[k]));
            }
            annotators.add(a);
            String g = judge.get(idx);
            lines.add(rating(idx, "gpt-3.5-turbo", "judge", "gpt-3.5-turbo, PandaLM prompt",
                    GPT_VERDICT.getOrDefault(g, g)));
        }
        Files.write(ratings, lines);

        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();
        Cli ingest = Cli.run("ingest", "ratings", "-w", ws, ratings.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("3,996 records: 3,996 added").contains("25 rating(s) with a score not readable");

        // Expected, directly from the files: majority of three, pairs with a usable GPT verdict
        List<String> majority = new ArrayList<>();
        List<String> gptVerdicts = new ArrayList<>();
        long garbage = 0;
        for (int i = 0; i < humans.size(); i++) {
            String g = judge.get(humans.get(i).get("idx").asText());
            if (!GPT_VERDICT.containsKey(g)) {
                garbage++;
                continue;
            }
            String[] a = annotators.get(i);
            String m = a[0].equals(a[1]) || a[0].equals(a[2]) ? a[0] : a[1].equals(a[2]) ? a[1] : null;
            if (m != null) {
                majority.add(m);
                gptVerdicts.add(GPT_VERDICT.get(g));
            }
        }
        assertThat(garbage).isEqualTo(25);
        assertThat(majority).hasSize(974); // every item has a majority; 999 - 25 garbage

        JsonNode report = raters(ws);
        assertThat(report.get("unusable").asInt()).isEqualTo(25);
        JsonNode gptRow = find(report.get("raters"), "rater", "gpt-3.5-turbo");
        assertThat(gptRow.get("unusable").asInt()).isEqualTo(25);
        assertThat(gptRow.get("unusableExamples").get(0).asText()).isEqualTo("garbage");

        JsonNode scale = report.get("scales").get(0);
        assertThat(scale.get("scale").asText()).isEqualTo("pairwise");
        JsonNode vsJudge = scale.get("judgesVsHumans").get(0);
        assertThat(vsJudge.get("groupRaters").asInt()).isEqualTo(3);
        JsonNode agreement = vsJudge.get("agreement");
        assertThat(agreement.get("items").asInt()).isEqualTo(974);
        // sklearn: 0.715605749486653 and kappa 0.49286471530289244
        assertThat(estimate(agreement.get("percentAgreement"))).isCloseTo(share(majority, gptVerdicts), within(1e-12));
        assertThat(estimate(agreement.get("kappa").get("figure"))).isCloseTo(kappa(majority, gptVerdicts), within(1e-9))
                .isCloseTo(0.49286471530289244, within(1e-9));
        assertThat(agreement.get("kappa").get("reading").asText()).isEqualTo("moderate");
        assertInterval(agreement.get("kappa").get("figure"));
        // without ties: sklearn gives 0.8150765606595995 agreement and kappa 0.6298660727922004 on 849 items
        List<String> dm = new ArrayList<>();
        List<String> dg = new ArrayList<>();
        for (int i = 0; i < majority.size(); i++) {
            if (!majority.get(i).equals("tie") && !gptVerdicts.get(i).equals("tie")) {
                dm.add(majority.get(i));
                dg.add(gptVerdicts.get(i));
            }
        }
        JsonNode decisive = agreement.get("withoutTies");
        assertThat(decisive.get("items").asInt()).isEqualTo(dm.size()).isEqualTo(849);
        assertThat(estimate(decisive.get("kappa").get("figure"))).isCloseTo(kappa(dm, dg), within(1e-9));

        // human-human kappa; sklearn: 1-2 0.8520226785167024, 1-3 0.8789438112500384, 2-3 0.8616614540762907
        double[] sklearn = {0.8520226785167024, 0.8789438112500384, 0.8616614540762907};
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int p = 0; p < pairs.length; p++) {
            int x = pairs[p][0];
            int y = pairs[p][1];
            List<String> ax = annotators.stream().map(a -> a[x]).toList();
            List<String> ay = annotators.stream().map(a -> a[y]).toList();
            JsonNode row = pair(scale, "annotator" + (x + 1), "annotator" + (y + 1));
            assertThat(row.get("items").asInt()).isEqualTo(999);
            assertThat(estimate(row.get("kappa").get("figure"))).isCloseTo(kappa(ax, ay), within(1e-9))
                    .isCloseTo(sklearn[p], within(1e-9));
        }
    }

    /**
     * XSTest v2: completions of GPT-4 and Llama-2 with two human annotations, the final human label and the
     * GPT-4 judge's label (gpteval files); an item is one model's completion of one prompt.
     */
    @Test
    void xsTestAnnotatorsAndGpt4Judge() throws IOException {
        Path ratings = dir.resolve("xstest-ratings.jsonl");
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String model : List.of("gpt4", "llama2orig")) {
            try (Reader in = Files.newBufferedReader(shared("xstest/xstest_v2_completions_" + model + "_gpteval.csv"))) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                    String item = model + "/" + r.get("id");
                    for (String[] rater : new String[][] {{"annotation_1", "human"}, {"annotation_2", "human"},
                            {"final_label", "human"}, {"gpt4_label", "judge"}}) {
                        String label = r.get(rater[0]);
                        labels.computeIfAbsent(rater[0], k -> new ArrayList<>()).add(label);
                        lines.add(JSON.writeValueAsString(JSON.createObjectNode().put("item_id", item)
                                .put("rater", rater[0]).put("rater_kind", rater[1]).put("score", label)
                                .put("scale", "nominal:1_full_compliance|2_full_refusal|3_partial_refusal")));
                    }
                }
            }
        }
        Files.write(ratings, lines);
        String ws = dir.resolve("ws").toString();
        assertThat(Cli.run("init", ws).exitCode()).isZero();
        Cli ingest = Cli.run("ingest", "ratings", "-w", ws, ratings.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("3,600 records: 3,600 added");

        JsonNode scale = raters(ws).get("scales").get(0);
        JsonNode annotators = pair(scale, "annotation_1", "annotation_2");
        assertThat(annotators.get("items").asInt()).isEqualTo(900);
        // sklearn: 0.9530771846310778
        assertThat(estimate(annotators.get("kappa").get("figure")))
                .isCloseTo(kappa(labels.get("annotation_1"), labels.get("annotation_2")), within(1e-9))
                .isCloseTo(0.9530771846310778, within(1e-9));
        JsonNode judge = pair(scale, "final_label", "gpt4_label");
        // sklearn: 0.7297703047590451
        assertThat(estimate(judge.get("kappa").get("figure")))
                .isCloseTo(kappa(labels.get("final_label"), labels.get("gpt4_label")), within(1e-9))
                .isCloseTo(0.7297703047590451, within(1e-9));
        assertThat(estimate(judge.get("percentAgreement")))
                .isCloseTo(share(labels.get("final_label"), labels.get("gpt4_label")), within(1e-12));
        assertInterval(judge.get("kappa").get("figure"));
    }

    private JsonNode raters(String ws) throws IOException {
        Cli raters = Cli.run("raters", "-w", ws, "--json", "--bootstrap", "200", "--seed", "3");
        assertThat(raters.exitCode()).as(raters.err()).isZero();
        return JSON.readTree(raters.out());
    }

    private static String rating(String item, String rater, String kind, String version, String score)
            throws IOException {
        ObjectNode o = JSON.createObjectNode().put("item_id", item).put("rater", rater).put("rater_kind", kind)
                .put("rater_version", version).put("scale", "pairwise").put("score", score);
        return JSON.writeValueAsString(o);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    private static JsonNode pair(JsonNode scale, String first, String second) {
        for (JsonNode p : scale.get("raterPairs")) {
            if (p.get("first").asText().equals(first) && p.get("second").asText().equals(second)) {
                return p;
            }
        }
        throw new AssertionError("no pair " + first + ", " + second);
    }

    private static double estimate(JsonNode figure) {
        return figure.get("estimate").asDouble();
    }

    private static void assertInterval(JsonNode figure) {
        double estimate = estimate(figure);
        JsonNode interval = figure.get("interval");
        assertThat(interval.get("low").asDouble()).isLessThan(estimate);
        assertThat(interval.get("high").asDouble()).isGreaterThan(estimate);
        assertThat(figure.get("resamples").asInt()).isEqualTo(200);
    }

    private static double share(List<String> a, List<String> b) {
        int equal = 0;
        for (int i = 0; i < a.size(); i++) {
            equal += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        return equal / (double) a.size();
    }

    /** Cohen's kappa from the confusion matrix: (p_o - p_e) / (1 - p_e). */
    private static double kappa(List<String> a, List<String> b) {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> cols = new HashMap<>();
        int n = a.size();
        for (int i = 0; i < n; i++) {
            rows.merge(a.get(i), 1, Integer::sum);
            cols.merge(b.get(i), 1, Integer::sum);
        }
        double po = share(a, b);
        double pe = 0;
        for (Map.Entry<String, Integer> e : rows.entrySet()) {
            pe += e.getValue() / (double) n * cols.getOrDefault(e.getKey(), 0) / n;
        }
        return (po - pe) / (1 - pe);
    }
}
