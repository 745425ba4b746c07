package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Interaction;
import dev.evalgap.store.KpiObservation;
import dev.evalgap.store.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same logical records written as JSON lines, JSON array, CSV and Parquet, each also gzipped,
 * come out identical (ids included) from every format. File names deliberately hide the format.
 */
class FormatRoundTripTest {

    @TempDir
    Path dir;

    static final String TRAFFIC = String.join("\n",
            "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"How do I reset my password?\",\"response\":\"Open Settings.\","
                    + "\"release\":\"r1\",\"session\":\"s1\",\"segment\":\"free\",\"weight\":1.5,\"thumbs\":\"up\","
                    + "\"retried\":false,\"edited\":true,\"abandoned\":false,\"csat\":4.5,\"embedding\":[0.25,-0.5,0.125]}",
            "{\"ts\":\"2026-11-23T08:30:00+02:00\",\"text\":\"Line one\\nline two, with \\\"quotes\\\"\",\"release\":\"r2\","
                    + "\"session\":\"s2\",\"segment\":\"pro\",\"weight\":0.0,\"thumbs\":\"down\",\"retried\":true,"
                    + "\"edited\":false,\"abandoned\":true,\"csat\":2.0,\"embedding\":[1.0,2.0,3.0]}",
            "{\"id\":\"user-7\",\"ts\":\"2027-01-01T00:00:00Z\",\"text\":\"\u00e9t\u00e9 \u2713 \u4e2d\u6587\",\"release\":\"r2\"}");

    static final String CASES = String.join("\n",
            "{\"case_id\":\"c1\",\"input\":\"Refund a double charge\",\"expected\":\"Refund once.\","
                    + "\"tags\":[\"billing\",\"refund\"],\"split\":\"sealed\",\"origin\":\"incident\","
                    + "\"rationale\":\"INC-42 regression\",\"owner\":\"ana\",\"created\":\"2026-01-05\","
                    + "\"expires\":\"2026-12-31\",\"label_source\":\"human-blind\",\"source_ref\":\"INC-42\","
                    + "\"embedding\":[0.5,0.25]}",
            "{\"case_id\":\"c2\",\"input\":\"Write a haiku,\\nplease\",\"tags\":[\"creative\"],"
                    + "\"origin\":\"synthetic\",\"owner\":\"bo\",\"created\":\"2026-02-01\"}");

    static final String RUNS = String.join("\n",
            "{\"release\":\"r1\",\"case_id\":\"c1\",\"score\":0.75,\"grader\":\"judge-gpt@v3\",\"output\":\"Refunded.\"}",
            "{\"release\":\"r1\",\"case_id\":\"c2\",\"score\":1.0,\"grader\":\"judge-gpt@v3\",\"output\":\"Leaves fall,\\n\\\"quiet\\\"\"}",
            "{\"release\":\"r2\",\"case_id\":\"c1\",\"score\":0.0,\"grader\":\"human\"}");

    static final String KPIS = String.join("\n",
            "{\"release\":\"r1\",\"window\":\"2026-W47\",\"metric\":\"thumbs_up_rate\",\"value\":0.625,\"n\":1200}",
            "{\"release\":\"r2\",\"metric\":\"retry_rate\",\"value\":0.125,\"n\":980}",
            "{\"window\":\"2026-W48\",\"metric\":\"csat\",\"value\":4.25}");

    /** Every format of {@code jsonl}'s records, keyed by a label; names never reveal the format. */
    private Map<String, Path> allFormats(String stream, String jsonl) {
        List<ObjectNode> records = Fixtures.objects(jsonl);
        Map<String, Path> files = new LinkedHashMap<>();
        Path jl = Fixtures.write(dir, stream + "-a.dat", Fixtures.jsonl(records));
        files.put("jsonl", jl);
        files.put("json-array", Fixtures.write(dir, stream + "-b.dat", Fixtures.jsonArray(records)));
        files.put("csv", Fixtures.write(dir, stream + "-c.dat", Fixtures.csv(records)));
        files.put("parquet", Fixtures.parquet(dir.resolve(stream + "-d.dat"),
                "SELECT * FROM read_json(" + Fixtures.sqlString(jl) + ", format = 'newline_delimited')"));
        for (String k : List.copyOf(files.keySet())) {
            files.put(k + "+gzip", Fixtures.gzipCopy(files.get(k), stream + "-" + k + "-gz.dat"));
        }
        return files;
    }

