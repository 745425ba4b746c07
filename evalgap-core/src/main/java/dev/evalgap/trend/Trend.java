package dev.evalgap.trend;

import dev.evalgap.Progress;
import dev.evalgap.Provenance;
import dev.evalgap.store.CaseScore;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.FeedbackCounts;
import dev.evalgap.store.FeedbackCounts.Scope;
import dev.evalgap.store.KpiObservation;
import dev.evalgap.store.RunSummary;
import dev.evalgap.store.Store;
import dev.evalgap.store.TrendQueries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The timeline analysis: per release and per window, the offline score, the gap and the online KPIs
 * side by side; flags where the score rose with the gap; offline↔online agreement across releases;
 * and the offline score re-weighted to production's topic mix.
 *
 * <pre>{@code
 * TrendResult r = new Trend(store, Progress.NONE).run(new TrendRequest("support", 5, Map.of(), 1000, 0.95, 42, true));
 * }</pre>
 *
 * <p>Order: releases by their first production record (releases with runs but no traffic after them,
 * by name); windows by their first record. The offline score of a window is the score of the newest
 * release that served traffic in it: the score the team quoted that week. The gap of a window is the
 * newest stored gap result of the set for that window; the timeline computes no new gap (run
 * {@code evalgap gap --window all} for that).
 */
public final class Trend {

    private final Store store;
    private final Progress progress;

