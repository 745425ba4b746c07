package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {

    @TempDir
    Path dir;

    private static final IngestOptions TRAFFIC = IngestOptions.defaults(StreamKind.TRAFFIC);

    @Test
    void brokenJsonLineIsReportedAndTheLinesAroundItStillComeThrough() {
        Path f = Fixtures.write(dir, "traffic.jsonl", String.join("\n",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"a\"}",
                "",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"b\"",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"c\"}",
                "[1, 2]",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"d\"} trailing",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"e\"}"));
        List<ReadResult> got = Fixtures.readAll(f, "traffic.jsonl");

        assertThat(got).extracting(ReadResult::line).containsExactly(1L, 3L, 4L, 5L, 6L, 7L);
        assertThat(got).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("SourceRecord", "BadRecord", "SourceRecord", "BadRecord", "BadRecord", "SourceRecord");
        BadRecord broken = (BadRecord) got.get(1);
        assertThat(broken.raw()).isEqualTo("{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"b\"");
        assertThat(broken.toError("traffic.jsonl").message())
                .startsWith("traffic.jsonl:3: not valid JSON: Unexpected end-of-input");
        assertThat(((BadRecord) got.get(3)).reason()).isEqualTo("not a JSON object");
        assertThat(((BadRecord) got.get(4)).reason()).startsWith("not valid JSON: Unrecognized token 'trailing'");
        assertThat(got.get(0).raw()).isEqualTo("{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"a\"}");
    }

    @Test
    void truncatedGzipIsReportedWhereTheStreamBreaks() throws Exception {
        String content = IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"request number " + i + " " + "x".repeat(i % 50) + "\"}")
                .collect(Collectors.joining("\n", "", "\n"));
        byte[] gz = Fixtures.gzip(content.getBytes(StandardCharsets.UTF_8));
        Path f = Fixtures.writeBytes(dir, "traffic.jsonl.gz", Arrays.copyOf(gz, gz.length / 2));

        List<ReadResult> got = Fixtures.readAll(f, "traffic.jsonl.gz");
        ReadResult last = got.get(got.size() - 1);
        assertThat(last).isInstanceOf(BadRecord.class);
        assertThat(got.subList(0, got.size() - 1)).allMatch(r -> r instanceof SourceRecord);
        long brokenLine = got.size(); // lines 1..n-1 were read, line n broke off
        assertThat(last.line()).isEqualTo(brokenLine);
        assertThat(((BadRecord) last).toError("traffic.jsonl.gz").message())
                .isEqualTo("traffic.jsonl.gz:" + brokenLine + ": unexpected end of gzip stream");
        assertThat(content.split("\n")[(int) brokenLine - 1]).startsWith(last.raw());
        assertThat(brokenLine).isBetween(100L, 4999L);
    }

    @Test
    void truncatedGzipCsvIsReportedAtTheRecordWhereTheStreamBreaks() {
        String content = "ts,text\n" + IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "2026-11-22T10:00:00Z,\"request\n" + i + "\"")
                .collect(Collectors.joining("\n", "", "\n"));
        byte[] gz = Fixtures.gzip(content.getBytes(StandardCharsets.UTF_8));
        Path f = Fixtures.writeBytes(dir, "t.csv.gz", Arrays.copyOf(gz, gz.length / 2));

        List<ReadResult> got = Fixtures.readAll(f, "t.csv.gz");
        BadRecord last = (BadRecord) got.get(got.size() - 1);
        int good = got.size() - 1;
        assertThat(good).isGreaterThan(100);
        assertThat(got.get(good - 1).line()).isEqualTo(2L * good); // each record spans two lines
        assertThat(last.line()).isEqualTo(2L * good + 2);
        assertThat(last.reason()).isEqualTo("unexpected end of gzip stream");
    }

    @Test
    void truncatedGzipParquetIsAFileError() {
        Path p = Fixtures.parquet(dir.resolve("x.parquet"), "SELECT range AS n, 'text ' || range AS text FROM range(1000)");
        Path gz = Fixtures.gzipCopy(p, "x.parquet.gz");
        byte[] whole = readBytes(gz);
        Path cut = Fixtures.writeBytes(dir, "cut.gz", Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> Fixtures.readAll(cut, "cut.gz"))
                .isInstanceOf(IngestException.class).hasMessage("cut.gz: unexpected end of gzip stream");
    }

    @Test
    void emptyInputsAreAnError() {
        Path zero = Fixtures.write(dir, "zero.jsonl", "");
        Path gzNothing = Fixtures.writeBytes(dir, "nothing.gz", Fixtures.gzip(new byte[0]));
        Path headerOnly = Fixtures.write(dir, "header.csv", "ts,text\r\n");
        Path blank = Fixtures.write(dir, "blank.jsonl", "\n  \n\t\n");
        Path emptyArray = Fixtures.write(dir, "empty.json", "[ ]");
        Path noRows = Fixtures.parquet(dir.resolve("none.parquet"), "SELECT 1 AS a WHERE false");
        for (Path p : List.of(zero, gzNothing, headerOnly, blank, emptyArray, noRows)) {
            String name = p.getFileName().toString();
            assertThatThrownBy(() -> RecordReader.open(p, name)).as(name)
                    .isInstanceOf(IngestException.class).hasMessage(name + ": empty file: no records");
        }
    }

    @Test
    void missingOrUnreadableFileNamesThePath() {
        assertThatThrownBy(() -> RecordReader.open(dir.resolve("nope.jsonl"), "logs/nope.jsonl"))
                .isInstanceOf(IngestException.class).hasMessage("logs/nope.jsonl: no such file");
        assertThatThrownBy(() -> RecordReader.open(dir, "somedir"))
                .isInstanceOf(IngestException.class).hasMessage("somedir: is a directory, not a file");
        Path corrupt = Fixtures.writeBytes(dir, "bad.parquet", "PAR1 this is not parquet".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RecordReader.open(corrupt, "bad.parquet"))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("bad.parquet: not a readable Parquet file: ");
    }

    @Test
    void formatIsDetectedFromTheBytesNotTheName() {
        Path jsonlNamedCsv = Fixtures.write(dir, "a.csv", "\ufeff  {\"a\":1}\n");
        Path csvNamedJson = Fixtures.write(dir, "b.json", "a,b\n1,2\n");
        Path arrayNamedJsonl = Fixtures.write(dir, "c.jsonl", "\n[{\"a\":1}]");
        assertThat(DetectedFormat.of(jsonlNamedCsv)).isEqualTo(new DetectedFormat(Format.JSONL, false));
        assertThat(DetectedFormat.of(csvNamedJson)).isEqualTo(new DetectedFormat(Format.CSV, false));
        assertThat(DetectedFormat.of(arrayNamedJsonl)).isEqualTo(new DetectedFormat(Format.JSON_ARRAY, false));
        assertThat(Fixtures.readAll(jsonlNamedCsv, "a.csv")).singleElement()
                .satisfies(r -> assertThat(((SourceRecord) r).fields().get("a").asInt()).isEqualTo(1));
        Path gz = Fixtures.gzipCopy(csvNamedJson, "b.txt");
        assertThat(DetectedFormat.of(gz)).isEqualTo(new DetectedFormat(Format.CSV, true));
    }

    @Test
    void csvRecordsKnowTheirFirstLineAndVerbatimText() {
        String csv = "\ufeffts,text,weight\r\n"
                + "2026-11-22T10:00:00Z,\"multi\r\nline \"\"quoted\"\"\",1\r\n"
                + "\r\n"
                + "2026-11-22T10:00:00Z,plain,\r\n"
                + "2026-11-22T10:00:00Z,too,many,cells\r\n"
                + "2026-11-22T10:00:00Z,\"last\nno newline\",2";
        Path f = Fixtures.write(dir, "t.csv", csv);
        List<ReadResult> got = Fixtures.readAll(f, "t.csv");
        assertThat(got).extracting(ReadResult::line).containsExactly(2L, 5L, 6L, 7L);
        assertThat(got.get(0).raw()).isEqualTo("2026-11-22T10:00:00Z,\"multi\r\nline \"\"quoted\"\"\",1");
        assertThat(((SourceRecord) got.get(0)).fields().get("text").asText()).isEqualTo("multi\r\nline \"quoted\"");
        assertThat(((SourceRecord) got.get(1)).fields().has("weight")).isFalse(); // empty cell = absent
        assertThat(((BadRecord) got.get(2)).toError("t.csv").message())
                .isEqualTo("t.csv:6: has 4 values; the header has 3 columns");
        assertThat(got.get(3).raw()).isEqualTo("2026-11-22T10:00:00Z,\"last\nno newline\",2");
    }

    @Test
    void csvSyntaxErrorEndsTheFileWithABadRecord() {
        Path f = Fixtures.write(dir, "t.csv", "ts,text\n2026-11-22,ok\n2026-11-22,\"bad\"x\n2026-11-22,never\n");
        List<ReadResult> got = Fixtures.readAll(f, "t.csv");
        assertThat(got).hasSize(2);
        assertThat(got.get(1).line()).isEqualTo(3);
        assertThat(((BadRecord) got.get(1)).reason()).startsWith("not valid CSV: ");
    }

    @Test
    void jsonArrayElementsKnowTheirLine() {
        Path f = Fixtures.write(dir, "cases.json", "[\n  {\"case_id\": \"c1\",\n   \"input\": \"a\"},\n  7,\n  {\"case_id\": \"c2\", \"input\": \"b\"}\n]\n");
        List<ReadResult> got = Fixtures.readAll(f, "cases.json");
        assertThat(got).extracting(ReadResult::line).containsExactly(2L, 4L, 5L);
        assertThat(got.get(1)).isInstanceOf(BadRecord.class);
        assertThat(got.get(0).raw()).isEqualTo("{\"case_id\":\"c1\",\"input\":\"a\"}");
    }

    @Test
    void crlfAndMissingFinalNewlineInJsonLines() {
        Path f = Fixtures.write(dir, "t.jsonl", "{\"a\":1}\r\n{\"a\":2}\r\n\r\n{\"a\":3}");
        assertThat(Fixtures.readAll(f, "t.jsonl")).extracting(ReadResult::line).containsExactly(1L, 2L, 4L);
        assertThat(Fixtures.readAll(f, "t.jsonl").get(0).raw()).isEqualTo("{\"a\":1}");
    }

    @Test
    void readerReportsBytesReadForProgress() throws Exception {
        Path f = Fixtures.write(dir, "t.jsonl", "{\"a\":1}\n{\"a\":2}\n");
        try (RecordReader r = RecordReader.open(f, "t.jsonl")) {
            while (r.hasNext()) {
                r.next();
            }
            assertThat(r.bytesRead()).isEqualTo(Files.size(f));
            assertThat(r.file()).isEqualTo("t.jsonl");
        }
        assertThat(TRAFFIC.window()).isEqualTo(WindowScheme.ISO_WEEK);
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
