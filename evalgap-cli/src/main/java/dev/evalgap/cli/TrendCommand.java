package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.trend.Direction;
import dev.evalgap.trend.ScoreGapFlag;
import dev.evalgap.trend.Trend;
import dev.evalgap.trend.TrendRequest;
import dev.evalgap.trend.TrendResult;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"The timeline: per release and per window, the offline score, the gap (from stored `gap` "
                + "results) and the online KPIs side by side, with counts and intervals.",
                "Flags windows where the offline score rose while the gap rose, and tests across releases whether "
                        + "the offline score still predicts each online KPI (Spearman and Kendall rank correlation, "
                        + "sign agreement of release-to-release moves).",
                "Also: public vs sealed score per release and the overfit index (after `evalgap seal`), and the stale "
                        + "cases (expired, or citing a superseded policy) left out of every offline score."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the timeline was computed (and, with --fail-on-alert, raised no alert)",
                "1:--fail-on-alert and an agreement alert or a score-up-while-gap-up flag with a detected gap",
                "2:usage or input error"})
final class TrendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", paramLabel = "NAME",
            description = "Eval set (its current version); default: the workspace's only set.")
    String set;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every bootstrap interval (default: seed).")
    Long seed;

    @Option(names = "--last", paramLabel = "N", defaultValue = "" + TrendRequest.DEFAULT_LAST_RELEASES,
            description = "Agreement also over the last N releases (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples (default: gap.bootstrap).")
    Integer bootstrap;

    @Option(names = "--kpi-direction", paramLabel = "METRIC=higher|lower", split = ",",
            description = "Direction of an ingested KPI (which way is better) for the agreement figures; "
                    + "repeatable or comma-separated. Unlisted ingested metrics are not judged.")
    List<String> directions = new ArrayList<>();

    @Option(names = "--no-weighting",
            description = "Skip the production-weighted offline score (it re-embeds the eval cases with the stored "
                    + "gap result's embedder, normally from the cache).")
    boolean noWeighting;

    @Option(names = "--fail-on-alert", description = "Exit 1 when an agreement alert or a score-up-while-gap-up flag "
            + "with a detected gap is raised (for CI).")
    boolean failOnAlert;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Reference date of case expiry (default: today, UTC): cases whose expires date is on or "
                    + "before it are stale.")
    String asOf;

    @Option(names = "--include-stale", description = "Keep stale cases (expired, or citing a policy version other "
            + "than the current one in evalgap.yaml policies:) in the offline scores; they are left out by default.")
    boolean includeStale;

    @Option(names = "--baseline", paramLabel = "RELEASE",
            description = "Baseline release of the overfit index (default: the first release with runs).")
    String baseline;

    @Override
    public Integer call() {
        Map<String, Direction> kpiDirections = directions();
        java.time.LocalDate date = null;
        if (asOf != null) {
            try {
                date = java.time.LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of: not a date (\"" + asOf + "\"); e.g. 2026-11-30");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = TerminalProgress.forTerminal();
        TrendResult result;
        try (Workspace ws = workspace.open()) {
            WorkspaceConfig cfg = ws.config();
            TrendRequest request = new TrendRequest(set, last, kpiDirections,
                    bootstrap != null ? bootstrap : cfg.gap().bootstrap(), cfg.gap().confidence(),
                    seed != null ? seed : cfg.seed(), !noWeighting, date, cfg.policiesOrEmpty(), includeStale,
                    baseline);
            result = new Trend(ws.store(), progress).run(request);
        }
        TerminalProgress.clear(progress);
        ResultOutput.print(out, json, result, TrendTable::print);
        boolean alert = !result.agreement().alerts().isEmpty()
                || result.scoreUpGapUp().stream().anyMatch(ScoreGapFlag::gapDetected);
        return failOnAlert && alert ? 1 : 0;
    }

    private Map<String, Direction> directions() {
        Map<String, Direction> out = new LinkedHashMap<>();
        for (String d : directions) {
            int eq = d.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected METRIC=higher|lower");
                }
                out.put(d.substring(0, eq).trim(), Direction.parse(d.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--kpi-direction '" + d + "': " + e.getMessage());
            }
        }
        return out;
    }
}