    public Trend(Store store, Progress progress) {
        this.store = Objects.requireNonNull(store, "store");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public TrendResult run(TrendRequest request) {
        TrendQueries queries = new TrendQueries(store);
        List<String> notes = new ArrayList<>();
        String setName = resolveSet(request.setName());
        Integer version = setName == null ? null : store.currentCaseVersion(setName).orElseThrow();
        List<EvalCase> caseList = setName == null ? List.of() : store.cases(setName, version);
        Integer setCases = setName == null ? null : caseList.size();
        StaleCases stale = setName == null ? null : ConceptShift.find(caseList, request.policies(),
                request.asOf() != null ? request.asOf() : LocalDate.now(ZoneOffset.UTC), !request.includeStale());
        if (setName == null) {
            notes.add("no eval set in this workspace: offline scores are means over every scored case of each release");
        }
        int b = request.bootstrap();
        double confidence = request.confidence();
        long seed = request.seed();

        // ---- offline scores ------------------------------------------------------------------
        progress.update("trend", 0, 4);
        List<CaseScore> caseScores = setName == null ? queries.caseScores() : queries.caseScores(setName, version);
        if (stale != null && !request.includeStale()) {
            caseScores = ConceptShift.without(caseScores, stale);
        }
        notes.addAll(staleNotes(stale));
        List<RunSummary> summaries = queries.runSummaries(setName, version == null ? 0 : version);
        Map<String, List<CaseScore>> scoresByRelease = OfflineScores.byRelease(caseScores);
        Map<String, OfflineScore> offline = OfflineScores.compute(scoresByRelease, summaries, b, confidence, seed);
        summaries.stream().filter(s -> s.unmatchedCases() > 0).forEach(s -> notes.add(String.format(Locale.ROOT,
                "release %s: %d scored case(s) are not in set '%s' v%d and are left out of its offline score",
                s.release(), s.unmatchedCases(), setName, version)));

        // ---- online KPIs -------------------------------------------------------------------
        progress.update("trend", 1, 4);
        List<FeedbackCounts> counts = queries.feedbackCounts();
        Map<List<Object>, FeedbackKpis> kpis = new LinkedHashMap<>();
        Map<List<Object>, FeedbackCounts> countsByKey = new HashMap<>();
        for (FeedbackCounts c : counts) {
            List<Object> key = java.util.Arrays.asList(c.scope(), c.release(), c.window());
            countsByKey.put(key, c);
            kpis.put(key, FeedbackKpis.of(c, confidence, b, seed));
        }
        List<IngestedKpi> ingested = new ArrayList<>();
        for (KpiObservation k : queries.kpis()) {
            ingested.add(IngestedKpi.of(k, confidence));
        }

        // ---- releases ----------------------------------------------------------------------
        List<FeedbackCounts> releaseCounts = counts.stream()
                .filter(c -> c.scope() == Scope.RELEASE && c.release() != null).toList();
        List<String> order = new ArrayList<>(releaseCounts.stream().map(FeedbackCounts::release).toList());
        offline.keySet().stream().filter(r -> !order.contains(r)).sorted().forEach(order::add);
        List<ReleaseTrend> releases = new ArrayList<>();
        for (String release : order) {
            FeedbackCounts c = countsByKey.get(java.util.Arrays.asList(Scope.RELEASE, release, null));
            List<String> windows = counts.stream()
                    .filter(x -> x.scope() == Scope.CELL && release.equals(x.release()))
                    .sorted(Comparator.comparing(FeedbackCounts::firstTs)).map(FeedbackCounts::window).toList();
            releases.add(new ReleaseTrend(release, c == null ? null : c.firstTs(), c == null ? null : c.lastTs(),
                    windows, offline.get(release), c == null ? null : kpis.get(java.util.Arrays.asList(Scope.RELEASE,
                    release, null)), ingested.stream().filter(k -> release.equals(k.release()) && k.window() == null)
                    .toList()));
            if (c != null && !offline.containsKey(release)) {
                notes.add("release " + release + " served traffic but has no offline runs"
                        + (setName == null ? "" : " on set '" + setName + "'"));
            }
            if (c == null) {
                notes.add("release " + release + " has offline runs but no production traffic");
            }
        }
        Map<String, Integer> releaseRank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            releaseRank.put(order.get(i), i);
        }
        long unreleased = counts.stream().filter(c -> c.scope() == Scope.RELEASE && c.release() == null)
                .mapToLong(FeedbackCounts::interactions).sum();
        if (unreleased > 0) {
            notes.add(String.format(Locale.ROOT, "%,d production record(s) carry no release: they count in the window "
                    + "KPIs but in no release's", unreleased));
        }

        // ---- windows -----------------------------------------------------------------------
        progress.update("trend", 2, 4);
        Map<String, StoredGaps.Stored> gaps = setName == null ? Map.of()
                : StoredGaps.latestByWindow(store.results("gap"), setName);
        List<WindowTrend> windows = new ArrayList<>();
        for (FeedbackCounts w : counts.stream().filter(c -> c.scope() == Scope.WINDOW).toList()) {
            List<String> live = counts.stream()
                    .filter(c -> c.scope() == Scope.CELL && w.window().equals(c.window()) && c.release() != null)
                    .map(FeedbackCounts::release).sorted(Comparator.comparing(releaseRank::get)).toList();
            String newest = live.isEmpty() ? null : live.get(live.size() - 1);
            OfflineScore score = newest == null ? null : offline.get(newest);
            StoredGaps.Stored gap = gaps.get(w.window());
            windows.add(new WindowTrend(w.window(), w.firstTs(), live, newest, score == null ? null : score.mean(),
                    score == null ? null : score.interval(), gap == null ? null : gap.point(),
                    kpis.get(java.util.Arrays.asList(Scope.WINDOW, null, w.window())),
                    ingested.stream().filter(k -> w.window().equals(k.window()) && k.release() == null).toList()));
        }
        if (setName != null && gaps.isEmpty()) {
            notes.add("no stored gap result for set '" + setName + "': run `evalgap gap --set " + setName
                    + " --window all` to put the gap on the timeline");
        }
        List<ScoreGapFlag> flags = flags(windows);

        List<FeedbackKpis> cells = counts.stream().filter(c -> c.scope() == Scope.CELL)
                .map(c -> kpis.get(java.util.Arrays.asList(Scope.CELL, c.release(), c.window()))).toList();
        FeedbackKpis overall = kpis.get(java.util.Arrays.asList(Scope.ALL, null, null));
        if (overall != null && overall.selectionBiasWarning()) {
            notes.add(String.format(Locale.ROOT, "only %.1f%% of interactions carry explicit feedback (thumbs or CSAT): "
                    + "those who click are not typical users; prefer the implicit signals (retry, edit, abandonment)",
                    100 * overall.explicitFeedback().value()));
        }

        // ---- agreement and production weighting ------------------------------------------------
        progress.update("trend", 3, 4);
        Agreement agreement = AgreementAnalysis.compute(releases, request.kpiDirections(), request.lastReleases(), b,
                confidence, seed);
        ProductionWeightedScore weighted = productionWeighted(request, setName, version, gaps, windows,
                orderedScores(scoresByRelease, order));
        GoodhartGauge goodhart = goodhart(request, setName, caseList, stale, orderedScores(scoresByRelease, order));
        progress.update("trend", 4, 4);
        return new TrendResult(setName, version, setCases, List.copyOf(releases), List.copyOf(windows), cells, overall,
                List.copyOf(ingested), flags, agreement, weighted, List.copyOf(notes), b, confidence, seed,
                "each figure's bootstrap seed = SplitMix64(FNV-1a(figure name) XOR seed)", Provenance.now(), stale,
                goodhart);
    }

    private static List<String> staleNotes(StaleCases stale) {
        List<String> out = new ArrayList<>();
        if (stale == null) {
            return out;
        }
        if (!stale.cases().isEmpty()) {
            out.add(String.format(Locale.ROOT, "%d stale case(s) (%d expired as of %s, %d citing a superseded policy) %s",
                    stale.cases().size(), stale.expired(), stale.asOf(), stale.policySuperseded(), stale.excluded()
                            ? "are left out of every offline score (--include-stale keeps them)"
                            : "are kept in the offline scores (--include-stale)"));
        }
        if (!stale.undeclaredPolicies().isEmpty()) {
            out.add("cases cite policy versions not declared under policies: in evalgap.yaml "
                    + stale.undeclaredPolicies() + ": declare each policy's current version to leave out outdated cases");
        }
        return out;
    }

