package dev.evalgap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.report.HtmlPage;
import dev.evalgap.report.ReportSettings;
import dev.evalgap.report.ReportViews;
import dev.evalgap.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report (no network, the chart library inlined): the verdict, "
                + "the timeline of offline score, gap, coverage and online KPIs, the gap view of a window with its "
                + "topics and example texts, offline-online agreement, the Goodhart gauge, candidate and stale cases "
                + "and the gate.",
                "Reads stored `gap` results (run `evalgap gap --window all` first); computes the timeline, the gate "
                        + "and the candidates like `trend`, `check` and `suggest`."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", paramLabel = "NAME", description = "Eval set (default: the workspace's only set).")
    String set;

    @Option(names = "--window", paramLabel = "WINDOW",
            description = "Window of the gap view, the gate and the candidates (default: the newest with a stored "
                    + "gap result); the report can switch to any window with a stored result.")
    String window;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "Report file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "" + ReportSettings.DEFAULT_CANDIDATES,
            description = "Refresh candidates to propose (default: ${DEFAULT-VALUE}; 0 = none).")
    int candidates;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: seed).")
    Long seed;

    @Option(names = "--json", description = "Also print the report's data (every view) as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (candidates < 0) {
            throw new ParameterException(spec.commandLine(), "--candidates must be >= 0");
        }
        Progress progress = TerminalProgress.forTerminal();
        ObjectNode data;
        String subtitle;
        try (Workspace ws = workspace.open()) {
            ReportViews views = new ReportViews(ws, new ReportSettings(set, seed, candidates), progress);
            String shown = window != null ? window : views.newestGapWindow().orElse(null);
            if (window != null && !views.gapWindows().contains(window)) {
                throw new ParameterException(spec.commandLine(), "--window " + window + ": no stored gap result; "
                        + "run `evalgap gap --window " + window + "` (windows with one: " + views.gapWindows() + ")");
            }
            data = views.report(shown);
            subtitle = "eval set " + views.setName() + (shown == null ? "" : ", " + shown);
        }
        TerminalProgress.clear(progress);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, HtmlPage.report(subtitle, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(ResultJson.write(data));
        } else {
            pw.println("report written to " + out.toAbsolutePath());
        }
        pw.flush();
        return 0;
    }
}
