package dev.evalgap.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.check.CheckAnalysis;
import dev.evalgap.check.CheckRequest;
import dev.evalgap.check.CheckResult;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.Refresh;
import dev.evalgap.gap.RefreshSuggestions;
import dev.evalgap.raters.RatersAnalysis;
import dev.evalgap.raters.RatersRequest;
import dev.evalgap.raters.Rating;
import dev.evalgap.seal.SealedTexts;
import dev.evalgap.trend.StoredGaps;
import dev.evalgap.trend.Trend;
import dev.evalgap.trend.TrendRequest;
import dev.evalgap.trend.TrendResult;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views of the report and the dashboard, each as the JSON the page renders, computed from one
 * open workspace. Nothing is computed that the commands would not compute: the timeline is
 * {@code trend}, the gate is {@code check}, the gap view is the stored {@code gap} result of a window,
 * the candidates are {@code suggest}, the rater view is {@code raters}. Every view passes through {@link SealedMask}.
 */
public final class ReportViews {

    private final Workspace ws;
    private final ReportSettings settings;
    private final Progress progress;
    private TrendResult trend;
    private SealedTexts sealed;
    private Map<String, StoredGaps.Stored> storedGaps;

    public ReportViews(Workspace ws, ReportSettings settings, Progress progress) {
        this.ws = ws;
        this.settings = settings;
        this.progress = progress;
    }

    /** The timeline ({@code evalgap trend}) with the workspace's settings. */
    public TrendResult trendResult() {
        if (trend == null) {
            WorkspaceConfig cfg = ws.config();
            TrendRequest request = new TrendRequest(settings.setName(), TrendRequest.DEFAULT_LAST_RELEASES, Map.of(),
                    cfg.gap().bootstrap(), cfg.gap().confidence(), seed(), true, null, cfg.policiesOrEmpty(), false,
                    null);
            trend = new Trend(ws.store(), progress).run(request);
        }
        return trend;
    }

    public JsonNode trend() {
        return masked(trendResult());
    }

    /** Windows with a stored gap result of the set, oldest first. */
    public List<String> gapWindows() {
        List<String> out = new ArrayList<>(storedGaps().keySet());
        out.sort(null);
        return out;
    }

    /** The newest window with a stored gap result, if any. */
    public Optional<String> newestGapWindow() {
        List<String> windows = gapWindows();
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.get(windows.size() - 1));
    }

    /** The stored gap result of a window, or empty when `gap` has not been run on it. */
    public Optional<JsonNode> gap(String window) {
        StoredGaps.Stored stored = storedGaps().get(window);
        return stored == null ? Optional.empty() : Optional.of(SealedMask.apply(stored.json().deepCopy(), sealed()));
    }

    /** The gate ({@code evalgap check}) on a window with the thresholds of evalgap.yaml. */
    public CheckResult checkResult(String window) {
        WorkspaceConfig cfg = ws.config();
        CheckRequest request = new CheckRequest(setName(), window, cfg.thresholdsOrEmpty(), cfg.policiesOrEmpty(),
                null, null, cfg.gap().sample(), cfg.gapOptions(settings.seed(), null, null), cfg.gap().bootstrap(),
                cfg.gap().confidence(), false);
        return new CheckAnalysis(ws.store(), this::embedder, progress).run(request);
    }

    public JsonNode check(String window) {
        return masked(checkResult(window));
    }

    /** Refresh candidates ({@code evalgap suggest}) for a window; an empty list when none are asked for. */
    public JsonNode candidates(String window) {
        if (settings.candidates() == 0) {
            return JsonNodeFactory.instance.objectNode().put("window", window).set("candidates",
                    JsonNodeFactory.instance.arrayNode());
        }
        WorkspaceConfig cfg = ws.config();
        GapRequest request = new GapRequest(setName(), window, cfg.gap().sample(),
                cfg.gapOptions(settings.seed(), null, null));
        RefreshSuggestions suggestions;
        try (Embedder embedder = embedder()) {
            suggestions = new Refresh(ws.store(), embedder, progress).suggest(request, settings.candidates());
        }
        ObjectNode out = (ObjectNode) masked(suggestions);
        out.remove("gap"); // the gap view already shows it; the candidates view is the list
        return out;
    }

    /** Rater agreement, drift and bias ({@code evalgap raters}); a JSON null when no ratings were ingested. */
    public JsonNode raters() {
        List<Rating> ratings = ws.store().ratings();
        if (ratings.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        WorkspaceConfig cfg = ws.config();
        return masked(new RatersAnalysis(new RatersRequest(cfg.gap().bootstrap(), cfg.gap().confidence(), seed()))
                .run(ratings));
    }

    /** The header: the verdict sentences and the gate of a window (null = no window with a stored gap). */
    public ObjectNode summary(String window) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("window", window);
        CheckResult check = window == null ? null : checkResult(window);
        out.set("verdict", ResultJson.mapper().valueToTree(
                ReportVerdict.lines(trendResult(), window == null ? null : gap(window).orElse(null), check)));
        out.set("check", check == null ? JsonNodeFactory.instance.nullNode() : masked(check));
        return out;
    }

    /** Every view the report shows, for one window of the gap view. */
    public ObjectNode report(String window) {
        ObjectNode out = summary(window);
        out.set("trend", trend());
        ArrayNode windows = out.putArray("windows");
        gapWindows().forEach(windows::add);
        ObjectNode gaps = out.putObject("gaps");
        for (String w : gapWindows()) {
            gap(w).ifPresent(g -> gaps.set(w, g));
        }
        out.set("raters", raters());
        out.set("candidates", window == null ? JsonNodeFactory.instance.nullNode() : candidates(window));
        return out;
    }

    public String setName() {
        return trendResult().setName();
    }

    private long seed() {
        return settings.seed() != null ? settings.seed() : ws.config().seed();
    }

    private Embedder embedder() {
        return new CachingEmbedder(Embedders.create(ws.config().embedding().model()), ws.store());
    }

    private Map<String, StoredGaps.Stored> storedGaps() {
        if (storedGaps == null) {
            storedGaps = setName() == null ? Map.of()
                    : StoredGaps.latestByWindow(ws.store().results("gap"), setName());
        }
        return storedGaps;
    }

    private SealedTexts sealed() {
        if (sealed == null) {
            String set = setName();
            sealed = set == null ? SealedTexts.none()
                    : ws.store().currentCaseVersion(set)
                            .map(v -> SealedTexts.of(ws.store().cases(set, v)))
                            .orElse(SealedTexts.none());
        }
        return sealed;
    }

    private JsonNode masked(Object result) {
        return SealedMask.apply(ResultJson.mapper().valueToTree(result), sealed());
    }
}
