package dev.evalgap.gap;

import dev.evalgap.Progress;
import dev.evalgap.Provenance;
import dev.evalgap.ResultJson;
import dev.evalgap.embed.Embedder;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.ClassifierTwoSampleTest;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import dev.evalgap.store.WindowCount;
import java.util.ArrayList;
import java.util.List;

/**
 * Eval set versus production: draws the seeded samples, embeds them and runs the two-sample
 * statistics. One {@link GapResult} per window; each is also stored for the timeline.
 */
public final class GapAnalysis {

    static final String SAMPLE_RULE = "bottom-k of md5(id:seed) per window (production) and per set version (eval)";

    private final Store store;
    private final Embedder embedder;
    private final Progress progress;

    public GapAnalysis(Store store, Embedder embedder, Progress progress) {
        this.store = store;
        this.embedder = embedder;
        this.progress = progress;
    }

    public List<GapResult> run(GapRequest request) {
        int version = store.currentCaseVersion(request.setName()).orElseThrow(() -> new IllegalArgumentException(
                "no eval set '" + request.setName() + "' in this workspace; sets: " + store.caseSets().keySet()
                        + " (ingest one with `evalgap ingest cases --set NAME FILE`)"));
        List<TextItem> eval = store.sampleCases(request.setName(), version, request.sampleSize(), request.seed());
        if (eval.size() < 2) {
            throw new IllegalArgumentException("eval set '" + request.setName() + "' has " + eval.size()
                    + " case(s); the gap needs at least 2");
        }
        long evalCases = store.cases(request.setName(), version).size();
        List<GapResult> results = new ArrayList<>();
        for (WindowCount window : selectWindows(request.windows())) {
            List<TextItem> production = store.sampleTraffic(window.window(), request.sampleSize(), request.seed());
            if (production.size() < 2) {
                throw new IllegalArgumentException("window " + window.window() + " has " + production.size()
                        + " record(s); the gap needs at least 2");
            }
            SampleVectors vectors = SampleVectors.of(eval, production, embedder, progress);
            ClassifierTwoSampleResult c2st = ClassifierTwoSampleTest.withDefaults()
                    .withFolds(request.folds())
                    .withBootstrap(request.bootstrap())
                    .withConfidence(request.confidence())
                    .withSeed(request.seed())
                    .test(vectors.eval(), vectors.production());
            GapResult result = new GapResult(request.setName(), version, window.window(), window.records(),
                    evalCases, eval.size(), production.size(), SAMPLE_RULE, vectors.embedder(), request.seed(),
                    c2st, Provenance.now());
            store.saveResult("gap", request.setName(), version, window.window(), ResultJson.write(result));
            results.add(result);
        }
        return results;
    }

    private List<WindowCount> selectWindows(String selector) {
        List<WindowCount> windows = store.windows();
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no production traffic in this workspace (ingest some with "
                    + "`evalgap ingest traffic FILE`)");
        }
        if (GapRequest.ALL.equals(selector)) {
            return windows;
        }
        if (GapRequest.LATEST.equals(selector)) {
            return List.of(windows.get(windows.size() - 1));
        }
        return windows.stream().filter(w -> w.window().equals(selector)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("no traffic in window '" + selector
                        + "'; windows: " + windows.stream().map(WindowCount::window).toList()));
    }
}
