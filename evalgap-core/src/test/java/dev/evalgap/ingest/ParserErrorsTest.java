package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.store.Interaction;
import dev.evalgap.store.KpiObservation;
import dev.evalgap.store.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejection renders as {@code FILE:LINE: field 'x': reason (value)}. */
class ParserErrorsTest {

    @TempDir
    Path dir;

    private List<String> errors(StreamKind stream, String name, String content) {
        return errors(IngestOptions.defaults(stream), name, content);
    }

    private List<String> errors(IngestOptions options, String name, String content) {
        return Fixtures.errors(Fixtures.write(dir, name, content), name, options);
    }

    @Test
    void wrongTypeForANumber() {
        assertThat(errors(StreamKind.RUNS, "runs.jsonl", String.join("\n",
                "{\"release\":\"r1\",\"case_id\":\"c1\",\"score\":0.5}",
                "{\"release\":\"r1\",\"case_id\":\"c2\",\"score\":\"abc\"}",
                "{\"release\":\"r1\",\"case_id\":\"c3\",\"score\":\"0.7\"}",
                "{\"release\":\"r1\",\"case_id\":\"c4\",\"score\":NaN}",
                "{\"release\":\"r1\",\"case_id\":\"c5\",\"score\":[1]}",
                "{\"release\":\"r1\",\"case_id\":\"c6\",\"score\":\"Infinity\"}")))
                .containsExactly(
                        "runs.jsonl:2: field 'score': not a number (\"abc\")",
                        "runs.jsonl:4: field 'score': not finite (NaN)",
                        "runs.jsonl:5: field 'score': not a number ([1])",
                        "runs.jsonl:6: field 'score': not finite (\"Infinity\")");
    }

    @Test
    void wrongTypeInCsv() {
        assertThat(errors(StreamKind.RUNS, "runs.csv", "release,case_id,score\nr1,c1,abc\nr1,c2,0.7\n"))
                .containsExactly("runs.csv:2: field 'score': not a number (\"abc\")");
    }

    @Test
    void missingRequiredField() {
        assertThat(errors(StreamKind.TRAFFIC, "t.jsonl", String.join("\n",
                "{\"ts\":\"2026-11-22T10:00:00Z\"}",
                "{\"text\":\"hi\"}",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":\"   \"}",
                "{\"ts\":null,\"text\":\"hi\"}",
                "{\"ts\":\"2026-11-22T10:00:00Z\",\"text\":{\"a\":1}}")))
                .containsExactly(
                        "t.jsonl:1: field 'text': missing",
                        "t.jsonl:2: field 'ts': missing (or give a default timestamp)",
                        "t.jsonl:3: field 'text': blank (\"   \")",
                        "t.jsonl:4: field 'ts': missing (or give a default timestamp)",
                        "t.jsonl:5: field 'text': not a string ({\"a\":1})");
        assertThat(errors(StreamKind.CASES, "cases.csv", "case_id,input\n,hello\nc2,\n"))
                .containsExactly("cases.csv:2: field 'case_id': missing", "cases.csv:3: field 'input': missing");
        assertThat(errors(StreamKind.KPIS, "kpi.jsonl", "{\"metric\":\"csat\",\"value\":4}\n{\"window\":\"2026-W47\",\"value\":4}"))
                .containsExactly(
                        "kpi.jsonl:1: field 'release': missing, and so is 'window': a KPI needs a release or a window",
                        "kpi.jsonl:2: field 'metric': missing");
    }

