package dev.evalgap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Generates the scenario once (seed 42) and checks the files against the documented behaviour. */
class DemoScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Feature and new-policy vocabulary; only the feature / policy intents use it (see the resource). */
    private static final Pattern FEATURE_WORDS = Pattern.compile("(?i)auto[- ]?re-?order");
    private static final Pattern POLICY_WORDS =
            Pattern.compile("(?i)store credit|restocking|new (return|refund) policy|policy change");

    @TempDir
    static Path tmp;

    static DemoFiles files;
    static List<JsonNode> traffic;
    static List<JsonNode> truth;
    static List<JsonNode> cases;
    static List<JsonNode> runs;
    /** Scenario week (1..12) of each traffic record, by index. */
    static int[] weekOf;
    static double generationSeconds;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        files = DemoScenario.withSeed(42).generate(tmp.resolve("a"));
        generationSeconds = (System.nanoTime() - t0) / 1e9;
        traffic = readJsonl(files.traffic());
        truth = readJsonl(files.truth());
        cases = readJsonl(files.cases());
        runs = readJsonl(files.runs());
        Map<String, Integer> weekByLabel = new HashMap<>();
        files.weeks().forEach(w -> weekByLabel.put(w.isoWeek(), w.number()));
        weekOf = new int[traffic.size()];
        for (int i = 0; i < traffic.size(); i++) {
            weekOf[i] = weekByLabel.get(truth.get(i).get("week").asText());
        }
    }

    // ---- determinism ---------------------------------------------------------------------------

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        DemoFiles again = DemoScenario.withSeed(42).generate(tmp.resolve("b"));
        assertThat(Files.readAllBytes(again.traffic())).isEqualTo(Files.readAllBytes(files.traffic()));
        assertThat(Files.readAllBytes(again.cases())).isEqualTo(Files.readAllBytes(files.cases()));
        assertThat(Files.readAllBytes(again.runs())).isEqualTo(Files.readAllBytes(files.runs()));
        assertThat(Files.readAllBytes(again.truth())).isEqualTo(Files.readAllBytes(files.truth()));
        assertThat(again.weeks()).isEqualTo(files.weeks());
    }

    @Test
    void differentSeedWritesDifferentFiles() throws IOException {
        DemoFiles other = DemoScenario.withSeed(43).generate(tmp.resolve("c"));
        assertThat(Files.readAllBytes(other.traffic())).isNotEqualTo(Files.readAllBytes(files.traffic()));
        assertThat(Files.readAllBytes(other.cases())).isNotEqualTo(Files.readAllBytes(files.cases()));
        assertThat(Files.readAllBytes(other.runs())).isNotEqualTo(Files.readAllBytes(files.runs()));
    }

    @Test
    void generationIsFast() {
        // the brief asks for < 3 s; the bound here leaves room for a loaded CI machine
        assertThat(generationSeconds).isLessThan(15);
    }

    // ---- calendar ------------------------------------------------------------------------------

    @Test
    void twelveIsoWeeksFromMonday20260831() {
        assertThat(files.weeks()).hasSize(12);
        assertThat(files.weeks().get(0).isoWeek()).isEqualTo("2026-W36");
        assertThat(files.weeks().get(0).start()).isEqualTo(Instant.parse("2026-08-31T00:00:00Z"));
        assertThat(files.weeks().get(11).isoWeek()).isEqualTo("2026-W47");
        assertThat(files.weeks().get(11).end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        int total = files.weeks().stream().mapToInt(DemoFiles.Week::records).sum();
        assertThat(total).isEqualTo(files.trafficRecords()).isEqualTo(traffic.size());
    }

    @Test
    void releasesR1ToR8GoLiveInOrderFromWeek1ToWeek12() {
        assertThat(files.releases()).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8");
        assertThat(files.schedule()).extracting(DemoFiles.Release::name).isEqualTo(files.releases());
        assertThat(files.schedule().get(0).week()).isEqualTo(1);
        assertThat(files.schedule().get(0).liveFrom()).isEqualTo(files.weeks().get(0).start());
        assertThat(files.schedule().get(7).week()).isEqualTo(12);
        for (int i = 1; i < files.schedule().size(); i++) {
            assertThat(files.schedule().get(i).liveFrom()).isAfter(files.schedule().get(i - 1).liveFrom());
            assertThat(files.schedule().get(i).week()).isGreaterThan(files.schedule().get(i - 1).week());
        }
    }

    @Test
    void eachRecordNamesTheReleaseLiveAtItsTimestamp() {
        for (JsonNode r : traffic) {
            Instant ts = Instant.parse(r.get("ts").asText());
            String live = null;
            for (DemoFiles.Release rel : files.schedule()) {
                if (!ts.isBefore(rel.liveFrom())) {
                    live = rel.name();
                }
            }
            assertThat(r.get("release").asText()).as(r.get("id").asText()).isEqualTo(live);
        }
        Set<String> seen = new HashSet<>();
        traffic.forEach(r -> seen.add(r.get("release").asText()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(files.releases());
    }

    @Test
    void eventsHappenInWeeks7And9() {
        assertThat(files.featureLaunch().week()).isEqualTo(7);
        assertThat(files.featureLaunch().at()).isEqualTo(files.weeks().get(6).start());
        assertThat(files.policyChange().week()).isEqualTo(9);
        assertThat(files.policyChange().sourceRef()).isEqualTo("policy:refund@v3");
    }

    // ---- traffic volume and text ---------------------------------------------------------------

    @Test
    void everyWeekHasThousandsOfRecordsAndAtLeast2000DistinctTexts() {
        List<Set<String>> distinct = new ArrayList<>();
        int[] records = new int[13];
        for (int w = 0; w <= 12; w++) {
            distinct.add(new HashSet<>());
        }
        for (int i = 0; i < traffic.size(); i++) {
            distinct.get(weekOf[i]).add(traffic.get(i).get("text").asText());
            records[weekOf[i]]++;
        }
        for (int w = 1; w <= 12; w++) {
            assertThat(records[w]).as("records in week %d", w).isBetween(2500, 3500);
            assertThat(distinct.get(w)).as("distinct texts in week %d", w).hasSizeGreaterThanOrEqualTo(2000);
            assertThat(files.weeks().get(w - 1).distinctTexts()).isEqualTo(distinct.get(w).size());
            assertThat(files.weeks().get(w - 1).records()).isEqualTo(records[w]);
        }
    }

    @Test
    void textsVaryInLengthRegisterAndCarryTypos() {
        long terse = traffic.stream().filter(r -> r.get("text").asText().split(" ").length <= 6).count();
        long rambling = traffic.stream().filter(r -> r.get("text").asText().split(" ").length >= 25).count();
        long lowerCaseOnly = traffic.stream()
                .filter(r -> r.get("text").asText().equals(r.get("text").asText().toLowerCase())).count();
        assertThat(terse).isGreaterThan(traffic.size() / 10);
        assertThat(rambling).isGreaterThan(traffic.size() / 50);
        assertThat(lowerCaseOnly).isGreaterThan(traffic.size() / 5);
        Set<String> registers = new HashSet<>();
        truth.forEach(t -> registers.add(t.get("register").asText()));
        assertThat(registers).containsExactlyInAnyOrder("terse", "plain", "polite", "rambling", "angry");
        // typos: well-known misspellings show up, at a modest rate
        long misspelled = traffic.stream()
                .filter(r -> r.get("text").asText().matches("(?is).*\\b(recieve|adress|pakage|shiping|cancle|oder)\\b.*"))
                .count();
        assertThat(misspelled).isBetween(20L, traffic.size() / 20L);
    }

    @Test
    void manyIntentsAppearInEveryWeek() {
        Map<Integer, Set<String>> intents = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            intents.computeIfAbsent(weekOf[i], k -> new HashSet<>()).add(truth.get(i).get("intent").asText());
        }
        for (int w = 1; w <= 12; w++) {
            assertThat(intents.get(w)).as("intents in week %d", w).hasSizeGreaterThanOrEqualTo(25);
        }
    }

    // ---- drift ---------------------------------------------------------------------------------

    @Test
    void noFeaturePromptBeforeWeek7AndAtLeast15PercentInWeek12() {
        double[] share = groupShare("feature");
        for (int w = 1; w < 7; w++) {
            assertThat(share[w]).as("feature share week %d", w).isZero();
        }
        assertThat(share[7]).isGreaterThan(0);
        assertThat(share[12]).isBetween(0.15, 0.25);
        for (int i = 0; i < traffic.size(); i++) {
            if (weekOf[i] < 7) {
                assertThat(traffic.get(i).get("text").asText()).doesNotContainPattern(FEATURE_WORDS);
            }
        }
        assertThat(keywordShare(FEATURE_WORDS, 12)).isGreaterThan(0.12); // visible in the text itself
    }

    @Test
    void noNewPolicyPromptBeforeWeek9AndTenToTwentyPercentInWeek12() {
        double[] share = groupShare("policy");
        for (int w = 1; w < 9; w++) {
            assertThat(share[w]).as("policy share week %d", w).isZero();
        }
        assertThat(share[9]).isGreaterThan(0);
        assertThat(share[12]).isBetween(0.10, 0.20);
        for (int i = 0; i < traffic.size(); i++) {
            if (weekOf[i] < 9) {
                assertThat(traffic.get(i).get("text").asText()).doesNotContainPattern(POLICY_WORDS);
            }
        }
        assertThat(keywordShare(POLICY_WORDS, 12)).isGreaterThan(0.05);
    }

    @Test
    void exploratoryQuestionsFadeAndTheNicheTailGrows() {
        double[] exploratory = groupShare("exploratory");
        double[] niche = groupShare("niche");
        assertThat(exploratory[1]).isBetween(0.10, 0.20);
        assertThat(exploratory[12]).isLessThan(exploratory[1] / 3);
        assertThat(niche[12]).isGreaterThan(2 * niche[1]);
    }

    // ---- feedback ------------------------------------------------------------------------------

    @Test
    void onlineFeedbackWorsensAfterWeek6() {
        Feedback early = feedback(1, 6);
        Feedback late = feedback(10, 12);
        assertThat(early.thumbsUpRate()).isBetween(0.65, 0.85);
        assertThat(late.thumbsUpRate()).isLessThanOrEqualTo(early.thumbsUpRate() - 0.1);
        assertThat(late.retryRate()).isGreaterThan(early.retryRate() + 0.04);
        assertThat(late.abandonRate()).isGreaterThan(early.abandonRate());
        // and it is worst on what the suite cannot cover
        Feedback uncovered = feedback(10, 12, Set.of("feature", "policy"));
        Feedback covered = feedback(10, 12, Set.of("core", "exploratory"));
        assertThat(uncovered.thumbsUpRate()).isLessThan(covered.thumbsUpRate() - 0.2);
        assertThat(uncovered.retryRate()).isGreaterThan(2 * covered.retryRate());
    }

    @Test
    void explicitFeedbackIsRareAndImplicitFeedbackIsEverywhere() {
        long thumbs = traffic.stream().filter(r -> r.has("thumbs")).count();
        long csat = traffic.stream().filter(r -> r.has("csat")).count();
        assertThat((double) thumbs / traffic.size()).isBetween(0.03, 0.06);
        assertThat((double) csat / traffic.size()).isBetween(0.01, 0.02);
        assertThat(traffic).allSatisfy(r -> assertThat(r.has("retried") && r.has("edited") && r.has("abandoned")).isTrue());
    }

    // ---- schemas -------------------------------------------------------------------------------

    @Test
    void everyTrafficRecordHasTheDocumentedFieldsAndTypes() {
        Set<String> allowed = Set.of("id", "ts", "text", "response", "release", "session", "segment", "weight",
                "thumbs", "retried", "edited", "abandoned", "csat");
        Instant start = files.weeks().get(0).start();
        Instant end = files.weeks().get(11).end();
        Instant previous = Instant.MIN;
        for (JsonNode r : traffic) {
            assertThat(fieldNames(r)).isSubsetOf(allowed);
            assertThat(r.get("id").isTextual()).isTrue();
            Instant ts = Instant.parse(r.get("ts").asText());
            assertThat(ts).isBetween(start, end.minusMillis(1));
            assertThat(ts).isAfterOrEqualTo(previous); // sorted by time
            previous = ts;
            assertThat(r.get("text").asText()).isNotBlank();
            assertThat(r.get("response").asText()).isNotBlank();
            assertThat(r.get("release").asText()).isIn(files.releases());
            assertThat(r.get("session").asText()).matches("s-[0-9a-f]{8}");
            assertThat(r.get("segment").asText()).isIn("free", "plus", "business");
            assertThat(r.get("weight").isNumber()).isTrue();
            assertThat(r.get("weight").asDouble()).isPositive();
            assertThat(r.get("retried").isBoolean()).isTrue();
            assertThat(r.get("edited").isBoolean()).isTrue();
            assertThat(r.get("abandoned").isBoolean()).isTrue();
            if (r.has("thumbs")) {
                assertThat(r.get("thumbs").asText()).isIn("up", "down");
            }
            if (r.has("csat")) {
                assertThat(r.get("csat").isInt()).isTrue();
                assertThat(r.get("csat").asInt()).isBetween(1, 5);
            }
        }
    }

    @Test
    void noTwoRecordsShareAnIdAndTruthLinesUpWithTraffic() {
        Set<String> ids = new HashSet<>();
        traffic.forEach(r -> assertThat(ids.add(r.get("id").asText())).as(r.get("id").asText()).isTrue());
        assertThat(truth).hasSameSizeAs(traffic);
        for (int i = 0; i < truth.size(); i++) {
            assertThat(truth.get(i).get("id").asText()).isEqualTo(traffic.get(i).get("id").asText());
            assertThat(truth.get(i).get("satisfied").isBoolean()).isTrue();
        }
        Set<String> caseIds = new HashSet<>();
        cases.forEach(c -> assertThat(caseIds.add(c.get("case_id").asText())).isTrue());
    }

    @Test
    void businessCustomersWeighMore() {
        Map<String, double[]> bySegment = new LinkedHashMap<>();
        for (JsonNode r : traffic) {
            double[] acc = bySegment.computeIfAbsent(r.get("segment").asText(), k -> new double[2]);
            acc[0] += r.get("weight").asDouble();
            acc[1]++;
        }
        double free = bySegment.get("free")[0] / bySegment.get("free")[1];
        double business = bySegment.get("business")[0] / bySegment.get("business")[1];
        assertThat(business).isGreaterThan(4 * free);
        assertThat(bySegment.get("free")[1]).isGreaterThan(bySegment.get("business")[1]);
    }

    // ---- eval cases ----------------------------------------------------------------------------

    @Test
    void casesHaveTheDocumentedFieldsAndOrigins() {
        assertThat(cases).hasSize(files.caseCount()).hasSizeBetween(280, 320);
        Map<String, Integer> byOrigin = new HashMap<>();
        Set<String> allowed = Set.of("case_id", "input", "expected", "tags", "origin", "rationale", "owner",
                "created", "label_source", "source_ref");
        for (JsonNode c : cases) {
            assertThat(fieldNames(c)).isSubsetOf(allowed)
                    .contains("case_id", "input", "expected", "tags", "origin", "rationale", "owner", "created",
                            "label_source");
            assertThat(c.get("input").asText()).isNotBlank();
            assertThat(c.get("expected").asText()).isNotBlank();
            assertThat(c.get("tags").isArray()).isTrue();
            assertThat(c.get("tags").size()).isPositive();
            assertThat(c.get("rationale").asText()).isNotBlank();
            assertThat(LocalDate.parse(c.get("created").asText())).isBefore(LocalDate.of(2026, 9, 14));
            byOrigin.merge(c.get("origin").asText(), 1, Integer::sum);
        }
        assertThat(byOrigin.keySet()).containsExactlyInAnyOrder("production-sample", "handwritten", "incident");
        assertThat(byOrigin.get("handwritten")).isBetween(25, 35);
        assertThat(byOrigin.get("incident")).isBetween(3, 8);
    }

    @Test
    void everyProductionSampleAppearsInWeek1Traffic() {
        Set<String> week1Texts = new HashSet<>();
        Set<String> week1Ids = new HashSet<>();
        for (int i = 0; i < traffic.size(); i++) {
            if (weekOf[i] == 1) {
                week1Texts.add(traffic.get(i).get("text").asText());
                week1Ids.add(traffic.get(i).get("id").asText());
            }
        }
        List<JsonNode> samples = cases.stream()
                .filter(c -> c.get("origin").asText().equals("production-sample")).toList();
        assertThat(samples).hasSizeGreaterThan(250);
        for (JsonNode c : samples) {
            assertThat(week1Texts).as(c.get("case_id").asText()).contains(c.get("input").asText());
            String ref = c.get("source_ref").asText();
            if (ref.startsWith("traffic:")) {
                assertThat(week1Ids).contains(ref.substring("traffic:".length()));
            }
        }
    }

    @Test
    void refundCasesCiteRefundPolicyV2AndNoCaseKnowsTheNewWorld() {
        long refundCases = cases.stream()
                .filter(c -> c.get("tags").get(0).asText().matches("returns|refund_status|exchanges"))
                .peek(c -> assertThat(c.get("source_ref").asText()).isEqualTo("policy:refund@v2"))
                .count();
        assertThat(refundCases).isGreaterThan(10);
        for (JsonNode c : cases) {
            assertThat(c.get("input").asText()).doesNotContainPattern(FEATURE_WORDS).doesNotContainPattern(POLICY_WORDS);
            assertThat(c.get("tags").toString()).doesNotContain("feature", "policy_");
        }
    }

    // ---- offline runs --------------------------------------------------------------------------

    @Test
    void runsScoreEveryCaseForEveryReleaseWithOneGrader() {
        assertThat(runs).hasSize(files.runRecords()).hasSize(files.releases().size() * cases.size());
        Set<String> caseIds = new HashSet<>();
        cases.forEach(c -> caseIds.add(c.get("case_id").asText()));
        Set<String> pairs = new HashSet<>();
        for (JsonNode r : runs) {
            assertThat(r.get("release").asText()).isIn(files.releases());
            assertThat(caseIds).contains(r.get("case_id").asText());
            assertThat(r.get("score").isNumber()).isTrue();
            assertThat(r.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("grader").asText()).isEqualTo("judge:gpt-4o-2024-08-06/rubric-v3");
            assertThat(pairs.add(r.get("release").asText() + "/" + r.get("case_id").asText())).isTrue();
        }
    }

    @Test
    void offlineMeanScoreRisesStrictlyFromR1ToR8() {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            double[] acc = sums.computeIfAbsent(r.get("release").asText(), k -> new double[2]);
            acc[0] += r.get("score").asDouble();
            acc[1]++;
        }
        double[] means = files.releases().stream().mapToDouble(rel -> sums.get(rel)[0] / sums.get(rel)[1]).toArray();
        for (int i = 1; i < means.length; i++) {
            assertThat(means[i]).as("mean of r%d", i + 1).isGreaterThan(means[i - 1]);
        }
        assertThat(means[0]).isCloseTo(0.62, within(0.005));
        assertThat(means[7]).isCloseTo(0.86, within(0.005));
        // per-case noise: not every case improves every release
        long worse = 0;
        Map<String, Double> r7 = new HashMap<>();
        runs.stream().filter(r -> r.get("release").asText().equals("r7"))
                .forEach(r -> r7.put(r.get("case_id").asText(), r.get("score").asDouble()));
        for (JsonNode r : runs) {
            if (r.get("release").asText().equals("r8") && r.get("score").asDouble() < r7.get(r.get("case_id").asText())) {
                worse++;
            }
        }
        assertThat(worse).isBetween(20L, (long) cases.size() / 2);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Feedback(double thumbsUpRate, double retryRate, double abandonRate) {
    }

    private static Feedback feedback(int fromWeek, int toWeek) {
        return feedback(fromWeek, toWeek, null);
    }

    private static Feedback feedback(int fromWeek, int toWeek, Set<String> groups) {
        int n = 0;
        int thumbs = 0;
        int up = 0;
        int retried = 0;
        int abandoned = 0;
        for (int i = 0; i < traffic.size(); i++) {
            if (weekOf[i] < fromWeek || weekOf[i] > toWeek
                    || groups != null && !groups.contains(truth.get(i).get("group").asText())) {
                continue;
            }
            JsonNode r = traffic.get(i);
            n++;
            if (r.has("thumbs")) {
                thumbs++;
                up += r.get("thumbs").asText().equals("up") ? 1 : 0;
            }
            retried += r.get("retried").asBoolean() ? 1 : 0;
            abandoned += r.get("abandoned").asBoolean() ? 1 : 0;
        }
        return new Feedback((double) up / thumbs, (double) retried / n, (double) abandoned / n);
    }

    private static double[] groupShare(String group) {
        double[] share = new double[13];
        int[] total = new int[13];
        for (int i = 0; i < truth.size(); i++) {
            total[weekOf[i]]++;
            if (truth.get(i).get("group").asText().equals(group)) {
                share[weekOf[i]]++;
            }
        }
        for (int w = 1; w <= 12; w++) {
            share[w] /= total[w];
        }
        return share;
    }

    private static double keywordShare(Pattern words, int week) {
        int n = 0;
        int hits = 0;
        for (int i = 0; i < traffic.size(); i++) {
            if (weekOf[i] == week) {
                n++;
                hits += words.matcher(traffic.get(i).get("text").asText()).find() ? 1 : 0;
            }
        }
        return (double) hits / n;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<JsonNode> readJsonl(Path path) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        boolean gzip = path.getFileName().toString().endsWith(".gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                gzip ? new GZIPInputStream(Files.newInputStream(path)) : Files.newInputStream(path),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
