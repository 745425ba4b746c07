package dev.evalgap.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.demo.DemoFiles;
import dev.evalgap.demo.DemoScenario;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapAnalysis;
import dev.evalgap.gap.GapOptions;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.TopicAssignment;
import dev.evalgap.ingest.FieldMapping;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.TempStore;
import dev.evalgap.store.WindowCount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production-weighted score takes every case's topic from the clustering the gap analysis stored with its
 * result: it survives traffic added to the window afterwards, and cases outside the gap's sample get the topic
 * of the nearest stored centroid, the rule k-means labels its own rows by.
 */
class ProductionWeightingTest {

    private static final String SET = "support";
    private static final String WINDOW = "2026-W47";

    @RegisterExtension
    final TempStore ws = new TempStore();

    private DemoFiles ingestDemo() throws Exception {
        DemoFiles demo = DemoScenario.withSeed(DemoScenario.DEFAULT_SEED).generate(ws.dir().resolve("data"));
        ws.ingester().ingest(List.of(demo.traffic()), options(StreamKind.TRAFFIC), OnError.FAIL);
        ws.ingester().ingestCases(SET, List.of(demo.cases()), options(StreamKind.CASES), OnError.FAIL, false);
        ws.ingester().ingest(List.of(demo.runs()), options(StreamKind.RUNS), OnError.FAIL);
        return demo;
    }

    private static IngestOptions options(StreamKind kind) {
        return IngestOptions.defaults(kind).withMapping(FieldMapping.identity(kind));
    }

    private void gapOfLatestWindow(int sample) {
        try (Embedder embedder = new CachingEmbedder(Embedders.create("hashing"), ws.store())) {
            new GapAnalysis(ws.store(), embedder, Progress.NONE).run(new GapRequest(SET, GapRequest.LATEST, sample,
                    new GapOptions(5, 200, 0.95, 100, 8, 7)));
        }
    }

    private ProductionWeightedScore weighted() {
        return new Trend(ws.store(), Progress.NONE).run(new TrendRequest(SET, 5, Map.of(), 200, 0.95, 11, true))
                .productionWeighted();
    }

    private long latestWindowRecords() {
        List<WindowCount> windows = ws.store().windows();
        assertThat(windows.get(windows.size() - 1).window()).isEqualTo(WINDOW);
        return windows.get(windows.size() - 1).records();
    }

    private String storedGap() {
        return ws.store().results("gap").get(0);
    }

    @Test
    void trafficAddedToTheWindowAfterTheGapLeavesTheWeightedScoreAsItWas() throws Exception {
        DemoFiles demo = ingestDemo();
        gapOfLatestWindow(400);
        ProductionWeightedScore before = weighted();
        assertThat(before.skipped()).as(before.skipped()).isNull();
        assertThat(before.window()).isEqualTo(WINDOW);
        assertThat(before.casesFromSample()).isEqualTo(demo.caseCount());

        long recordsAtGap = latestWindowRecords();
        StringBuilder late = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            late.append("{\"id\": \"late-").append(i).append("\", \"ts\": \"2026-11-20T09:00:00Z\", "
                    + "\"text\": \"my parcel ").append(i).append(" never arrived\"}\n");
        }
        ws.ingester().ingest(List.of(ws.write("late.jsonl", late.toString())), options(StreamKind.TRAFFIC),
                OnError.FAIL);
        assertThat(latestWindowRecords()).as("the window grew since the gap").isEqualTo(recordsAtGap + 50);
        assertThat(weighted()).isEqualTo(before);
    }

    @Test
    void casesOutsideTheGapsSampleTakeTheNearestStoredCentroid() throws Exception {
        DemoFiles demo = ingestDemo();
        int sample = 100;
        gapOfLatestWindow(sample);
        ProductionWeightedScore p = weighted();
        assertThat(p.skipped()).as(p.skipped()).isNull();
        assertThat(p.casesFromSample()).isEqualTo(sample);
        assertThat(p.casesByCentroid()).isEqualTo(demo.caseCount() - sample);
        assertThat(p.releases()).allSatisfy(r -> assertThat(r.cases()).isEqualTo(demo.caseCount()));

        // the stored centroids give the sampled cases the topics the clustering gave them
        GapPoint point = StoredGaps.latestByWindow(ws.store().results("gap"), SET).get(WINDOW).point();
        TopicAssignment assignment = TopicAssignment.stored(ws.store(), SET, WINDOW, point.computedAt());
        assertThat(assignment.evalCases()).hasSize(sample);
        assertThat(assignment.production()).hasSize(sample);
        Map<String, EvalCase> cases = ws.store().cases(SET, point.setVersion()).stream()
                .collect(Collectors.toMap(EvalCase::caseId, Function.identity()));
        List<String> texts = new ArrayList<>();
        assignment.evalCases().keySet().forEach(id -> texts.add(cases.get(id).input()));
        float[][] vectors;
        try (Embedder embedder = new CachingEmbedder(Embedders.create("hashing"), ws.store())) {
            vectors = embedder.embed(texts, Progress.NONE);
        }
        assertThat(assignment.nearestTopics(vectors))
                .containsExactly(assignment.evalCases().values().stream().mapToInt(Integer::intValue).toArray());
        assertThat(new HashSet<>(assignment.evalCases().values())).as("topics holding cases").hasSizeGreaterThan(1);
    }

    @Test
    void aGapResultStoredWithoutItsAssignmentIsSkippedWithTheReason() throws Exception {
        ingestDemo();
        gapOfLatestWindow(400);
        String json = storedGap();
        String computedAt = ResultJson.mapper().readTree(json).path("provenance").path("computedAt").asText();
        // what an older evalgap stored: the result alone (here the same figures, newer, with no assignment)
        ws.store().saveResult("gap", SET, 1, WINDOW, json.replace(computedAt, "2026-11-21T00:00:00Z"));
        assertThat(weighted().skipped()).isEqualTo("the gap result of 2026-W47 was stored without its topic "
                + "assignment (by an older evalgap); run `evalgap gap --set support --window 2026-W47` again");
    }
}