    private static GoodhartGauge goodhart(TrendRequest request, String setName, List<EvalCase> cases, StaleCases stale,
                                          Map<String, List<CaseScore>> scores) {
        if (cases.isEmpty()) {
            return GoodhartGauge.skipped("no eval set");
        }
        java.util.Set<String> staleIds = new java.util.HashSet<>();
        if (stale != null && !request.includeStale()) {
            stale.cases().forEach(c -> staleIds.add(c.caseId()));
        }
        java.util.Set<String> sealed = new java.util.HashSet<>();
        int publicCases = 0;
        for (EvalCase c : cases) {
            if (staleIds.contains(c.caseId())) {
                continue;
            }
            if (EvalCase.SPLIT_SEALED.equals(c.split())) {
                sealed.add(c.caseId());
            } else {
                publicCases++;
            }
        }
        return Goodhart.compute(setName, scores, sealed, publicCases, sealed.size(), request.baseline(), request.bootstrap(),
                request.confidence(), request.seed());
    }

    private String resolveSet(String requested) {
        Map<String, Integer> sets = store.caseSets();
        if (requested != null) {
            if (!sets.containsKey(requested)) {
                throw new IllegalArgumentException("no eval set '" + requested + "' in this workspace; sets: "
                        + sets.keySet());
            }
            return requested;
        }
        if (sets.size() > 1) {
            throw new IllegalArgumentException("this workspace holds several eval sets " + sets.keySet()
                    + ": choose one with --set NAME");
        }
        return sets.isEmpty() ? null : sets.keySet().iterator().next();
    }

    private static Map<String, List<CaseScore>> orderedScores(Map<String, List<CaseScore>> scores, List<String> order) {
        Map<String, List<CaseScore>> out = new LinkedHashMap<>();
        for (String release : order) {
            if (scores.containsKey(release)) {
                out.put(release, scores.get(release));
            }
        }
        return out;
    }

    /** Consecutive windows with a stored gap and an offline score: both rose. */
    static List<ScoreGapFlag> flags(List<WindowTrend> windows) {
        List<ScoreGapFlag> out = new ArrayList<>();
        WindowTrend previous = null;
        for (WindowTrend w : windows) {
            if (w.gap() == null || w.offlineScore() == null || Double.isNaN(w.gap().gapScore())) {
                continue;
            }
            if (previous != null && w.offlineScore() > previous.offlineScore()
                    && w.gap().gapScore() > previous.gap().gapScore()) {
                boolean detected = w.gap().gapInterval() != null && !w.gap().gapInterval().contains(0);
                out.add(new ScoreGapFlag(previous.window(), w.window(), previous.release(), w.release(),
                        previous.offlineScore(), w.offlineScore(), previous.gap().gapScore(), w.gap().gapScore(),
                        detected, String.format(Locale.ROOT, "%s -> %s (%s -> %s): offline score %.3f -> %.3f while the "
                                + "gap score rose %.3f -> %.3f: %s", previous.window(), w.window(), previous.release(),
                                w.release(), previous.offlineScore(), w.offlineScore(), previous.gap().gapScore(),
                                w.gap().gapScore(), detected
                                        ? "the suite moved away from production, so the score gain is not evidence of "
                                                + "a better product"
                                        : "the later gap's interval includes 0, so the rise may be noise")));
            }
            previous = w;
        }
        return List.copyOf(out);
    }

    private ProductionWeightedScore productionWeighted(TrendRequest request, String setName, Integer version,
                                                      Map<String, StoredGaps.Stored> gaps, List<WindowTrend> windows,
                                                      Map<String, List<CaseScore>> scores) {
        if (!request.productionWeighting()) {
            return ProductionWeightedScore.skipped("not requested");
        }
        if (setName == null) {
            return ProductionWeightedScore.skipped("no eval set: there is no topic map to weight by");
        }
        if (scores.isEmpty()) {
            return ProductionWeightedScore.skipped("no offline runs on set '" + setName + "'");
        }
        Optional<StoredGaps.Stored> latest = windows.stream().map(w -> gaps.get(w.window()))
                .filter(Objects::nonNull).reduce((a, b) -> b);
        if (latest.isEmpty()) {
            return ProductionWeightedScore.skipped("no stored gap result for set '" + setName + "'");
        }
        return ProductionWeighting.compute(store, setName, version, latest.get(), scores, request.bootstrap(),
                request.confidence(), request.seed(), progress);
    }
}
