package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.check.CheckAnalysis;
import dev.evalgap.check.CheckItem;
import dev.evalgap.check.CheckRequest;
import dev.evalgap.check.CheckResult;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"The release gate for CI: evaluates the thresholds of evalgap.yaml (max_gap_score, "
                + "min_relative_coverage, max_uncovered_share, max_no_case_share, min_offline_online_correlation, "
                + "max_overfit_index, max_expired_case_share; "
                + "an absent threshold is not checked) and prints each check as figure vs threshold with n.",
                "Gap figures come from the latest stored gap result of the window (computed with the configured "
                        + "embedder when none is stored); timeline figures from the releases live up to the window."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed (skipped checks do not fail unless --strict)", "1:a check failed",
                "2:usage or input error"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", paramLabel = "NAME", description = "Eval set (default: the workspace's only set).")
    String set;

    @Option(names = "--window", defaultValue = GapRequest.LATEST, paramLabel = "W",
            description = "latest (default) or a window label such as 2026-W47.")
    String window;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: one testcase per check.")
    Path junit;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Reference date of case expiry (default: today, UTC).")
    String asOf;

    @Option(names = "--baseline", paramLabel = "RELEASE",
            description = "Baseline release of the overfit index (default: the first release with runs).")
    String baseline;

    @Option(names = "--strict", description = "A check that cannot be evaluated (SKIP) fails the gate.")
    boolean strict;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: seed).")
    Long seed;

    @Option(names = "--sample", paramLabel = "N", description = "Production records scored when the gap has to be "
            + "computed (default: gap.sample).")
    Integer sample;

    @Option(names = "--embedder", paramLabel = "NAME",
            description = "Embedder when the gap has to be computed (default: embedding.model).")
    String embedderName;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        LocalDate date = null;
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of: not a date (\"" + asOf + "\"); e.g. 2026-11-30");
            }
        }
        CheckResult result;
        Progress progress = TerminalProgress.forTerminal();
        try (Workspace ws = workspace.open()) {
            WorkspaceConfig cfg = ws.config();
            CheckRequest request = new CheckRequest(set, window, cfg.thresholdsOrEmpty(), cfg.policiesOrEmpty(), date,
                    baseline, sample != null ? sample : cfg.gap().sample(),
                    cfg.gapOptions(seed, null, null), cfg.gap().bootstrap(), cfg.gap().confidence(), strict);
            String model = embedderName != null ? embedderName : cfg.embedding().model();
            result = new CheckAnalysis(ws.store(), () -> new CachingEmbedder(Embedders.create(model), ws.store()),
                    progress).run(request);
        }
        TerminalProgress.clear(progress);
        PrintWriter out = spec.commandLine().getOut();
        ResultOutput.print(out, json, result, CheckCommand::print);
        if (junit != null) {
            CheckJunit.write(result, junit);
            if (!json) {
                out.println("JUnit XML written to " + junit);
            }
        }
        out.flush();
        return result.passed() ? 0 : 1;
    }

    static void print(CheckResult r, PrintWriter out) {
        String releases = r.releases().isEmpty() ? "none"
                : r.releases().size() == 1 ? r.releases().get(0)
                : r.releases().get(0) + ".." + r.releases().get(r.releases().size() - 1);
        out.printf(Locale.ROOT, "check: eval set '%s' v%d, window %s; releases live up to it: %s; expiry as of %s; "
                + "seed %d%n%n", r.setName(), r.setVersion(), r.window(), releases, r.asOf(), r.seed());
        for (CheckItem c : r.checks()) {
            out.printf(Locale.ROOT, "%-4s  %s: %s%n", c.status(), c.name(), c.message());
        }
        r.notes().forEach(n -> out.println("note: " + n));
        out.println();
        out.printf(Locale.ROOT, "%s: %d check(s), %d failed, %d skipped%s%n", r.passed() ? "PASSED" : "FAILED",
                r.checks().size(), r.failures(), r.skipped(), r.strict() ? " (--strict: skipped checks fail)" : "");
    }
}
