package dev.evalgap.gap;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalgap.Progress;
import dev.evalgap.Provenance;
import dev.evalgap.ResultJson;
import dev.evalgap.embed.Embedder;
import dev.evalgap.seal.SealedTexts;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import dev.evalgap.store.WindowCount;
import java.util.ArrayList;
import java.util.List;

/**
 * Eval set versus production: draws the seeded samples, embeds them and computes the gap figures.
 * One {@link GapResult} per window; each is also stored for the timeline.
 */
public final class GapAnalysis {

    static final String SAMPLE_RULE = "production: the records of the window with the smallest md5(id:seed); "
            + "the first N are scored, the next |eval| form the coverage reference; eval: the cases of the "
            + "set version with the smallest md5(case_id:seed), at most N";

    /** Fewer scored production items than this and coverage is not computed. */
    static final int MIN_SCORED_FOR_COVERAGE = 20;

    private final Store store;
    private final Embedder embedder;
    private final Progress progress;

    public GapAnalysis(Store store, Embedder embedder, Progress progress) {
        this.store = store;
        this.embedder = embedder;
        this.progress = progress;
    }

    public List<GapResult> run(GapRequest request) {
        List<GapResult> results = new ArrayList<>();
        for (WindowCount window : selectWindows(request.windows())) {
            WindowGap gap = analyse(request, window, false);
            GapResult result = gap.result();
            store.saveResult("gap", request.setName(), result.setVersion(), window.window(), ResultJson.write(result));
            store.saveResult(TopicAssignment.ANALYSIS, request.setName(), result.setVersion(), window.window(),
                    ResultJson.write(TopicAssignment.of(result, gap.eval(), gap.production(), gap.topics())));
            results.add(result);
        }
        return results;
    }

    /** One window's result with the samples and every item's topic behind it, for refresh suggestions. */
    record WindowGap(GapResult result, List<TextItem> eval, List<TextItem> production, GapSamples samples,
                     TopicMapper.Fit topics) {
    }

    /**
     * One window, for refresh suggestions: the stored result of the same set version, window, samples,
     * embedder and options, with its stored topic assignment, when there is one; else a new result (not
     * stored).
     */
    WindowGap analyseOne(GapRequest request) {
        List<WindowCount> windows = selectWindows(request.windows());
        if (windows.size() != 1) {
            throw new IllegalArgumentException("choose one window (latest or a label), not " + request.windows());
        }
        return analyse(request, windows.get(0), true);
    }

    private WindowGap analyse(GapRequest request, WindowCount window, boolean reuseStored) {
        int version = store.currentCaseVersion(request.setName()).orElseThrow(() -> new IllegalArgumentException(
                "no eval set '" + request.setName() + "' in this workspace; sets: " + store.caseSets().keySet()
                        + " (ingest one with `evalgap ingest cases --set NAME FILE`)"));
        long seed = request.options().seed();
        List<TextItem> eval = store.sampleCases(request.setName(), version, request.sampleSize(), seed);
        if (eval.size() < request.options().folds()) {
            throw new IllegalArgumentException("eval set '" + request.setName() + "' has " + eval.size()
                    + " case(s); the gap needs at least " + request.options().folds());
        }
        List<EvalCase> setCases = store.cases(request.setName(), version);
        long evalCases = setCases.size();
        SealedTexts sealed = SealedTexts.of(setCases);
        List<TextItem> drawn = store.sampleTraffic(window.window(), request.sampleSize() + eval.size(), seed);
        int scored = Math.min(request.sampleSize(), drawn.size() - eval.size());
        boolean withCoverage = scored >= MIN_SCORED_FOR_COVERAGE;
        List<TextItem> production = withCoverage ? drawn.subList(0, scored)
                : drawn.subList(0, Math.min(request.sampleSize(), drawn.size()));
        List<TextItem> reference = withCoverage ? drawn.subList(scored, scored + eval.size()) : List.of();
        if (production.size() < request.options().folds()) {
            throw new IllegalArgumentException("window " + window.window() + " has " + production.size()
                    + " record(s); the gap needs at least " + request.options().folds());
        }
        SampleVectors vectors = SampleVectors.of(List.of(eval, production, reference), embedder, progress);
        GapSamples samples = new GapSamples(vectors.get(0), shownTexts(eval, sealed), vectors.get(1),
                shownTexts(production, sealed),
                weights(production), segments(production), vectors.get(1), withCoverage ? vectors.get(0) : null,
                withCoverage ? vectors.get(2) : null);
        if (reuseStored) {
            GapResult stored = stored(request, version, window, eval.size(), production.size(), reference.size(),
                    vectors.embedder());
            TopicAssignment assignment = stored == null ? null : TopicAssignment.stored(store, stored.setName(),
                    stored.window(), stored.provenance().computedAt());
            TopicMapper.Fit fit = assignment == null ? null
                    : assignment.fit(stored.figures().topics(), eval, production);
            if (fit != null) {
                return new WindowGap(stored, eval, production, samples, fit);
            }
        }
        GapStatistics.Detailed details = GapStatistics.detailed(samples, request.options(), progress);
        GapFigures figures = details.figures();
        GapResult result = new GapResult(request.setName(), version, window.window(), window.records(),
                evalCases, eval.size(), production.size(), reference.size(), SAMPLE_RULE, vectors.embedder(),
                seed, request.options(), figures, Verdict.of(window.window(), figures), Provenance.now());
        return new WindowGap(result, eval, production, samples, details.topics());
    }

    /**
     * The newest stored result of these samples and options, or null: same set version and window (with as
     * many records as now, so no traffic was added since), sample sizes, embedder and options.
     */
    private GapResult stored(GapRequest request, int version, WindowCount window, int evalSample,
                             int productionSample, int referenceSample, String embedder) {
        for (String text : store.results("gap")) {
            GapResult r;
            try {
                r = ResultJson.mapper().readValue(text, GapResult.class);
            } catch (JsonProcessingException e) {
                // a result of an older evalgap that this one cannot read: computed again
                continue;
            }
            if (r.setName().equals(request.setName()) && r.setVersion() == version
                    && r.window().equals(window.window()) && r.windowRecords() == window.records()
                    && r.evalSample() == evalSample && r.productionSample() == productionSample
                    && r.referenceSample() == referenceSample && embedder.equals(r.embedder())
                    && request.options().equals(r.options())) {
                return r;
            }
        }
        return null;
    }

    /**
     * The texts as they may be shown: {@code null} for a sealed case and for any text that would reveal
     * one (see {@link SealedTexts}). Only topic descriptions and refresh candidates use texts; every
     * statistic runs on the vectors.
     */
    private static List<String> shownTexts(List<TextItem> items, SealedTexts sealed) {
        List<String> out = new ArrayList<>(items.size());
        for (TextItem t : items) {
            out.add(sealed.isSealed(t.id()) || sealed.reveals(t.text()) ? null : t.text());
        }
        return out;
    }

    /** Weights when any record has one; a record without a weight then counts as 1. */
    private static double[] weights(List<TextItem> items) {
        if (items.stream().allMatch(t -> t.weight() == null)) {
            return null;
        }
        return items.stream().mapToDouble(t -> t.weight() == null ? 1.0 : t.weight()).toArray();
    }

    private static String[] segments(List<TextItem> items) {
        if (items.stream().allMatch(t -> t.segment() == null)) {
            return null;
        }
        return items.stream().map(TextItem::segment).toArray(String[]::new);
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
