package dev.evalgap.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalgap.Progress;
import dev.evalgap.demo.DemoFiles;
import dev.evalgap.demo.DemoScenario;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.Ingester;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.ClassifierTwoSampleTest;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.IngestLog;
import dev.evalgap.store.Interaction;
import dev.evalgap.store.RecordTable;
import dev.evalgap.store.Staging;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapAnalysisTest {

    private static final GapOptions OPTIONS = new GapOptions(5, 200, 0.95, 200, 4, 9);

    @TempDir
    Path dir;

    @Test
    void twoRandomHalvesOfOneProductionWeekAreIndistinguishable() throws Exception {
        DemoFiles demo = DemoScenario.withSeed(7).generate(dir.resolve("data"));
        String week = demo.weeks().get(11).isoWeek();
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test");
             Embedder embedder = new CachingEmbedder(Embedders.create(Embedders.DEFAULT), store)) {
            new Ingester(store, dir.resolve("rejects"), Progress.NONE)
                    .ingest(List.of(demo.traffic()), IngestOptions.defaults(StreamKind.TRAFFIC), OnError.FAIL);
            List<TextItem> sample = new ArrayList<>(store.sampleTraffic(week, 1600, 11));
            Collections.shuffle(sample, new Random(3));
            List<String> texts = sample.stream().map(TextItem::text).toList();
            float[][] vectors = embedder.embed(texts, Progress.NONE);
            float[][] a = java.util.Arrays.copyOfRange(vectors, 0, 800);
            float[][] b = java.util.Arrays.copyOfRange(vectors, 800, 1600);
            ClassifierTwoSampleResult r = ClassifierTwoSampleTest.withDefaults().withSeed(5).test(a, b);
            // demo traffic repeats common short requests, so the halves share texts: grouped folds matter
            assertThat(r.duplicateRows()).isPositive();
            assertThat(r.gapInterval().contains(0)).as("%s", r).isTrue();
        }
    }

    private static Interaction record(String id, String text, float[] vector) {
        return new Interaction(id, Instant.parse("2026-11-18T10:00:00Z"), "2026-W47", text, null, null, null, null,
                null, null, null, null, null, null, vector);
    }

    private static EvalCase evalCase(String id, String text, float[] vector) {
        return new EvalCase(id, text, null, null, EvalCase.SPLIT_PUBLIC, null, null, null, null, null, null, null,
                vector);
    }

    @Test
    void providedVectorsAreUsedAndTheResultIsStored() {
        Random rnd = new Random(1);
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            try (Staging<Interaction> s = store.stage(RecordTable.TRAFFIC)) {
                for (int i = 0; i < 200; i++) {
                    s.add(record("t" + i, "text " + i, new float[] {(float) rnd.nextGaussian() + 1f,
                            (float) rnd.nextGaussian()}), null, "t");
                }
                s.merge(null, false, new IngestLog("t", "x", 200, 0));
            }
            try (Staging<EvalCase> s = store.stage(RecordTable.CASES)) {
                for (int i = 0; i < 100; i++) {
                    s.add(evalCase("c" + i, "case " + i, new float[] {(float) rnd.nextGaussian(),
                            (float) rnd.nextGaussian()}), "set", "c");
                }
                s.merge("set", true, new IngestLog("c", "x", 100, 0));
            }
            Embedder unused = Embedders.create("hashing");
            GapRequest request = new GapRequest("set", GapRequest.LATEST, 500, OPTIONS);
            GapResult r = new GapAnalysis(store, unused, Progress.NONE).run(request).get(0);
            assertThat(r.embedder()).isEqualTo("provided");
            assertThat(r.figures().c2st().dimension()).isEqualTo(2);
            assertThat(r.evalSample()).isEqualTo(100);
            // 200 records: the first 100 by hash are scored, the next 100 (= |eval|) are the coverage reference
            assertThat(r.productionSample()).isEqualTo(100);
            assertThat(r.referenceSample()).isEqualTo(100);
            // a unit mean shift in one of two coordinates: Bayes AUC = Phi(1/sqrt 2) = 0.76
            assertThat(r.figures().c2st().auc()).isBetween(0.62, 0.86);
            assertThat(r.figures().topics().k()).isEqualTo(4);
            assertThat(r.figures().topics().topics()).extracting(Topic::keywords).allSatisfy(k -> assertThat(k).isNotNull());
            assertThat(r.verdict()).startsWith("2026-W47: the eval set is distinguishable from production");
            assertThat(store.results("gap")).hasSize(1).first().asString().contains("\"window\":\"2026-W47\"");

            GapResult again = new GapAnalysis(store, unused, Progress.NONE).run(request).get(0);
            assertThat(again.figures()).as("same inputs and seed, identical figures").isEqualTo(r.figures());

            assertThatThrownBy(() -> new GapAnalysis(store, unused, Progress.NONE)
                    .run(new GapRequest("nope", GapRequest.LATEST, 500, OPTIONS)))
                    .hasMessageStartingWith("no eval set 'nope' in this workspace; sets: [set]");
            assertThatThrownBy(() -> new GapAnalysis(store, unused, Progress.NONE)
                    .run(new GapRequest("set", "2026-W01", 500, OPTIONS)))
                    .hasMessage("no traffic in window '2026-W01'; windows: [2026-W47]");
        }
    }
}
