package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.demo.DemoFiles;
import dev.evalgap.demo.DemoScenario;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapAnalysis;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.GapResult;
import dev.evalgap.ingest.FieldMapping;
import dev.evalgap.ingest.FileIngest;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.Ingester;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.report.ReportFile;
import dev.evalgap.report.ReportSettings;
import dev.evalgap.report.ReportViews;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a seeded 12-week customer-support scenario, ingest it into a workspace and show "
                + "the gap of the first and the last week.")
final class DemoCommand implements Callable<Integer> {

    static final String SET = "support";
    static final String REPORT = "report.html";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Workspace folder (default: demo-workspace); the generated files go to DIR/data.")
    Path dir = Path.of("demo-workspace");

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the scenario and the analysis.")
    long seed = DemoScenario.DEFAULT_SEED;

    @Option(names = "--embedder", paramLabel = "NAME", description = "Embedding model (default: the workspace's).")
    String embedderName;

    @Option(names = "--json", description = "Print the two gap results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DemoFiles files;
        try {
            files = DemoScenario.withSeed(seed).generate(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo data under " + dir.resolve("data"), e);
        }
        if (Workspace.init(dir)) {
            configureGate();
        }
        try (Workspace ws = Workspace.open(dir)) {
            Progress progress = TerminalProgress.forTerminal();
            Ingester ingester = new Ingester(ws.store(), ws.rejectsDir(), progress);
            List<FileIngest> ingests = new ArrayList<>();
            ingests.addAll(ingester.ingest(List.of(files.traffic()), options(StreamKind.TRAFFIC), OnError.FAIL));
            ingests.add(ingester.ingestCases(SET, List.of(files.cases()), options(StreamKind.CASES), OnError.FAIL,
                    false));
            ingests.addAll(ingester.ingest(List.of(files.runs()), options(StreamKind.RUNS), OnError.FAIL));
            ingests.addAll(ingester.ingest(List.of(files.ratings()), options(StreamKind.RATINGS), OnError.FAIL));

            WorkspaceConfig cfg = ws.config();
            String model = embedderName != null ? embedderName : cfg.embedding().model();
            List<GapResult> gaps = new ArrayList<>();
            try (Embedder embedder = new CachingEmbedder(Embedders.create(model), ws.store())) {
                GapAnalysis analysis = new GapAnalysis(ws.store(), embedder, progress);
                for (DemoFiles.Week week : List.of(files.weeks().get(0), files.weeks().get(files.weeks().size() - 1))) {
                    gaps.addAll(analysis.run(new GapRequest(SET, week.isoWeek(), cfg.gap().sample(),
                            cfg.gapOptions(seed, null, null))));
                }
            }
            ReportFile.write(new ReportViews(ws, new ReportSettings(SET, seed, ReportSettings.DEFAULT_CANDIDATES),
                    progress), null, dir.resolve(REPORT));
            TerminalProgress.clear(progress);
            ResultOutput.print(out, json, gaps, (g, o) -> printStory(o, files, ingests, g));
            return 0;
        }
    }

    /**
     * A new demo workspace gates on every threshold (the template enables only the gap score), so `check`,
     * the report and the dashboard show the gate failing on the last week; with --embedder, later commands
     * use the same embedder.
     */
    private void configureGate() {
        Path yaml = dir.resolve(Workspace.CONFIG_FILE);
        try {
            String text = Files.readString(yaml)
                    .replace("  max_gap_score: 0.5 ", "  max_gap_score: 0.3 ")
                    .replace("  # min_relative_coverage:", "  min_relative_coverage:")
                    .replace("  # min_offline_online_correlation:", "  min_offline_online_correlation:")
                    .replace("  # max_overfit_index:", "  max_overfit_index:")
                    .replace("  # max_expired_case_share:", "  max_expired_case_share:");
            if (embedderName != null) {
                text = text.replaceFirst("(?m)^  model: .*$", "  model: " + embedderName);
            }
            Files.writeString(yaml, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + yaml, e);
        }
    }

    private static IngestOptions options(StreamKind kind) {
        return IngestOptions.defaults(kind).withMapping(FieldMapping.identity(kind));
    }

    private void printStory(PrintWriter out, DemoFiles files, List<FileIngest> ingests, List<GapResult> gaps) {
        out.printf(Locale.ROOT, "evalgap demo (seed %d): a customer-support assistant, %d weeks of production "
                + "traffic (%s .. %s)%n", seed, files.weeks().size(), files.weeks().get(0).isoWeek(),
                files.weeks().get(files.weeks().size() - 1).isoWeek());
        out.printf(Locale.ROOT, "  week %d: %s%n", files.featureLaunch().week(), files.featureLaunch().description());
        out.printf(Locale.ROOT, "  week %d: %s%n", files.policyChange().week(), files.policyChange().description());
        out.printf(Locale.ROOT, "  eval set '%s': %d cases sampled from week 1; %d releases (%s .. %s)%n%n", SET,
                files.caseCount(), files.releases().size(), files.releases().get(0),
                files.releases().get(files.releases().size() - 1));
        for (FileIngest i : ingests) {
            out.printf(Locale.ROOT, "ingested %s: %,d records (%,d new)%n", i.file(), i.records(), i.merge().added());
        }
        out.println();
        GapTable.print(gaps, out);
        out.println();
        out.printf(Locale.ROOT, "report: %s (open it in a browser: the score, the gap and the feedback side by side)%n",
                dir.resolve(REPORT).toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "workspace: %s — try: ./evalgap gap --workspace %s --set %s --window all, then "
                + "./evalgap serve --workspace %s%n", dir.toAbsolutePath().normalize(), dir, SET, dir);
    }
}
