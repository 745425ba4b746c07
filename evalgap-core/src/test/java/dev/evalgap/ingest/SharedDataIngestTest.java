package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads real public files from {@code ../shared/data} (see its README) as a user would, through field
 * mappings only. Skipped when that folder is absent, e.g. in a clone of the project alone.
 */
@Tag("shared-data")
class SharedDataIngestTest {

    private static Path shared(String relative) {
        String root = System.getProperty("evalgap.shared", "../../shared");
        Path p = Path.of(root, "data", relative);
        assumeTrue(Files.isRegularFile(p), "shared data absent: " + p);
        return p;
    }

    private static <T> long countOk(Path file, IngestOptions options, List<String> errors) {
        RecordParser<?> parser = RecordParser.of(file.getFileName().toString(), options);
        long ok = 0;
        try (RecordReader r = RecordReader.open(file, file.getFileName().toString())) {
            while (r.hasNext()) {
                ReadResult x = r.next();
                assertThat(x).isInstanceOf(SourceRecord.class);
                Parsed<?> p = parser.parse((SourceRecord) x);
                if (p.ok()) {
                    ok++;
                } else {
                    errors.add(p.error().message());
                }
            }
        }
        return ok;
    }

    @Test
    void shareGptConversationsAsTraffic() {
        Path f = shared("sharegpt_sample/sharegpt92k_sample_1000.jsonl");
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC)
                .withMapping(FieldMapping.parse(StreamKind.TRAFFIC, List.of("messages=conversations")))
                .withChatTurn(ChatTurn.FIRST)
                .withDefaultTs(Instant.parse("2026-11-22T00:00:00Z"));
        List<String> errors = new java.util.ArrayList<>();
        // Of the 1,000 conversations, 9 have no human turn and one (line 137) opens with an empty
        // human turn (counted with Python's json module)
        assertThat(countOk(f, opts, errors)).isEqualTo(990);
        assertThat(errors).hasSize(10).contains(
                "sharegpt92k_sample_1000.jsonl:137: field 'text' (mapped from 'conversations'): blank (\"\")");
        assertThat(errors).filteredOn(e -> e.endsWith(
                ": field 'text' (mapped from 'conversations'): missing; no user turn in 'conversations'")).hasSize(9);
    }

    @Test
    void mtBenchQuestionsAsCasesThroughAnArrayIndex() {
        Path f = shared("mt_bench/mt_bench_question.jsonl");
        IngestOptions opts = IngestOptions.defaults(StreamKind.CASES).withMapping(
                FieldMapping.parse(StreamKind.CASES, List.of("case_id=question_id", "input=turns.0", "tags=category")));
        List<String> errors = new java.util.ArrayList<>();
        assertThat(countOk(f, opts, errors)).isEqualTo(80);
        assertThat(errors).isEmpty();
        EvalCase first = Fixtures.<EvalCase>parseAll(f, opts).get(0);
        assertThat(first.caseId()).isEqualTo("81");
        assertThat(first.tags()).containsExactly("writing");
    }

    @Test
    void alpacaEvalJsonArrayAsTraffic() {
        Path f = shared("alpaca_eval/alpaca_eval_gpt4_model_outputs.json");
        assertThat(DetectedFormat.of(f)).isEqualTo(new DetectedFormat(Format.JSON_ARRAY, false));
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC)
                .withMapping(FieldMapping.parse(StreamKind.TRAFFIC,
                        List.of("text=instruction", "response=output", "segment=dataset")))
                .withDefaultTs(Instant.parse("2026-11-22T00:00:00Z"));
        List<Interaction> got = Fixtures.parseAll(f, opts);
        assertThat(got).hasSize(805);
        assertThat(got.get(0).segment()).isEqualTo("helpful_base");
    }
}
