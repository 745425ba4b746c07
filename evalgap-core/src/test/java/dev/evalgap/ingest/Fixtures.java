package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes test inputs in every format and reads them back. Everything is generated in temp dirs. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String name, String content) {
        return writeBytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bos)) {
                out.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gzip copy of {@code file}, named {@code name}. */
    static Path gzipCopy(Path file, String name) {
        try {
            return writeBytes(file.getParent(), name, gzip(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements in an in-memory DuckDB (fixtures only: the product's SQL lives in the store package). */
    static void duckdb(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sqlString(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** {@code COPY (select) TO out (FORMAT parquet)}. */
    static Path parquet(Path out, String select) {
        duckdb("COPY (" + select + ") TO " + sqlString(out) + " (FORMAT parquet)");
        return out;
    }

    static List<ObjectNode> objects(String jsonl) {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add((ObjectNode) Json.MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    static String jsonl(List<ObjectNode> records) {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(r.toString()).append('\n'));
        return sb.toString();
    }

    static String jsonArray(List<ObjectNode> records) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As a CSV export would hold them: one column per key; numbers and booleans as text; an array of
     * numbers as {@code [a, b]}; an array of strings joined with {@code ;}; objects as JSON text.
     */
    static String csv(List<ObjectNode> records) {
        Set<String> header = new LinkedHashSet<>();
        records.forEach(r -> r.fieldNames().forEachRemaining(header::add));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get())) {
            for (ObjectNode r : records) {
                List<String> row = new ArrayList<>();
                for (String h : header) {
                    row.add(cell(r.get(h)));
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray() && v.size() > 0 && v.get(0).isNumber()) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            v.forEach(e -> j.add(e.asText()));
            return j.toString();
        }
        if (v.isArray() && v.size() > 0 && v.get(0).isTextual()) {
            StringJoiner j = new StringJoiner(";");
            v.forEach(e -> j.add(e.asText()));
            return j.toString();
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    static List<ReadResult> readAll(Path file, String name) {
        List<ReadResult> out = new ArrayList<>();
        try (RecordReader r = RecordReader.open(file, name)) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    /** Reads and parses every record of {@code file}, asserting none is bad. */
    static <T> List<T> parseAll(Path file, IngestOptions options) {
        RecordParser<?> parser = RecordParser.of(file.getFileName().toString(), options);
        List<T> out = new ArrayList<>();
        for (ReadResult r : readAll(file, file.getFileName().toString())) {
            assertThat(r).as("%s: %s", file.getFileName(), r).isInstanceOf(SourceRecord.class);
            Parsed<?> p = parser.parse((SourceRecord) r);
            assertThat(p.error()).as("%s", file.getFileName()).isNull();
            @SuppressWarnings("unchecked")
            T v = (T) p.value();
            out.add(v);
        }
        return out;
    }

    /** The messages of every error (bad records and rejected records) in {@code file}, in order. */
    static List<String> errors(Path file, String name, IngestOptions options) {
        RecordParser<?> parser = RecordParser.of(name, options);
        List<String> out = new ArrayList<>();
        for (ReadResult r : readAll(file, name)) {
            if (r instanceof BadRecord) {
                out.add(((BadRecord) r).toError(name).message());
            } else {
                Parsed<?> p = parser.parse((SourceRecord) r);
                if (!p.ok()) {
                    out.add(p.error().message());
                }
            }
        }
        return out;
    }
}
