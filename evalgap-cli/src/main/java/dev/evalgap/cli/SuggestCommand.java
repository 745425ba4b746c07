package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.GapRequest;
import dev.evalgap.gap.Refresh;
import dev.evalgap.gap.RefreshSuggestions;
import dev.evalgap.gap.RetirementCandidate;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Turn the gap into work: production items from under-covered topics as candidate eval cases "
                + "(JSONL in the case format, with provenance, ready to label), and eval cases to retire.")
final class SuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", required = true, paramLabel = "NAME", description = "Eval set (its current version).")
    String set;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the candidates (JSONL).")
    Path out;

    @Option(names = "--retire-out", paramLabel = "FILE", description = "Also write the retirement candidates (JSONL).")
    Path retireOut;

    @Option(names = "--n", defaultValue = "50", paramLabel = "N", description = "Candidates to propose (default 50).")
    int n;

    @Option(names = "--window", defaultValue = GapRequest.LATEST, paramLabel = "WINDOW",
            description = "latest (default) or a window label such as 2026-W47.")
    String window;

    @Option(names = "--sample", paramLabel = "N", description = "Production records scored (default: gap.sample).")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: seed).")
    Long seed;

    @Option(names = "--embedder", paramLabel = "NAME", description = "Embedding model (default: embedding.model).")
    String embedderName;

    @Option(names = "--json", description = "Print the suggestions as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            WorkspaceConfig cfg = ws.config();
            GapRequest request = new GapRequest(set, window, sample != null ? sample : cfg.gap().sample(),
                    cfg.gapOptions(seed, null, null));
            Progress progress = TerminalProgress.forTerminal();
            String model = embedderName != null ? embedderName : cfg.embedding().model();
            RefreshSuggestions s;
            try (Embedder embedder = new CachingEmbedder(Embedders.create(model), ws.store())) {
                s = new Refresh(ws.store(), embedder, progress).suggest(request, n);
            }
            TerminalProgress.clear(progress);
            writeJsonLines(out, s.candidates());
            if (retireOut != null) {
                writeJsonLines(retireOut, s.retirements());
            }
            PrintWriter pw = spec.commandLine().getOut();
            ResultOutput.print(pw, json, s, this::print);
            return 0;
        }
    }

    private void print(RefreshSuggestions s, PrintWriter pw) {
        pw.printf(Locale.ROOT, "%s%n%n", s.gap().verdict());
        pw.printf(Locale.ROOT, "%d candidate cases written to %s (window %s, eval set '%s' v%d):%n", s.candidates().size(),
                out, s.window(), s.setName(), s.setVersion());
        Map<Integer, Integer> perTopic = new TreeMap<>();
        s.candidates().forEach(c -> perTopic.merge(c.topic(), 1, Integer::sum));
        s.gap().figures().topics().topics().stream().filter(t -> perTopic.containsKey(t.id())).forEach(t ->
                pw.printf(Locale.ROOT, "  %3d from topic %d (%.1f%% of production, %.1f%% of the eval set): %s%n",
                        perTopic.get(t.id()), t.id(), 100 * t.productionShare(), 100 * t.evalShare(),
                        String.join(", ", t.keywords())));
        pw.printf(Locale.ROOT, "%n%d eval case(s) to review for retirement%s%n", s.retirements().size(),
                retireOut == null ? " (--retire-out FILE writes them all)" : ", written to " + retireOut);
        for (RetirementCandidate r : s.retirements().subList(0, Math.min(10, s.retirements().size()))) {
            pw.printf(Locale.ROOT, "  %s: %s%n", r.caseId(), r.reason());
        }
        pw.printf(Locale.ROOT, "%nrule: %s%n", s.rule());
    }

    private static void writeJsonLines(Path file, List<?> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Object row : rows) {
                    w.write(ResultJson.write(row));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
