package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapAnalysis;
import dev.evalgap.gap.GapOptions;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.GapResult;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gap", mixinStandardHelpOptions = true,
        description = "How different is the eval set from production? Classifier two-sample test on embeddings: "
                + "gap score = 2*|AUC - 0.5| with a bootstrap interval, per window.")
final class GapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", required = true, paramLabel = "NAME", description = "Eval set (its current version).")
    String set;

    @Option(names = "--window", defaultValue = GapRequest.LATEST, paramLabel = "WINDOW",
            description = "latest (default), all, or a window label such as 2026-W47.")
    String window;

    @Option(names = "--sample", paramLabel = "N",
            description = "Production records sampled per window, and the most eval cases used (default: gap.sample).")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of samples, folds and bootstrap (default: seed).")
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

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            WorkspaceConfig cfg = ws.config();
            GapRequest request = new GapRequest(set, window, sample != null ? sample : cfg.gap().sample(),
                    options(cfg));
            Progress progress = TerminalProgress.forTerminal();
            String model = embedderName != null ? embedderName : cfg.embedding().model();
            List<GapResult> results;
            try (Embedder embedder = new CachingEmbedder(Embedders.create(model), ws.store())) {
                results = new GapAnalysis(ws.store(), embedder, progress).run(request);
            }
            TerminalProgress.clear(progress);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ResultJson.write(results));
            } else {
                GapTable.print(results, out);
            }
            out.flush();
            return 0;
        }
    }

    static GapOptions optionsFrom(WorkspaceConfig cfg, Long seed, Integer permutations, Integer topics) {
        WorkspaceConfig.Gap g = cfg.gap();
        return new GapOptions(g.folds(), g.bootstrap(), g.confidence(),
                permutations != null ? permutations : g.permutations(), topics != null ? topics : g.topics(),
                seed != null ? seed : cfg.seed());
    }

    private GapOptions options(WorkspaceConfig cfg) {
        return optionsFrom(cfg, seed, permutations, topics);
    }

    static final class EmbedderNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Embedders.names().iterator();
        }
    }
}
