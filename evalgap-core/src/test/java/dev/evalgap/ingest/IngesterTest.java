package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgap.store.TempStore;
import dev.evalgap.store.TextItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ingestion end to end into a real workspace database: all-or-nothing files, rejects, idempotency. */
class IngesterTest {

    @RegisterExtension
    final TempStore ws = new TempStore();

    private static final String GOOD_AND_BAD = """
            {"ts": "2026-11-16T09:00:00Z", "text": "where is my order"}
            {"ts": "yesterday", "text": "cancel it"}
            {"ts": "2026-11-17T09:00:00Z", "text": "refund please"}
            {"ts": "2026-11-17T10:00:00Z", "text": "broken
            {"ts": "2026-11-18T09:00:00Z", "text": "hello"}
            """;

    @Test
    void failModeWritesNothingFromTheFileAndNamesFileLineAndField() throws IOException {
        Path file = ws.write("traffic.jsonl", GOOD_AND_BAD);
        assertThatThrownBy(() -> ws.ingester().ingest(List.of(file), IngestOptions.defaults(StreamKind.TRAFFIC), OnError.FAIL))
                .isInstanceOf(IngestException.class)
                .hasMessage(file + ":2: field 'ts': not a timestamp (\"yesterday\")");
        assertThat(ws.store().count("traffic")).isZero();
        assertThat(ws.store().count("ingests")).isZero();
        assertThat(ws.dir().resolve("rejects")).doesNotExist();
    }

    @Test
    void skipModeWritesTheGoodRecordsAndKeepsEveryBadOneVerbatim() throws IOException {
        Path file = ws.write("traffic.jsonl", GOOD_AND_BAD);
        FileIngest r = ws.ingester().ingest(List.of(file), IngestOptions.defaults(StreamKind.TRAFFIC), OnError.SKIP).get(0);
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.merge().added()).isEqualTo(3);
        assertThat(ws.store().count("traffic")).isEqualTo(3);

