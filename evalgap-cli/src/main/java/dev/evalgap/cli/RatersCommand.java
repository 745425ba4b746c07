package dev.evalgap.cli;

import dev.evalgap.raters.RatersAnalysis;
import dev.evalgap.raters.RatersReport;
import dev.evalgap.raters.RatersRequest;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "raters", mixinStandardHelpOptions = true,
        description = {"Rater integrity, from the ingested ratings (`evalgap ingest ratings`): agreement between "
                + "raters and between the human consensus and each LLM judge (percent agreement, Cohen's and "
                + "weighted kappa, Fleiss' kappa, Krippendorff's alpha, rank correlation, pairwise with and without "
                + "ties), per period and per judge version, human cohort and rubric version.",
                "Also: drift attribution on the anchor set (system vs judge vs humans), judge biases (length, "
                        + "position, self-preference) and labeler homogenization (converged or collapsed?). Every "
                        + "interval is a bootstrap over items; unusable ratings are counted and left out."})
final class RatersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every bootstrap interval (default: seed).")
    Long seed;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples (default: gap.bootstrap).")
    Integer bootstrap;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (bootstrap != null && bootstrap < 1) {
            throw new ParameterException(spec.commandLine(), "--bootstrap must be at least 1, got " + bootstrap);
        }
        RatersReport report;
        try (Workspace ws = workspace.open()) {
            WorkspaceConfig cfg = ws.config();
            RatersRequest request = new RatersRequest(bootstrap != null ? bootstrap : cfg.gap().bootstrap(),
                    cfg.gap().confidence(), seed != null ? seed : cfg.seed());
            report = new RatersAnalysis(request).run(ws.store().ratings());
        }
        PrintWriter out = spec.commandLine().getOut();
        ResultOutput.print(out, json, report, RatersTable::print);
        return 0;
    }
}
