package dev.evalgap.cli;

import dev.evalgap.Progress;
import dev.evalgap.ingest.ChatTurn;
import dev.evalgap.ingest.FieldMapping;
import dev.evalgap.ingest.FileIngest;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.Ingester;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.ingest.Timestamps;
import dev.evalgap.ingest.WindowScheme;
import dev.evalgap.workspace.Workspace;
import dev.evalgap.workspace.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read files into the workspace: traffic (production interactions), cases (an eval set), "
                + "runs (offline scores per release), kpis (online metrics) or ratings (scores of items by human "
                + "raters and LLM judges). JSONL, JSON, CSV or Parquet, optionally gzipped; re-ingesting a file adds "
                + "nothing.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Parameters(index = "0", paramLabel = "STREAM", description = "traffic | cases | runs | kpis | ratings")
    String stream;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Input files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--field", paramLabel = "CANONICAL=PATH",
            description = "Map a canonical field to a field of your records (dotted for nested JSON); repeatable.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--on-error", defaultValue = "fail", paramLabel = "fail|skip",
            description = "fail (default): a bad record writes nothing from its file; "
                    + "skip: write the good records and keep the bad ones in the workspace's rejects/ folder.")
    String onError;

    @Option(names = "--default-ts", paramLabel = "TIMESTAMP",
            description = "Timestamp for traffic records (and ratings) without ts, e.g. 2026-11-18T00:00:00Z.")
    String defaultTs;

    @Option(names = "--set", paramLabel = "NAME", description = "The eval set (cases only).")
    String set;

    @Option(names = "--append", description = "Cases: add to the set's current version instead of replacing it.")
    boolean append;

    @Option(names = "--chat-turn", paramLabel = "first|last",
            description = "Chat records: which user turn is the text (default: chat_user_turn).")
    String chatTurn;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Override
    public Integer call() {
        StreamKind kind = StreamKind.parse(stream);
        if (kind == StreamKind.CASES && (set == null || set.isBlank())) {
            throw new ParameterException(spec.commandLine(), "ingest cases needs --set NAME");
        }
        if (kind != StreamKind.CASES && (set != null || append)) {
            throw new ParameterException(spec.commandLine(), "--set and --append apply to cases only");
        }
        OnError mode = switch (onError.toLowerCase(Locale.ROOT)) {
            case "fail" -> OnError.FAIL;
            case "skip" -> OnError.SKIP;
            default -> throw new ParameterException(spec.commandLine(), "--on-error must be fail or skip, got '"
                    + onError + "'");
        };
        try (Workspace ws = workspace.open()) {
            IngestOptions options = options(kind, ws.config());
            Progress progress = TerminalProgress.forTerminal();
            Ingester ingester = new Ingester(ws.store(), ws.rejectsDir(), progress);
            List<FileIngest> results = kind == StreamKind.CASES
                    ? List.of(ingester.ingestCases(set, files, options, mode, append))
                    : ingester.ingest(files, options, mode);
            TerminalProgress.clear(progress);
            PrintWriter out = spec.commandLine().getOut();
            ResultOutput.print(out, json, results, (rs, o) -> rs.forEach(r -> o.println(describe(kind, r))));
            return 0;
        }
    }

    private IngestOptions options(StreamKind kind, WorkspaceConfig cfg) {
        FieldMapping mapping = FieldMapping.of(kind, cfg.fieldsOf(kind.label()))
                .overriddenBy(FieldMapping.parse(kind, fields));
        Instant ts = null;
        if (defaultTs != null) {
            try {
                ts = Timestamps.parse(defaultTs);
            } catch (java.time.DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--default-ts: not a timestamp (\"" + defaultTs
                        + "\"); e.g. 2026-11-18T00:00:00Z");
            }
        }
        return new IngestOptions(mapping, ChatTurn.parse(chatTurn != null ? chatTurn : cfg.chatUserTurn()),
                WindowScheme.parse(cfg.window()), ts);
    }

    private String describe(StreamKind kind, FileIngest r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d records: %,d added, %,d updated, "
                + "%,d already present", r.file(), r.records(), r.merge().added(), r.merge().replaced(),
                r.merge().unchanged()));
        if (kind == StreamKind.CASES) {
            sb.append(r.merge().newVersion()
                    ? String.format(Locale.ROOT, "; eval set '%s' is now version %d", set, r.merge().version())
                    : String.format(Locale.ROOT, "; eval set '%s' unchanged (version %d)", set, r.merge().version()));
        }
        if (r.unusable() > 0) {
            sb.append(String.format(Locale.ROOT, "%n  %,d rating(s) with a score not readable on its scale: kept and "
                    + "counted as unusable (evalgap raters lists them)", r.unusable()));
        }
        if (r.rejected() > 0) {
            sb.append(String.format(Locale.ROOT, "%n  %,d rejected record(s) kept with their reasons in %s",
                    r.rejected(), r.rejectsFile()));
            if (kind == StreamKind.CASES || kind == StreamKind.RUNS) {
                sb.append(" (verbatim, sealed cases' texts included: protect it like the input file)");
            }
        }
        return sb.toString();
    }
}