    @Test
    void mappedFieldMissingNamesBoth() {
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC).withMapping(
                FieldMapping.parse(StreamKind.TRAFFIC, List.of("text=prompt", "ts=meta.created_at")));
        assertThat(errors(opts, "t.jsonl", String.join("\n",
                "{\"meta\":{\"created_at\":\"2026-11-22T10:00:00Z\"},\"text\":\"not the mapped one\"}",
                "{\"meta\":{\"created_at\":\"yesterday\"},\"prompt\":\"hi\"}",
                "{\"meta\":{\"created_at\":\"2026-11-22T10:00:00Z\"},\"prompt\":\"hi\"}")))
                .containsExactly(
                        "t.jsonl:1: field 'text' (mapped from 'prompt'): missing",
                        "t.jsonl:2: field 'ts' (mapped from 'meta.created_at'): not a timestamp (\"yesterday\")");
    }

    @Test
    void badTimestamps() {
        assertThat(errors(StreamKind.TRAFFIC, "t.jsonl", String.join("\n",
                "{\"ts\":\"yesterday\",\"text\":\"a\"}",
                "{\"ts\":\"2026-02-30\",\"text\":\"a\"}",
                "{\"ts\":\"2026-11-22T25:00:00Z\",\"text\":\"a\"}",
                "{\"ts\":true,\"text\":\"a\"}",
                "{\"ts\":\"22/11/2026\",\"text\":\"a\"}")))
                .containsExactly(
                        "t.jsonl:1: field 'ts': not a timestamp (\"yesterday\")",
                        "t.jsonl:2: field 'ts': not a timestamp (\"2026-02-30\")",
                        "t.jsonl:3: field 'ts': not a timestamp (\"2026-11-22T25:00:00Z\")",
                        "t.jsonl:4: field 'ts': not a timestamp (true)",
                        "t.jsonl:5: field 'ts': not a timestamp (\"22/11/2026\")");
        assertThat(errors(StreamKind.CASES, "c.jsonl", "{\"case_id\":\"c\",\"input\":\"i\",\"expires\":\"soon\"}"))
                .containsExactly("c.jsonl:1: field 'expires': not a date (\"soon\")");
    }

    @Test
    void badEnums() {
        assertThat(errors(StreamKind.CASES, "cases.jsonl", String.join("\n",
                "{\"case_id\":\"c1\",\"input\":\"a\",\"split\":\"private\"}",
                "{\"case_id\":\"c2\",\"input\":\"a\",\"origin\":\"made-up\"}",
                "{\"case_id\":\"c3\",\"input\":\"a\",\"split\":\"SEALED\",\"origin\":\"production_sample\"}")))
                .containsExactly(
                        "cases.jsonl:1: field 'split': not one of public, sealed (\"private\")",
                        "cases.jsonl:2: field 'origin': not one of production-sample, incident, synthetic, handwritten (\"made-up\")");
        assertThat(errors(StreamKind.TRAFFIC, "t.jsonl", "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"thumbs\":\"meh\"}"))
                .containsExactly("t.jsonl:1: field 'thumbs': not up/down, true/false, 1/0 or +1/-1 (\"meh\")");
    }

    @Test
    void otherValueChecks() {
        assertThat(errors(StreamKind.TRAFFIC, "t.jsonl", String.join("\n",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"weight\":-1}",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"retried\":\"maybe\"}",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"csat\":\"Infinity\"}",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"embedding\":[0.1,\"x\"]}",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"embedding\":[]}",
                "{\"ts\":\"2026-11-22\",\"text\":\"a\",\"embedding\":\"0.1 abc\"}")))
                .containsExactly(
                        "t.jsonl:1: field 'weight': negative (-1)",
                        "t.jsonl:2: field 'retried': not a boolean (true/false, 1/0, yes/no) (\"maybe\")",
                        "t.jsonl:3: field 'csat': not finite (\"Infinity\")",
                        "t.jsonl:4: field 'embedding': not a vector of numbers ([0.1,\"x\"])",
                        "t.jsonl:5: field 'embedding': empty vector ([])",
                        "t.jsonl:6: field 'embedding': not a vector of numbers (\"0.1 abc\")");
        assertThat(errors(StreamKind.KPIS, "k.csv", "release,metric,value,n\nr1,csat,4,-3\nr1,csat,4,2.5\nr1,csat,4,12\n"))
                .containsExactly("k.csv:2: field 'n': negative (\"-3\")", "k.csv:3: field 'n': not an integer (\"2.5\")");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String longText = "y".repeat(500);
        List<String> got = errors(StreamKind.TRAFFIC, "t.jsonl", "{\"ts\":\"" + longText + "\",\"text\":\"a\"}");
        assertThat(got).singleElement().asString()
                .startsWith("t.jsonl:1: field 'ts': not a timestamp (\"yyy").endsWith("\u2026)").hasSizeLessThan(130);
    }

    @Test
    void lenientFormsOfValuesAreAccepted() {
        Path f = Fixtures.write(dir, "t.csv", String.join("\n",
                "ts,text,thumbs,retried,edited,abandoned,weight,csat,embedding",
                "1795341600,a,+1,yes,1,FALSE,2,5,0.5 0.25",
                "1795341600000,b,-1,no,0,True,,,\"[0.5,0.25]\"",
                "2026-11-22,c,0,,,,,,\"0.5, 0.25\""));
        List<Interaction> got = Fixtures.parseAll(f, IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(got).extracting(Interaction::thumbsUp).containsExactly(true, false, false);
        assertThat(got).extracting(Interaction::retried).containsExactly(true, false, null);
        assertThat(got).extracting(Interaction::abandoned).containsExactly(false, true, null);
        assertThat(got).extracting(Interaction::ts).containsExactly(Instant.parse("2026-11-22T10:00:00Z"),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(got).allSatisfy(i -> assertThat(i.embedding()).containsExactly(0.5f, 0.25f));
        assertThat(got.get(0).weight()).isEqualTo(2.0);
        assertThat(got.get(1).weight()).isNull();

        Path runs = Fixtures.write(dir, "r.jsonl", "{\"release\":\" r1 \",\"case_id\":7,\"score\":true,\"grader\":\"exact\"}");
        RunResult r = Fixtures.<RunResult>parseAll(runs, IngestOptions.defaults(StreamKind.RUNS)).get(0);
        assertThat(r.release()).isEqualTo("r1");
        assertThat(r.caseId()).isEqualTo("7");
        assertThat(r.score()).isEqualTo(1.0);

        Path cases = Fixtures.write(dir, "c.csv", "case_id,input,tags,created\nc1,i,\"a, b ,c\",2026-03-01T23:30:00-02:00\n");
        assertThat(Fixtures.<dev.evalgap.store.EvalCase>parseAll(cases, IngestOptions.defaults(StreamKind.CASES)).get(0))
                .satisfies(c -> {
                    assertThat(c.tags()).containsExactly("a", "b", "c");
                    assertThat(c.created()).isEqualTo(java.time.LocalDate.of(2026, 3, 2)); // UTC date
                });
    }

    @Test
    void defaultTimestampFillsOnlyAbsentTs() {
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC).withDefaultTs(Instant.parse("2026-01-01T00:00:00Z"))
                .withWindow(WindowScheme.MONTH);
        Path f = Fixtures.write(dir, "t.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\",\"ts\":\"2026-05-05\"}\n");
        List<Interaction> got = Fixtures.parseAll(f, opts);
        assertThat(got).extracting(Interaction::ts)
                .containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-05-05T00:00:00Z"));
        assertThat(got).extracting(Interaction::window).containsExactly("2026-01", "2026-05");
        assertThat(errors(opts, "u.jsonl", "{\"text\":\"a\",\"ts\":\"bad\"}"))
                .containsExactly("u.jsonl:1: field 'ts': not a timestamp (\"bad\")");
    }

    @Test
    void kpiIdsAreOnePerReleaseWindowAndMetric() {
        Path f = Fixtures.write(dir, "k.jsonl", String.join("\n",
                "{\"release\":\"r1\",\"metric\":\"csat\",\"value\":4}",
                "{\"release\":\"r1\",\"metric\":\"csat\",\"value\":5}",
                "{\"window\":\"r1\",\"metric\":\"csat\",\"value\":5}"));
        List<KpiObservation> got = Fixtures.parseAll(f, IngestOptions.defaults(StreamKind.KPIS));
        assertThat(got.get(0).id()).isEqualTo(got.get(1).id()).isNotEqualTo(got.get(2).id());
    }

    @Test
    void errorRecordsAreStructured() {
        Path f = Fixtures.write(dir, "runs.jsonl", "{\"release\":\"r1\",\"case_id\":\"c1\",\"score\":\"abc\"}");
        SourceRecord r = (SourceRecord) Fixtures.readAll(f, "runs.jsonl").get(0);
        IngestError e = new RunParser("runs.jsonl", IngestOptions.defaults(StreamKind.RUNS)).parse(r).error();
        assertThat(e).isEqualTo(new IngestError("runs.jsonl", 1, "score", null, "not a number", "\"abc\""));
    }
}