        List<String> lines = Files.readAllLines(r.rejectsFile());
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("line").asLong()).isEqualTo(2);
        assertThat(first.get("field").asText()).isEqualTo("ts");
        assertThat(first.get("reason").asText()).isEqualTo(file + ":2: field 'ts': not a timestamp (\"yesterday\")");
        assertThat(first.get("raw").asText()).isEqualTo("{\"ts\": \"yesterday\", \"text\": \"cancel it\"}");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("line").asLong()).isEqualTo(4);
        assertThat(second.get("raw").asText()).isEqualTo("{\"ts\": \"2026-11-17T10:00:00Z\", \"text\": \"broken");
    }

    @Test
    void reIngestIsIdempotentAcrossFormats() throws IOException {
        Path jsonl = ws.write("t.jsonl", """
                {"ts": "2026-11-16T09:00:00Z", "text": "where is my order", "session": "s1"}
                {"ts": "2026-11-17T09:00:00Z", "text": "refund please", "session": "s2"}
                """);
        Path csv = ws.write("t.csv", """
                ts,text,session
                2026-11-16T09:00:00Z,where is my order,s1
                2026-11-17T09:00:00Z,refund please,s2
                2026-11-18T09:00:00Z,"a new one, with a comma",s3
                """);
        Path gz = ws.dir().resolve("t.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(jsonl));
        }
        IngestOptions options = IngestOptions.defaults(StreamKind.TRAFFIC);
        assertThat(ws.ingester().ingest(List.of(jsonl), options, OnError.FAIL).get(0).merge().added()).isEqualTo(2);
        assertThat(ws.ingester().ingest(List.of(jsonl), options, OnError.FAIL).get(0).merge().added()).isZero();
        assertThat(ws.ingester().ingest(List.of(gz), options, OnError.FAIL).get(0).merge().added()).isZero();
        assertThat(ws.ingester().ingest(List.of(csv), options, OnError.FAIL).get(0).merge().added()).isEqualTo(1);
        assertThat(ws.store().count("traffic")).isEqualTo(3);
    }

    @Test
    void truncatedGzipKeepsTheRecordsBeforeTheBreakOnlyWhenSkipping() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"ts\": \"2026-11-16T09:00:00Z\", \"text\": \"question number ").append(i).append("\"}\n");
        }
        Path whole = ws.dir().resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = ws.dir().resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IngestOptions options = IngestOptions.defaults(StreamKind.TRAFFIC);

        assertThatThrownBy(() -> ws.ingester().ingest(List.of(cut), options, OnError.FAIL))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith(cut + ":")
                .hasMessageContaining("unexpected end of gzip stream");
        assertThat(ws.store().count("traffic")).isZero();

        FileIngest r = ws.ingester().ingest(List.of(cut), options, OnError.SKIP).get(0);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.merge().added()).isPositive().isLessThan(2000);
        assertThat(ws.store().count("traffic")).isEqualTo(r.merge().added());
    }

    @Test
    void emptyFileAndMissingFileAreFileLevelErrors() throws IOException {
        Path empty = ws.write("empty.jsonl", "");
        IngestOptions options = IngestOptions.defaults(StreamKind.TRAFFIC);
        assertThatThrownBy(() -> ws.ingester().ingest(List.of(empty), options, OnError.SKIP))
                .isInstanceOf(IngestException.class)
                .hasMessage(empty + ": empty file: no records");
        Path missing = ws.dir().resolve("nope.jsonl");
        assertThatThrownBy(() -> ws.ingester().ingest(List.of(missing), options, OnError.SKIP))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith(missing + ": ");
        assertThat(ws.store().count("traffic")).isZero();
    }

    @Test
    void aBadCaseWritesNoSetVersionAtAll() throws IOException {
        Path good = ws.write("a.jsonl", """
                {"case_id": "c1", "input": "where is my order"}
                """);
        Path bad = ws.write("b.jsonl", """
                {"case_id": "c2", "input": "refund", "split": "secret"}
                """);
        IngestOptions options = IngestOptions.defaults(StreamKind.CASES);
        assertThatThrownBy(() -> ws.ingester().ingestCases("s", List.of(good, bad), options, OnError.FAIL, false))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith(bad + ":1: field 'split'");
        assertThat(ws.store().caseSets()).isEmpty();

        FileIngest ok = ws.ingester().ingestCases("s", List.of(good), options, OnError.FAIL, false);
        assertThat(ok.merge().version()).isEqualTo(1);
        FileIngest again = ws.ingester().ingestCases("s", List.of(good), options, OnError.FAIL, false);
        assertThat(again.merge().newVersion()).isFalse();
    }

    @Test
    void unknownMappingIsRejectedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> FieldMapping.parse(StreamKind.TRAFFIC, List.of("txet=prompt")))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("unknown field 'txet' for traffic; valid: ");
    }

    @Test
    void mappedFieldsAndChatRecordsAreRead() throws IOException {
        Path file = ws.write("chat.jsonl", """
                {"meta": {"created_at": "2026-11-16T09:00:00Z"}, "messages": [{"role": "user", "content": "first"}, {"role": "assistant", "content": "hi"}, {"role": "user", "content": "second question"}]}
                """);
        IngestOptions options = IngestOptions.defaults(StreamKind.TRAFFIC)
                .withMapping(FieldMapping.parse(StreamKind.TRAFFIC, List.of("ts=meta.created_at")));
        ws.ingester().ingest(List.of(file), options, OnError.FAIL);
        assertThat(ws.store().sampleTraffic("2026-W47", 10, 1)).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("second question"));
    }

    /** A record with a segment but no weight is unweighted (its weight null, not 0: all-zero weights broke the gap). */
    @Test
    void segmentWithoutWeightReadsBackAsUnweighted() throws IOException {
        Path file = ws.write("segments.jsonl", """
                {"ts": "2026-11-16T09:00:00Z", "text": "with a segment", "segment": "pro"}
                {"ts": "2026-11-16T09:01:00Z", "text": "weighted", "segment": "pro", "weight": 2.5}
                {"ts": "2026-11-16T09:02:00Z", "text": "neither"}
                """);
        ws.ingester().ingest(List.of(file), IngestOptions.defaults(StreamKind.TRAFFIC), OnError.FAIL);
        assertThat(ws.store().sampleTraffic("2026-W47", 10, 1)).extracting(TextItem::text, TextItem::segment, TextItem::weight)
                .containsExactlyInAnyOrder(tuple("with a segment", "pro", null), tuple("weighted", "pro", 2.5),
                        tuple("neither", null, null));
    }
}
