package dev.evalgap.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.Progress;
import dev.evalgap.Provenance;
import dev.evalgap.ResultJson;
import dev.evalgap.Threshold;
import dev.evalgap.embed.Embedder;
import dev.evalgap.gap.GapAnalysis;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.stats.Interval;
import dev.evalgap.store.Store;
import dev.evalgap.store.WindowCount;
import dev.evalgap.trend.Agreement;
import dev.evalgap.trend.AgreementAnalysis;
import dev.evalgap.trend.Direction;
import dev.evalgap.trend.GapPoint;
import dev.evalgap.trend.GoodhartGauge;
import dev.evalgap.trend.KpiAgreement;
import dev.evalgap.trend.OverfitIndex;
import dev.evalgap.trend.ReleaseTrend;
import dev.evalgap.trend.SplitScores;
import dev.evalgap.trend.StaleCases;
import dev.evalgap.trend.Trend;
import dev.evalgap.trend.TrendRequest;
import dev.evalgap.trend.TrendResult;
import dev.evalgap.trend.WindowTrend;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The release gate: evaluates the configured thresholds on the gap of one window and on the
 * timeline as of that window.
 *
 * <ul>
 *   <li>Gap figures (gap score, relative coverage): the newest stored gap result of the window for
 *       the set's current version; when there is none, the gap is computed (and stored) with the
 *       given embedder first.</li>
 *   <li>Timeline figures: {@link Trend} over the releases live up to and including the window (a
 *       release is live from its first production record): the offline↔online rank correlation
 *       per online KPI with a known direction (Spearman's ρ times the KPI's sign, so &gt; 0 means the
 *       offline score moves with users), the overfit index of the newest such release since the
 *       baseline, and the share of the set's cases that are stale (expired, or citing a superseded
 *       policy).</li>
 * </ul>
 *
 * <p>A figure that cannot be computed (fewer than 3 releases, no sealed split, no coverage) is
 * {@link CheckItem.Status#SKIP skipped} with the reason; with {@link CheckRequest#strict()} a skip
 * fails the gate.
 */
public final class CheckAnalysis {

    private static final String NO_REFERENCE = "too few production records for a reference sample";

    private final Store store;
    private final Supplier<Embedder> embedders;
    private final Progress progress;

    /**
     * @param embedders opens the embedder when a gap has to be computed (closed after use)
     */
    public CheckAnalysis(Store store, Supplier<Embedder> embedders, Progress progress) {
        this.store = Objects.requireNonNull(store, "store");
        this.embedders = Objects.requireNonNull(embedders, "embedders");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public CheckResult run(CheckRequest r) {
        Map<String, Integer> sets = store.caseSets();
        String set = r.setName();
        if (set == null) {
            if (sets.size() != 1) {
                throw new IllegalArgumentException(sets.isEmpty() ? "no eval set in this workspace (ingest one with "
                        + "`evalgap ingest cases --set NAME FILE`)"
                        : "this workspace holds several eval sets " + sets.keySet() + ": choose one with --set NAME");
            }
            set = sets.keySet().iterator().next();
        }
        if (!sets.containsKey(set)) {
            throw new IllegalArgumentException("no eval set '" + set + "' in this workspace; sets: " + sets.keySet());
        }
        int version = sets.get(set);
        String window = resolveWindow(r.window());
        Map<Threshold, Double> limits = new EnumMap<>(Threshold.class);
        r.thresholds().forEach((k, v) -> limits.put(Threshold.parse(k), v));
        List<String> notes = new ArrayList<>();
        if (limits.isEmpty()) {
            notes.add("no thresholds in evalgap.yaml: nothing to check (set e.g. thresholds: {max_gap_score: 0.3})");
        }

        boolean needsGap = limits.keySet().stream().anyMatch(Threshold::onGapFigures);
        boolean computed = false;
        if (needsGap && !hasStoredGap(set, version, window)) {
            try (Embedder embedder = embedders.get()) {
                new GapAnalysis(store, embedder, progress).run(new GapRequest(set, window, r.sampleSize(),
                        r.gapOptions()));
            }
            computed = true;
            notes.add("no stored gap result of " + window + " for set '" + set + "' v" + version
                    + ": computed (and stored) it now");
        }
        long seed = r.gapOptions().seed();
        TrendResult trend = new Trend(store, progress).run(new TrendRequest(set, TrendRequest.DEFAULT_LAST_RELEASES,
                Map.of(), r.bootstrap(), r.confidence(), seed, false, r.asOf(), r.policies(), false, r.baseline()));
        List<String> windowOrder = trend.windows().stream().map(WindowTrend::window).toList();
        int at = windowOrder.indexOf(window);
        List<ReleaseTrend> live = trend.releases().stream()
                .filter(x -> !x.windows().isEmpty() && windowOrder.indexOf(x.windows().get(0)) <= at).toList();
        WindowTrend w = trend.windows().get(at);

        List<CheckItem> checks = new ArrayList<>();
        for (Map.Entry<Threshold, Double> e : limits.entrySet()) {
            double limit = e.getValue();
            switch (e.getKey()) {
                case MAX_GAP_SCORE -> checks.add(gapScore(w.gap(), window, limit));
                case MIN_RELATIVE_COVERAGE -> checks.add(productionFigure(e.getKey(), w.gap(),
                        GapPoint::relativeCoverage, GapPoint::relativeCoverageInterval, window, limit, NO_REFERENCE));
                case MAX_UNCOVERED_SHARE -> checks.add(productionFigure(e.getKey(), w.gap(),
                        GapPoint::uncoveredShare, GapPoint::uncoveredShareInterval, window, limit, NO_REFERENCE));
                case MAX_NO_CASE_SHARE -> checks.add(productionFigure(e.getKey(), w.gap(),
                        GapPoint::noCaseShare, g -> null, window, limit, "no topic map"));
                case MIN_OFFLINE_ONLINE_CORRELATION -> checks.addAll(correlation(live, r, seed, limit, notes));
                case MAX_OVERFIT_INDEX -> checks.add(overfit(trend.goodhart(), live, window, limit));
                case MAX_EXPIRED_CASE_SHARE -> checks.add(stale(trend.staleCases(), limit));
                default -> throw new AssertionError(e.getKey());
            }
        }
        boolean passed = checks.stream().noneMatch(c -> c.status() == CheckItem.Status.FAIL
                || r.strict() && c.status() == CheckItem.Status.SKIP);
        return new CheckResult(set, version, window, live.stream().map(ReleaseTrend::release).toList(),
                trend.staleCases().asOf(), computed, List.copyOf(checks), passed, r.strict(), List.copyOf(notes), seed,
                Provenance.now());
    }

    private String resolveWindow(String selector) {
        List<WindowCount> windows = store.windows();
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no production traffic in this workspace (ingest some with "
                    + "`evalgap ingest traffic FILE`)");
        }
        if (GapRequest.LATEST.equals(selector)) {
            return windows.get(windows.size() - 1).window();
        }
        return windows.stream().map(WindowCount::window).filter(selector::equals).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no traffic in window '" + selector + "'; windows: "
                        + windows.stream().map(WindowCount::window).toList()));
    }

    private boolean hasStoredGap(String set, int version, String window) {
        for (String text : store.results("gap")) {
            JsonNode json;
            try {
                json = ResultJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored gap result is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (set.equals(json.path("setName").asText(null)) && window.equals(json.path("window").asText(null))
                    && json.path("setVersion").asInt(-1) == version) {
                return true;
            }
        }
        return false;
    }

    // ---- the checks -----------------------------------------------------------------------------

    private static CheckItem gapScore(GapPoint g, String window, double limit) {
        Threshold t = Threshold.MAX_GAP_SCORE;
        if (g == null || Double.isNaN(g.gapScore())) {
            return skip(t.key(), t, limit, "no gap result of " + window);
        }
        String sample = String.format(Locale.ROOT, "%d eval cases + %d production records of %s", g.evalSample(),
                g.productionSample(), window);
        return item(t.key(), t, g.gapScore(), g.gapInterval(), limit, g.evalSample() + g.productionSample(), sample,
                "%.3f", "");
    }

    /** A figure of the production sample of the window's gap result, which may lack it ({@code missing} says why). */
    private static CheckItem productionFigure(Threshold t, GapPoint g, Function<GapPoint, Double> figure,
                                              Function<GapPoint, Interval> interval, String window, double limit,
                                              String missing) {
        Double value = g == null ? null : figure.apply(g);
        if (value == null || Double.isNaN(value)) {
            return skip(t.key(), t, limit, "no " + t.figure() + " for " + window
                    + (g == null ? " (no gap result)" : " (" + missing + ")"));
        }
        return item(t.key(), t, value, interval.apply(g), limit, g.productionSample(),
                g.productionSample() + " production records of " + window, "%.3f", "");
    }

    private static List<CheckItem> correlation(List<ReleaseTrend> live, CheckRequest r, long seed, double limit,
                                               List<String> notes) {
        Threshold t = Threshold.MIN_OFFLINE_ONLINE_CORRELATION;
        Agreement agreement = AgreementAnalysis.compute(live, Map.of(), TrendRequest.DEFAULT_LAST_RELEASES,
                r.bootstrap(), r.confidence(), seed);
        List<CheckItem> out = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        for (KpiAgreement k : agreement.allReleases()) {
            if (k.direction() == Direction.UNKNOWN) {
                unjudged.add(k.kpi());
                continue;
            }
            String name = t.key() + "[" + k.kpi() + "]";
            int n = k.releases().size();
            String range = n == 0 ? "" : n == 1 ? " " + k.releases().get(0)
                    : " " + k.releases().get(0) + ".." + k.releases().get(n - 1);
            String sample = n + " releases" + range;
            if (n < 3 || !k.spearman().defined()) {
                out.add(skip(name, t, limit, String.format(Locale.ROOT, "%s: %d release(s)%s with an offline score "
                        + "and the KPI; a rank correlation needs 3 with varying values", k.kpi(), n, range)));
                continue;
            }
            int sign = k.direction().sign();
            Interval i = k.spearman().interval();
            Interval oriented = i == null ? null : sign > 0 ? i
                    : new Interval(-i.high(), -i.low(), i.confidence());
            out.add(item(name, t, sign * k.spearman().estimate(), oriented, limit, n, sample, "%.2f",
                    " (" + k.kpi() + ", " + (sign > 0 ? "higher is better" : "lower is better: rho x -1") + ")"));
        }
        if (out.isEmpty()) {
            out.add(skip(t.key(), t, limit, "no online KPI with a known direction on the releases up to the window"));
        }
        if (!unjudged.isEmpty()) {
            notes.add("ingested KPIs " + unjudged + " have no direction and are not checked for correlation");
        }
        return out;
    }

    private static CheckItem overfit(GoodhartGauge g, List<ReleaseTrend> live, String window, double limit) {
        Threshold t = Threshold.MAX_OVERFIT_INDEX;
        if (g.skipped() != null) {
            return skip(t.key(), t, limit, g.skipped());
        }
        SplitScores newest = null;
        for (ReleaseTrend x : live) {
            SplitScores s = g.of(x.release());
            if (s != null) {
                newest = s;
            }
        }
        if (newest == null || newest.overfit() == null) {
            return skip(t.key(), t, limit, "no release after the baseline " + g.baseline() + " with offline runs is "
                    + "live by " + window);
        }
        OverfitIndex o = newest.overfit();
        if (Double.isNaN(o.value())) {
            return skip(t.key(), t, limit, String.format(Locale.ROOT, "%s: no case of a split scored in both %s and %s "
                    + "(public %d, sealed %d)", newest.release(), newest.release(), g.baseline(), o.publicPairs(),
                    o.sealedPairs()));
        }
        String sample = String.format(Locale.ROOT, "%d public + %d sealed cases scored in %s and %s", o.publicPairs(),
                o.sealedPairs(), newest.release(), g.baseline());
        return item(t.key(), t, o.value(), o.interval(), limit, o.publicPairs() + o.sealedPairs(), sample, "%.3f",
                String.format(Locale.ROOT, " (%s since %s: public gain %+.3f, sealed gain %+.3f)", newest.release(),
                        g.baseline(), o.publicGain(), o.sealedGain()));
    }

    private static CheckItem stale(StaleCases s, double limit) {
        Threshold t = Threshold.MAX_EXPIRED_CASE_SHARE;
        String sample = String.format(Locale.ROOT, "%d of %d cases out of date: %d expired as of %s, %d citing a "
                + "superseded policy", s.cases().size(), s.setCases(), s.expired(), s.asOf(), s.policySuperseded());
        if (s.setCases() == 0) {
            return skip(t.key(), t, limit, "the eval set has no cases");
        }
        return item(t.key(), t, s.share(), null, limit, s.setCases(), sample, "%.3f", "");
    }

    private static CheckItem item(String name, Threshold t, double value, Interval interval, double limit, long n,
                                  String sample, String format, String detail) {
        boolean pass = t.passes(value, limit);
        String range = interval == null ? String.format(Locale.ROOT, format, value)
                : String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", value, interval.low(),
                interval.high());
        String cmp = pass ? (t.failsAbove() ? "<=" : ">=") : (t.failsAbove() ? ">" : "<");
        String message = String.format(Locale.ROOT, "%s %s %s " + format + "%s; n = %d (%s)", t.figure(), range, cmp,
                limit, detail, n, sample);
        return new CheckItem(name, t, t.figure(), value, interval, limit, n, sample,
                pass ? CheckItem.Status.PASS : CheckItem.Status.FAIL, message);
    }

    private static CheckItem skip(String name, Threshold t, double limit, String why) {
        return new CheckItem(name, t, t.figure(), Double.NaN, null, limit, 0, "", CheckItem.Status.SKIP,
                t.figure() + " not available: " + why);
    }
}
