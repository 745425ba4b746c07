package dev.evalgap.ingest;

import dev.evalgap.Progress;
import dev.evalgap.raters.Rating;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.IngestLog;
import dev.evalgap.store.Interaction;
import dev.evalgap.store.KpiObservation;
import dev.evalgap.store.RecordTable;
import dev.evalgap.store.RunResult;
import dev.evalgap.store.Staging;
import dev.evalgap.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads input files, validates every record and writes the good ones through a {@link Staging}
 * area, so a file is written completely or (with {@link OnError#FAIL} and a bad record) not at all.
 * Traffic, runs, KPIs and ratings are written file by file; the files of one eval-set ingest form one set
 * version together.
 */
public final class Ingester {

    private static final long PROGRESS_EVERY = 5_000;

    private final Store store;
    private final Path rejectsDir;
    private final Progress progress;

    public Ingester(Store store, Path rejectsDir, Progress progress) {
        this.store = store;
        this.rejectsDir = rejectsDir;
        this.progress = progress;
    }

    /** Ingests traffic, runs, KPI or ratings files, one transaction per file. */
    public List<FileIngest> ingest(List<Path> files, IngestOptions options, OnError onError) {
        if (options.stream() == StreamKind.CASES) {
            throw new IllegalArgumentException("eval cases belong to a set: use ingestCases");
        }
        List<FileIngest> out = new ArrayList<>();
        for (Path file : files) {
            out.add(ingestOne(file, options, onError));
        }
        return out;
    }

    /**
     * Ingests the files of one eval set. With {@code appendToSet} false the files are the whole set;
     * otherwise their cases are added to (or update) the current version. Any file-level error, or a bad
     * record under {@link OnError#FAIL}, writes nothing at all: a partial set would silently drop cases.
     */
    public FileIngest ingestCases(String setName, List<Path> files, IngestOptions options, OnError onError,
                                  boolean appendToSet) {
        if (options.stream() != StreamKind.CASES) {
            throw new IllegalArgumentException("ingestCases needs a cases mapping, got " + options.stream().label());
        }
        List<String> names = files.stream().map(Path::toString).toList();
        String source = String.join(", ", names);
        try (Staging<EvalCase> staging = store.stage(RecordTable.CASES)) {
            long records = 0;
            long rejected = 0;
            List<String> digests = new ArrayList<>();
            Path rejects = null;
            for (Path file : files) {
                ReadCounts counts = read(file, options, onError, staging, setName);
                records += counts.records();
                rejected += counts.rejected();
                digests.add(counts.sha256());
                rejects = rejects != null ? rejects : counts.rejectsFile();
            }
            var merge = staging.merge(setName, !appendToSet,
                    new IngestLog(source, String.join(",", digests), records, rejected));
            return new FileIngest(source, records, rejected, merge, rejects, 0);
        }
    }

    private FileIngest ingestOne(Path file, IngestOptions options, OnError onError) {
        try (Staging<Object> staging = stagingFor(options.stream())) {
            ReadCounts counts = read(file, options, onError, staging, null);
            var merge = staging.merge(null, false,
                    new IngestLog(file.toString(), counts.sha256(), counts.records(), counts.rejected()));
            return new FileIngest(file.toString(), counts.records(), counts.rejected(), merge, counts.rejectsFile(),
                    counts.unusable());
        }
    }

    @SuppressWarnings("unchecked")
    private Staging<Object> stagingFor(StreamKind stream) {
        RecordTable<?> table = switch (stream) {
            case TRAFFIC -> RecordTable.TRAFFIC;
            case RUNS -> RecordTable.RUNS;
            case KPIS -> RecordTable.KPIS;
            case CASES -> RecordTable.CASES;
            case RATINGS -> RecordTable.RATINGS;
        };
        return (Staging<Object>) store.stage(table);
    }

    private record ReadCounts(long records, long rejected, String sha256, Path rejectsFile, long unusable) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ReadCounts read(Path file, IngestOptions options, OnError onError, Staging staging, String setName) {
        String name = file.toString();
        String sha256 = sha256(file, name);
        RecordParser<?> parser = RecordParser.of(name, options);
        long records = 0;
        long unusable = 0;
        try (RecordReader reader = RecordReader.open(file, name);
             RejectsFile rejects = new RejectsFile(rejectsDir, options.stream(), name)) {
            while (reader.hasNext()) {
                ReadResult next = reader.next();
                records++;
                IngestError error;
                String raw;
                if (next instanceof SourceRecord record) {
                    Parsed<?> parsed = parser.parse(record);
                    if (parsed.ok()) {
                        staging.add(parsed.value(), setName, name);
                        if (parsed.value() instanceof Rating rating && !rating.usable()) {
                            unusable++;
                        }
                        error = null;
                    } else {
                        error = parsed.error();
                    }
                    raw = record.raw();
                } else {
                    BadRecord bad = (BadRecord) next;
                    error = IngestError.ofLine(name, bad.line(), bad.reason());
                    raw = bad.raw();
                }
                if (error != null) {
                    error = withoutQuotedTokens(options.stream(), error);
                    if (onError == OnError.FAIL) {
                        throw new IngestException(error);
                    }
                    rejects.add(error, raw);
                }
                if (records % PROGRESS_EVERY == 0) {
                    progress.update("reading " + name, records, -1);
                }
            }
            progress.update("reading " + name, records, records);
            return new ReadCounts(records, rejects.count(), sha256, rejects.pathIfWritten(), unusable);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern QUOTED_TOKEN =
            java.util.regex.Pattern.compile("(Unrecognized token) '[^']*'");

    /**
     * Eval cases and runs may hold sealed texts, which evalgap never prints: a JSON parser message that
     * quotes a token of the record ({@code Unrecognized token 'refund...'}) loses the token. The
     * record itself still goes verbatim to the rejects file under {@link OnError#SKIP}: it is the
     * user's own file, kept in their workspace.
     */
    private static IngestError withoutQuotedTokens(StreamKind stream, IngestError e) {
        if (stream != StreamKind.CASES && stream != StreamKind.RUNS || e.reason() == null) {
            return e;
        }
        String reason = QUOTED_TOKEN.matcher(e.reason()).replaceAll("$1 (not shown)");
        return reason.equals(e.reason()) ? e
                : new IngestError(e.file(), e.line(), e.field(), e.mappedFrom(), reason, e.value());
    }

    private static String sha256(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            throw new IngestException(IngestError.ofFile(name, Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest stream hashes what passes through
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
