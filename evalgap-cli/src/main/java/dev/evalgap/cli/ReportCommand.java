package dev.evalgap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgap.Progress;
import dev.evalgap.report.ReportFile;
import dev.evalgap.report.ReportSettings;
import dev.evalgap.report.ReportViews;
import dev.evalgap.workspace.Workspace;
import java.io.PrintWriter;
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
        try (Workspace ws = workspace.open()) {
            ReportViews views = new ReportViews(ws, new ReportSettings(set, seed, candidates), progress);
            if (window != null && !views.gapWindows().contains(window)) {
                throw new ParameterException(spec.commandLine(), "--window " + window + ": no stored gap result; "
                        + "run `evalgap gap --window " + window + "` (windows with one: " + views.gapWindows() + ")");
            }
            data = ReportFile.write(views, window, out);
        }
        TerminalProgress.clear(progress);
        PrintWriter pw = spec.commandLine().getOut();
        ResultOutput.print(pw, json, data, (d, o) -> o.println("report written to " + out.toAbsolutePath()));
        return 0;
    }
}
