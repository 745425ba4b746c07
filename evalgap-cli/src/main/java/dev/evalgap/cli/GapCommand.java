package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.Threshold;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapAnalysis;
import dev.evalgap.gap.GapFigures;
import dev.evalgap.gap.GapGate;
import dev.evalgap.gap.GapOptions;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.GapResult;
import dev.evalgap.gap.VectorGapResult;
import dev.evalgap.ingest.VectorFile;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "gap", mixinStandardHelpOptions = true,
        description = {"How different is the eval set from production? Per window: classifier two-sample test "
                + "(gap score = 2*|AUC - 0.5|), coverage against an equal-sized production sample, a topic map "
                + "with what the eval set misses, and a breakdown by segment.",
                "With --vectors A B the same statistics run on precomputed vectors (A = eval set, B = production)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the gap was computed and no --fail-on threshold was crossed",
                "1:a --fail-on threshold was crossed", "2:usage or input error"})
final class GapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", paramLabel = "NAME", description = "Eval set (its current version).")
    String set;

    @Option(names = "--vectors", arity = "2", paramLabel = "FILE",
            description = "Two matrices of precomputed vectors, A (eval set) and B (production): float32/64 .npy "
                    + "or text with one vector per line. No workspace needed.")
    List<Path> vectors;

    @Option(names = "--window", defaultValue = GapRequest.LATEST, paramLabel = "WINDOW",
            description = "latest (default), all, or a window label such as 2026-W47.")
    String window;

    @Option(names = "--sample", paramLabel = "N",
            description = "Production records scored per window, and the most eval cases used (default: gap.sample).")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every randomized step (default: seed).")
    Long seed;

    @Option(names = "--embedder", paramLabel = "NAME",
            description = "Embedding model (default: embedding.model). One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = EmbedderNames.class)
    String embedderName;

    @Option(names = "--permutations", paramLabel = "B", description = "MMD permutations (default: gap.permutations).")
    Integer permutations;

    @Option(names = "--topics", paramLabel = "K", description = "Topics of the topic map, 0 = chosen from the data "
            + "(default: gap.topics).")
    Integer topics;

    @Option(names = "--fail-on", paramLabel = "KEY=VALUE", split = ",",
            description = "Exit 1 when a figure crosses a threshold, with the keys of evalgap.yaml thresholds: "
                    + "max_gap_score, min_relative_coverage, max_uncovered_share, max_no_case_share (production "
                    + "in topics without an eval case). Repeatable or comma-separated; checked on every window.")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<Threshold, Double> thresholds = thresholds();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = TerminalProgress.forTerminal();
        List<GapFigures> figures = new ArrayList<>();
        if (vectors != null) {
            if (set != null) {
                throw new ParameterException(spec.commandLine(), "--vectors and --set exclude each other");
            }
            float[][] a = VectorFile.read(vectors.get(0));
            float[][] b = VectorFile.read(vectors.get(1));
            VectorGapResult result = VectorGapResult.compute(vectors.get(0).toString(), a, vectors.get(1).toString(), b,
                    options(Workspace.defaultConfig()), progress);
            TerminalProgress.clear(progress);
            figures.add(result.figures());
            ResultOutput.print(out, json, result, GapTable::printVectors);
        } else {
            if (set == null) {
                throw new ParameterException(spec.commandLine(), "gap needs --set NAME (or --vectors A B)");
            }
            try (Workspace ws = workspace.open()) {
                WorkspaceConfig cfg = ws.config();
                GapRequest request = new GapRequest(set, window, sample != null ? sample : cfg.gap().sample(),
                        options(cfg));
                String model = embedderName != null ? embedderName : cfg.embedding().model();
                List<GapResult> results;
                try (Embedder embedder = new CachingEmbedder(Embedders.create(model), ws.store())) {
                    results = new GapAnalysis(ws.store(), embedder, progress).run(request);
                }
                TerminalProgress.clear(progress);
                results.forEach(r -> figures.add(r.figures()));
                ResultOutput.print(out, json, results, GapTable::print);
            }
        }
        boolean failed = false;
        for (GapFigures f : figures) {
            List<GapGate.Check> checks = GapGate.evaluate(thresholds, f);
            if (!json) {
                GapTable.printChecks(checks, out);
            }
            failed |= checks.stream().anyMatch(c -> !c.passed());
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private Map<Threshold, Double> thresholds() {
        Map<Threshold, Double> out = new EnumMap<>(Threshold.class);
        for (String spec : failOn) {
            int eq = spec.indexOf('=');
            try {
                if (eq < 0) {
                    throw new IllegalArgumentException("expected KEY=VALUE");
                }
                out.put(GapGate.parse(spec.substring(0, eq).trim()), Double.parseDouble(spec.substring(eq + 1).trim()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(this.spec.commandLine(), "--fail-on '" + spec + "': " + e.getMessage());
            }
        }
        return out;
    }

    private GapOptions options(WorkspaceConfig cfg) {
        return cfg.gapOptions(seed, permutations, topics);
    }

    static final class EmbedderNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Embedders.names().iterator();
        }
    }

}
