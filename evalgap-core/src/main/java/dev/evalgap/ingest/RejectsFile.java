package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejected records of one input file, kept verbatim with their reason as JSON lines
 * ({@code file, line, field, reason, value, raw}). Created on the first rejection only.
 */
final class RejectsFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private BufferedWriter writer;
    private long count;

    RejectsFile(Path dir, StreamKind stream, String file) {
        String base = Path.of(file).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        this.path = dir.resolve(stream.label() + "-" + base + "-"
                + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + ".jsonl");
    }

    void add(IngestError error, String raw) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", error.file());
        row.put("line", error.line());
        row.put("field", error.field());
        row.put("reason", error.message());
        row.put("value", error.value());
        row.put("raw", raw);
        try {
            if (writer == null) {
                Files.createDirectories(path.getParent());
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            }
            writer.write(JSON.writeValueAsString(row));
            writer.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects file " + path, e);
        }
    }

    long count() {
        return count;
    }

    /** The file written, or null when nothing was rejected. */
    Path pathIfWritten() {
        return writer == null ? null : path;
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rejects file " + path, e);
            }
        }
    }
}