    private <T> List<T> assertSameFromEveryFormat(StreamKind stream, String jsonl, Format... expectedFormats) {
        Map<String, Path> files = allFormats(stream.label(), jsonl);
        List<T> reference = Fixtures.parseAll(files.get("jsonl"), IngestOptions.defaults(stream));
        assertThat(reference).hasSize(Fixtures.objects(jsonl).size());
        for (Map.Entry<String, Path> e : files.entrySet()) {
            DetectedFormat f = DetectedFormat.of(e.getValue());
            assertThat(f.toString()).isEqualTo(e.getKey());
            List<T> got = Fixtures.parseAll(e.getValue(), IngestOptions.defaults(stream));
            assertThat(got).as(e.getKey()).usingRecursiveFieldByFieldElementComparator().isEqualTo(reference);
        }
        return reference;
    }

    @Test
    void trafficIsIdenticalFromEveryFormat() {
        List<Interaction> got = assertSameFromEveryFormat(StreamKind.TRAFFIC, TRAFFIC);

        Interaction first = got.get(0);
        assertThat(first.id()).matches("[0-9a-f]{32}");
        assertThat(first.ts()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(first.window()).isEqualTo("2026-W47");
        assertThat(first.thumbsUp()).isTrue();
        assertThat(first.edited()).isTrue();
        assertThat(first.retried()).isFalse();
        assertThat(first.weight()).isEqualTo(1.5);
        assertThat(first.embedding()).containsExactly(0.25f, -0.5f, 0.125f);
        Interaction second = got.get(1);
        assertThat(second.ts()).isEqualTo(Instant.parse("2026-11-23T06:30:00Z"));
        assertThat(second.text()).isEqualTo("Line one\nline two, with \"quotes\"");
        assertThat(second.response()).isNull();
        assertThat(second.thumbsUp()).isFalse();
        assertThat(got.get(2).id()).isEqualTo("user-7");
        assertThat(got.get(2).text()).isEqualTo("\u00e9t\u00e9 \u2713 \u4e2d\u6587");
        assertThat(got.get(2).window()).isEqualTo("2026-W53");
        assertThat(got.get(2).thumbsUp()).isNull();
    }

    @Test
    void casesAreIdenticalFromEveryFormat() {
        List<EvalCase> got = assertSameFromEveryFormat(StreamKind.CASES, CASES);

        EvalCase c1 = got.get(0);
        assertThat(c1.tags()).containsExactly("billing", "refund");
        assertThat(c1.split()).isEqualTo("sealed");
        assertThat(c1.origin()).isEqualTo("incident");
        assertThat(c1.created()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(c1.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(got.get(1).split()).isEqualTo(EvalCase.SPLIT_PUBLIC);
        assertThat(got.get(1).input()).isEqualTo("Write a haiku,\nplease");
        assertThat(got.get(1).embedding()).isNull();
    }

    @Test
    void runsAreIdenticalFromEveryFormat() {
        List<RunResult> got = assertSameFromEveryFormat(StreamKind.RUNS, RUNS);

        assertThat(got).extracting(RunResult::score).containsExactly(0.75, 1.0, 0.0);
        assertThat(got).extracting(RunResult::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(got.get(1).output()).isEqualTo("Leaves fall,\n\"quiet\"");
    }

    @Test
    void kpisAreIdenticalFromEveryFormat() {
        List<KpiObservation> got = assertSameFromEveryFormat(StreamKind.KPIS, KPIS);

        assertThat(got.get(0)).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new KpiObservation(null, "r1", "2026-W47", "thumbs_up_rate", 0.625, 1200L));
        assertThat(got.get(1).window()).isNull();
        assertThat(got.get(2).release()).isNull();
        assertThat(got.get(2).n()).isNull();
    }

    @Test
    void idsDependOnContentNotOnFileOrLine() {
        List<ObjectNode> records = Fixtures.objects(TRAFFIC);
        Path a = Fixtures.write(dir, "a.jsonl", Fixtures.jsonl(records));
        // the same records in a different order, after a blank line, under another name
        Path b = Fixtures.write(dir, "b.jsonl", "\n" + Fixtures.jsonl(List.of(records.get(2), records.get(0), records.get(1))));
        List<Interaction> fromA = Fixtures.parseAll(a, IngestOptions.defaults(StreamKind.TRAFFIC));
        List<Interaction> fromB = Fixtures.parseAll(b, IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(fromB).extracting(Interaction::id)
                .containsExactly(fromA.get(2).id(), fromA.get(0).id(), fromA.get(1).id());

        // a different text gives a different id; a field outside the id (segment) does not
        records.get(0).put("segment", "enterprise");
        records.get(1).put("text", "Line one");
        Path c = Fixtures.write(dir, "c.jsonl", Fixtures.jsonl(records));
        List<Interaction> fromC = Fixtures.parseAll(c, IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(fromC.get(0).id()).isEqualTo(fromA.get(0).id());
        assertThat(fromC.get(1).id()).isNotEqualTo(fromA.get(1).id());
    }

    @Test
    void sameInstantWrittenDifferentlyGivesSameId() {
        String[] forms = {"\"2026-11-22T10:00:00Z\"", "\"2026-11-22T11:00:00+01:00\"", "\"2026-11-22 10:00:00\"",
            "\"2026-11-22T10:00:00.000\"", "1795341600", "1795341600000", "\"1795341600\""};
        StringBuilder sb = new StringBuilder();
        for (String ts : forms) {
            sb.append("{\"ts\":").append(ts).append(",\"text\":\"same\"}\n");
        }
        Path f = Fixtures.write(dir, "t.jsonl", sb.toString());
        List<Interaction> got = Fixtures.parseAll(f, IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(got).extracting(Interaction::ts).containsOnly(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(got).extracting(Interaction::id).containsOnly(got.get(0).id());
    }

    @Test
    void parquetNativeTypesAndNestedFieldsAreMapped() {
        // typed columns as an analytics export would have them: TIMESTAMPTZ, FLOAT, FLOAT[], STRUCT, LIST of STRUCT
        Path p = Fixtures.parquet(dir.resolve("export.bin"), "SELECT * FROM (VALUES "
                + "(TIMESTAMPTZ '2026-11-22 12:00:00+02', {'user': {'prompt': 'hello'}, 'rel': 'r1'}, 0.1::FLOAT,"
                + " [0.5, 0.25]::FLOAT[], TIMESTAMP '2026-11-22 10:00:00'),"
                + "(TIMESTAMPTZ '2026-11-23 00:00:00+00', {'user': {'prompt': 'bye'}, 'rel': NULL}, NULL,"
                + " NULL, NULL)) t(created_at, meta, quality, vec, ts_local)");
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC).withMapping(FieldMapping.parse(
                StreamKind.TRAFFIC, List.of("ts=created_at", "text=meta.user.prompt", "release=meta.rel",
                        "csat=quality", "embedding=vec")));
        List<Interaction> got = Fixtures.parseAll(p, opts);
        assertThat(got.get(0).ts()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(got.get(0).text()).isEqualTo("hello");
        assertThat(got.get(0).release()).isEqualTo("r1");
        assertThat(got.get(0).csat()).isEqualTo(0.1); // FLOAT 0.1 reads as 0.1, not 0.10000000149011612
        assertThat(got.get(0).embedding()).containsExactly(0.5f, 0.25f);
        assertThat(got.get(1).release()).isNull();
        assertThat(got.get(1).embedding()).isNull();

        // a TIMESTAMP without zone is UTC
        IngestOptions local = opts.withMapping(FieldMapping.parse(StreamKind.TRAFFIC,
                List.of("ts=ts_local", "text=meta.user.prompt")));
        List<ReadResult> rows = Fixtures.readAll(p, "export.bin");
        Parsed<?> row1 = RecordParser.of("export.bin", local).parse((SourceRecord) rows.get(0));
        assertThat(((Interaction) row1.value()).ts()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        Parsed<?> row2 = RecordParser.of("export.bin", local).parse((SourceRecord) rows.get(1));
        assertThat(row2.error().message()).isEqualTo("export.bin:2: field 'ts' (mapped from 'ts_local'): "
                + "missing (or give a default timestamp)");
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).raw()).startsWith("{\"created_at\":\"2026-11-22 10:00:00+00\"");
    }

    @Test
    void csvRawTextIsVerbatim() {
        Path f = Fixtures.write(dir, "runs.csv", "release,case_id,score\r\nr1,\"c,1\",0.5\r\nr1,c2,\"1\"\r\n");
        List<ReadResult> rows = Fixtures.readAll(f, "runs.csv");
        assertThat(rows).extracting(ReadResult::raw).containsExactly("r1,\"c,1\",0.5", "r1,c2,\"1\"");
        assertThat(rows).extracting(ReadResult::line).containsExactly(2L, 3L);
        assertThat(new String(Fixtures.gzip("x".getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1))
                .startsWith("\u001f\u008b");
    }
}
