package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code evalgap seal}, the concept-shift exclusion in {@code trend} and {@code evalgap check} on the
 * demo workspace (fast {@code hashing} embedder). The demo runs once; every test works on its own copy.
 */
class SealCheckCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** All seven thresholds, and the refund policy's current version (the demo's refund cases cite v2). */
    static final String CONFIG = """
            version: 1
            embedding:
              model: hashing
            thresholds:
              max_gap_score: 0.3
              min_relative_coverage: 0.8
              max_uncovered_share: 0.1
              max_no_case_share: 0.1
              min_offline_online_correlation: 0.0
              max_overfit_index: 0.05
              max_expired_case_share: 0.2
            policies:
              refund: v3
            """;

    @TempDir
    static Path shared;

    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void demo() throws IOException {
        demo = shared.resolve("demo");
        Cli run = Cli.run("demo", demo.toString(), "--embedder", "hashing");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.writeString(demo.resolve("evalgap.yaml"), CONFIG);
    }

    /** A private copy of the demo workspace. */
    private Path workspace() throws IOException {
        Path ws = dir.resolve("ws");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path p : files.toList()) {
                Path target = ws.resolve(demo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return ws;
    }

    private static List<JsonNode> cases(Path ws) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(ws.resolve("data/cases.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void outdatedRefundCasesAreExcludedAndListed() throws IOException {
        Path ws = workspace();
        List<String> v2 = cases(ws).stream().filter(c -> "policy:refund@v2".equals(c.path("source_ref").asText()))
                .map(c -> c.get("case_id").asText()).toList();
        assertThat(v2).hasSizeGreaterThan(20);

        Cli table = Cli.run("trend", "-w", ws.toString(), "--no-weighting", "--as-of", "2026-11-30");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains(String.format("stale cases: %d of 300", v2.size()))
                .contains("left out of every offline score (--include-stale keeps them); expiry as of 2026-11-30; "
                        + "current policies: refund v3")
                .contains(String.format("encodes policy refund v2; the current version is v3 (%d):", v2.size()));
        v2.forEach(id -> assertThat(table.out()).contains(id));
        // every release's offline score is over the 300 - stale cases
        assertThat(table.out()).containsPattern("r8 +\\S+ +0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] \\("
                + (300 - v2.size()) + "\\)");

        JsonNode json = JSON.readTree(Cli.run("trend", "-w", ws.toString(), "--json", "--no-weighting").out());
        List<String> listed = new ArrayList<>();
        json.get("staleCases").get("cases").forEach(c -> listed.add(c.get("caseId").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(v2);
        assertThat(json.get("releases").get(7).get("offline").get("cases").asInt()).isEqualTo(300 - v2.size());

        JsonNode kept = JSON.readTree(Cli.run("trend", "-w", ws.toString(), "--json", "--no-weighting",
                "--include-stale").out());
        assertThat(kept.get("staleCases").get("excluded").asBoolean()).isFalse();
        assertThat(kept.get("releases").get(7).get("offline").get("cases").asInt()).isEqualTo(300);
    }

    @Test
    void checkFailsOnTheLastWeekAndPassesOnTheFirst() throws Exception {
        Path ws = workspace();
        Path junit = dir.resolve("reports/check.xml");
        Cli last = Cli.run("check", "-w", ws.toString(), "--junit", junit.toString(), "--as-of", "2026-11-30");
        assertThat(last.exitCode()).as(last.out() + last.err()).isEqualTo(1);
        assertThat(last.out())
                .contains("check: eval set 'support' v1, window 2026-W47; releases live up to it: r1..r8")
                .containsPattern("FAIL  max_gap_score: gap score 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] > 0\\.300; "
                        + "n = 2300 \\(300 eval cases \\+ 2000 production records of 2026-W47\\)")
                .containsPattern("FAIL  min_relative_coverage: relative coverage 0\\.\\d{3} .* < 0\\.800")
                .containsPattern("FAIL  max_uncovered_share: uncovered share 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] > 0\\.100; "
                        + "n = 2000 \\(2000 production records of 2026-W47\\)")
                .containsPattern("FAIL  max_no_case_share: share of production in topics without an eval case "
                        + "0\\.\\d{3} > 0\\.100; n = 2000")
                .containsPattern("FAIL  min_offline_online_correlation\\[thumbs_up_rate\\]: offline-online "
                        + "correlation -0\\.\\d\\d .* < 0\\.00 \\(thumbs_up_rate, higher is better\\); n = 8")
                .containsPattern("FAIL  min_offline_online_correlation\\[retry_rate\\]: .*lower is better")
                .containsPattern("SKIP  max_overfit_index: overfit index not available: no sealed case")
                .containsPattern("PASS  max_expired_case_share: expired case share 0\\.\\d{3} <= 0\\.200; n = 300")
                .contains("FAILED: 11 check(s)");

        // the JUnit XML parses and holds one testcase per check, failures with their message
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(11).isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failures.put(c.getAttribute("name"), ((Element) f.item(0)).getAttribute("message"));
            }
        }
        assertThat(names).hasSize(11).contains("max_gap_score", "min_relative_coverage", "max_uncovered_share",
                "max_no_case_share", "max_overfit_index",
                "max_expired_case_share", "min_offline_online_correlation[thumbs_up_rate]");
        assertThat(failures).hasSize(9).containsKeys("max_gap_score", "max_uncovered_share", "max_no_case_share",
                "min_offline_online_correlation[csat_mean]");
        assertThat(failures.get("max_gap_score")).startsWith("gap score 0.").contains("> 0.300");
        assertThat(suite.getAttribute("failures")).isEqualTo("9");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");

        // week 1: the suite is a sample of it, so the same thresholds pass (the trend figures need more releases)
        Cli first = Cli.run("check", "-w", ws.toString(), "--window", "2026-W36", "--as-of", "2026-11-30");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("window 2026-W36; releases live up to it: r1;")
                .containsPattern("PASS  max_gap_score: gap score 0\\.\\d{3} .* <= 0\\.300")
                // as good as a production sample: the interval reaches 1
                .containsPattern("PASS  min_relative_coverage: relative coverage \\d\\.\\d{3} \\[\\d\\.\\d{3}, 1\\.\\d{3}\\] "
                        + ">= 0\\.800")
                // as a production sample would: about 5% of it beyond the reference's 95% quantile, no topic
                // without a case
                .containsPattern("PASS  max_uncovered_share: uncovered share 0\\.0\\d{2} .* <= 0\\.100")
                .contains("PASS  max_no_case_share: share of production in topics without an eval case 0.000 <= 0.100")
                .contains("SKIP  min_offline_online_correlation[thumbs_up_rate]: offline-online correlation not "
                        + "available: thumbs_up_rate: 1 release(s) r1 with an offline score and the KPI")
                .contains("PASSED: 11 check(s), 0 failed, 6 skipped");
        assertThat(Cli.run("check", "-w", ws.toString(), "--window", "2026-W36", "--strict").exitCode()).isEqualTo(1);

        JsonNode json = JSON.readTree(Cli.run("check", "-w", ws.toString(), "--window", "2026-W36", "--json").out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("checks")).hasSize(11);
        assertThat(json.get("gapComputed").asBoolean()).isFalse();
        // a window without a stored gap result: check computes (and stores) it with the configured embedder
        JsonNode computed = JSON.readTree(Cli.run("check", "-w", ws.toString(), "--window", "2026-W38", "--sample",
                "200", "--json").out());
        assertThat(computed.get("gapComputed").asBoolean()).isTrue();
        assertThat(computed.get("notes").get(0).asText()).startsWith("no stored gap result of 2026-W38");
        assertThat(computed.get("checks").get(0).get("n").asInt()).isEqualTo(400); // 200 eval + 200 production
        assertThat(JSON.readTree(Cli.run("check", "-w", ws.toString(), "--window", "2026-W38", "--json").out())
                .get("gapComputed").asBoolean()).isFalse();

        // usage and input errors exit 2
        Files.writeString(ws.resolve("evalgap.yaml"), CONFIG.replace("max_gap_score", "max_gap_scor"));
        Cli typo = Cli.run("check", "-w", ws.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("evalgap.yaml thresholds: unknown threshold 'max_gap_scor'")
                .contains("max_gap_score");
        Files.writeString(ws.resolve("evalgap.yaml"), CONFIG);
        assertThat(Cli.run("check", "-w", ws.toString(), "--window", "2030-W01").exitCode()).isEqualTo(2);
        assertThat(Cli.run("check", "-w", ws.toString(), "--as-of", "yesterday").exitCode()).isEqualTo(2);
    }

    /**
     * Seals 20% of the demo set, then runs every command that prints or writes texts and asserts that
     * no sealed case's input, expected answer or run output appears anywhere: stdout, stderr, JSON,
     * candidate files, JUnit XML.
     */
    @Test
    void noSealedTextLeavesAnyCommand() throws Exception {
        Path ws = workspace();
        String w = ws.toString();
        List<Cli> runs = new ArrayList<>();
        Cli seal = Cli.run("seal", "-w", w, "--set", "support", "--fraction", "0.2", "--seed", "7", "--json");
        assertThat(seal.exitCode()).as(seal.err()).isZero();
        runs.add(seal);
        Set<String> sealedIds = new HashSet<>();
        JSON.readTree(seal.out()).get("newlySealed").forEach(id -> sealedIds.add(id.asText()));
        assertThat(sealedIds).hasSize(60);
        Cli again = Cli.run("seal", "-w", w, "--set", "support", "--fraction", "0.2", "--seed", "7");
        assertThat(again.out()).startsWith("eval set 'support' v2 unchanged: 60 of 300 cases already sealed");
        runs.add(again);

        List<String> secrets = new ArrayList<>();
        for (JsonNode c : cases(ws)) {
            if (sealedIds.contains(c.get("case_id").asText())) {
                secrets.add(c.get("input").asText());
                secrets.add(c.get("expected").asText());
            }
        }
        // the demo's suite is sampled from week 1: sealed inputs occur verbatim in production traffic, so the
        // topic examples and refresh candidates would show them if they were not withheld
        Set<String> traffic = new HashSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ws.resolve("data/traffic.jsonl.gz")))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                traffic.add(JSON.readTree(line).get("text").asText());
            }
        }
        assertThat(secrets.stream().filter(traffic::contains).count()).isGreaterThan(10);

        // run outputs of sealed cases (a second grader on r8)
        StringBuilder outputs = new StringBuilder();
        for (String id : sealedIds) {
            String output = "model answer for " + id + ": please follow the steps in your account settings";
            secrets.add(output);
            outputs.append(JSON.writeValueAsString(Map.of("release", "r8", "case_id", id, "score", 0.5,
                    "grader", "human:panel-a", "output", output))).append('\n');
        }
        Path runsFile = dir.resolve("outputs.jsonl");
        Files.writeString(runsFile, outputs.toString());
        runs.add(Cli.run("ingest", "runs", "-w", w, runsFile.toString()));
        // a broken record of a sealed case: the error names the field, never the text
        String oneId = sealedIds.iterator().next();
        String oneInput = cases(ws).stream().filter(c -> c.get("case_id").asText().equals(oneId)).findFirst()
                .orElseThrow().get("input").asText();
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, JSON.writeValueAsString(Map.of("case_id", oneId, "input", Map.of("text", oneInput)))
                + "\n");
        Cli badIngest = Cli.run("ingest", "cases", "-w", w, "--set", "support", "--append", bad.toString());
        assertThat(badIngest.exitCode()).isEqualTo(2);
        assertThat(badIngest.err()).contains("field 'input': not a string");
        runs.add(badIngest);

        Path out = dir.resolve("out");
        runs.add(Cli.run("gap", "-w", w, "--set", "support", "--window", "all", "--sample", "400"));
        runs.add(Cli.run("gap", "-w", w, "--set", "support", "--window", "2026-W36", "--json"));
        runs.add(Cli.run("suggest", "-w", w, "--set", "support", "--window", "2026-W36", "--n", "60",
                "--out", out.resolve("candidates-w36.jsonl").toString(),
                "--retire-out", out.resolve("retire-w36.jsonl").toString()));
        runs.add(Cli.run("suggest", "-w", w, "--set", "support", "--n", "60", "--json",
                "--out", out.resolve("candidates.jsonl").toString()));
        runs.add(Cli.run("trend", "-w", w));
        runs.add(Cli.run("trend", "-w", w, "--json"));
        runs.add(Cli.run("check", "-w", w));
        runs.add(Cli.run("check", "-w", w, "--window", "2026-W36", "--junit", out.resolve("check.xml").toString()));
        runs.add(Cli.run("check", "-w", w, "--json"));
        runs.add(Cli.run("report", "-w", w, "--out", out.resolve("report.html").toString(), "--json"));

        Cli gapTable = runs.get(4);
        assertThat(gapTable.exitCode()).as(gapTable.err()).isZero();
        assertThat(gapTable.out()).contains("gap: eval set 'support' v2").contains("texts withheld (sealed split)");
        assertThat(runs.get(6).exitCode()).as(runs.get(6).err()).isZero();
        assertThat(runs.get(8).out()).contains("public vs sealed split (Goodhart gauge): 202 public, 50 sealed cases");
        assertThat(runs.get(10).out()).containsPattern("(PASS|FAIL)  max_overfit_index: overfit index [-+]?0\\.\\d{3}");
        assertThat(runs.get(12).err()).isEmpty();
        assertThat(runs.get(13).exitCode()).as(runs.get(13).err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("evalgap-data");

        List<String> texts = new ArrayList<>();
        for (Cli r : runs) {
            texts.add(r.out());
            texts.add(r.err());
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(p));
            }
        }
        assertThat(Files.readString(out.resolve("candidates-w36.jsonl")).lines().count()).isGreaterThan(20);
        for (String secret : secrets) {
            for (String t : texts) {
                assertThat(t).as("a sealed text").doesNotContain(secret);
            }
        }
    }
}
