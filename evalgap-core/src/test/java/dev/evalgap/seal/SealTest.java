package dev.evalgap.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalgap.Progress;
import dev.evalgap.ingest.FileIngest;
import dev.evalgap.ingest.IngestException;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.Ingester;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Store;
import dev.evalgap.store.TempStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code evalgap seal}: seeded, stratified, one new version, idempotent, never unseals. */
class SealTest {

    @RegisterExtension
    final TempStore ws = new TempStore();

    /** Strata by first tag: a = 7 cases, b = 7, c = 6 (N = 20). */
    private Path casesFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Integer> s : Map.of("a", 7, "b", 7, "c", 6).entrySet()) {
            for (int k = 0; k < s.getValue(); k++, i++) {
                sb.append(String.format("{\"case_id\": \"c%02d\", \"input\": \"question number %d about %s\", "
                        + "\"expected\": \"answer %d\", \"tags\": [\"%s\", \"other\"]}%n", i, i, s.getKey(), i, s.getKey()));
            }
        }
        Path p = ws.dir().resolve("cases.jsonl");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private Map<String, Long> sealedByStratum(int version) {
        return ws.store().cases("s", version).stream().filter(c -> EvalCase.SPLIT_SEALED.equals(c.split()))
                .collect(Collectors.groupingBy(c -> c.tags().get(0), Collectors.counting()));
    }

    @Test
    void sealsAStratifiedSeededFractionAsANewVersionAndIsIdempotent() throws IOException {
        Path file = casesFile();
        ws.ingester().ingestCases("s", List.of(file), IngestOptions.defaults(StreamKind.CASES), OnError.FAIL, false);

        // 0.2 x 20 = 4 in total; exact quotas 1.4, 1.4, 1.2 -> floors 1, 1, 1; the one left goes to the
        // largest remainder (a and b tie at 0.4 and at size 7: name order, so a): quotas a 2, b 1, c 1
        SealResult r = new Seal(ws.store()).run(new SealRequest("s", 0.2, 42));
        assertThat(r.fromVersion()).isEqualTo(1);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.newVersion()).isTrue();
        assertThat(r.target()).isEqualTo(4);
        assertThat(r.sealedAfter()).isEqualTo(4);
        assertThat(r.newlySealed()).hasSize(4);
        assertThat(r.strata()).extracting(SealStratum::stratum, SealStratum::cases, SealStratum::quota)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 7, 2),
                        org.assertj.core.groups.Tuple.tuple("b", 7, 1), org.assertj.core.groups.Tuple.tuple("c", 6, 1));
        assertThat(sealedByStratum(2)).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 1L));
        assertThat(sealedByStratum(1)).isEmpty();
        assertThat(ws.store().cases("s", 2)).hasSize(20);
        assertThat(ws.store().caseVersionSources("s").get(2)).startsWith("seal: fraction 0.2, seed 42");
        // the sealed texts never appear in the result
        String json = dev.evalgap.ResultJson.write(r);
        ws.store().cases("s", 2).stream().filter(c -> r.newlySealed().contains(c.caseId()))
                .forEach(c -> assertThat(json).doesNotContain(c.input()).doesNotContain(c.expected()));

        // same arguments again: nothing changes, no version is written
        SealResult again = new Seal(ws.store()).run(new SealRequest("s", 0.2, 42));
        assertThat(again.newVersion()).isFalse();
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.newlySealed()).isEmpty();
        assertThat(ws.store().currentCaseVersion("s")).contains(2);

        // re-ingesting the original file (no split field = public) never unseals
        FileIngest reingest = ws.ingester().ingestCases("s", List.of(file), IngestOptions.defaults(StreamKind.CASES),
                OnError.FAIL, false);
        assertThat(reingest.merge().newVersion()).isFalse();
        assertThat(sealedByStratum(2)).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 1L));

        // a larger fraction tops the strata up, keeping the cases sealed before
        SealResult more = new Seal(ws.store()).run(new SealRequest("s", 0.5, 42));
        assertThat(more.version()).isEqualTo(3);
        assertThat(more.sealedBefore()).isEqualTo(4);
        assertThat(more.sealedAfter()).isEqualTo(10);
        assertThat(ws.store().cases("s", 3).stream().filter(c -> EvalCase.SPLIT_SEALED.equals(c.split()))
                .map(EvalCase::caseId).toList()).containsAll(r.newlySealed());
    }

    @Test
    void theChoiceDependsOnTheSeedNotOnTheFileOrder() throws IOException {
        Path file = casesFile();
        List<String> lines = Files.readAllLines(file);
        java.util.Collections.reverse(lines);
        Path reversed = ws.dir().resolve("reversed.jsonl");
        Files.write(reversed, lines);
        try (Store other = Store.open(ws.dir().resolve("other.duckdb"), "test")) {
            new Ingester(other, ws.dir().resolve("rejects"), Progress.NONE).ingestCases("s", List.of(reversed),
                    IngestOptions.defaults(StreamKind.CASES), OnError.FAIL, false);
            ws.ingester().ingestCases("s", List.of(file), IngestOptions.defaults(StreamKind.CASES), OnError.FAIL, false);
            SealResult a = new Seal(ws.store()).run(new SealRequest("s", 0.3, 7));
            SealResult b = new Seal(other).run(new SealRequest("s", 0.3, 7));
            assertThat(a.newlySealed()).isEqualTo(b.newlySealed()).hasSize(6);
            SealResult c = new Seal(other).run(new SealRequest("s", 0.6, 8));
            assertThat(c.newlySealed()).doesNotContainAnyElementsOf(a.newlySealed());
        }
    }

    @Test
    void untaggedSetIsOneStratumAndBadArgumentsAreErrors() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(String.format("{\"case_id\": \"u%d\", \"input\": \"untagged question %d\"}%n", i, i));
        }
        Path file = ws.dir().resolve("u.jsonl");
        Files.writeString(file, sb.toString());
        ws.ingester().ingestCases("u", List.of(file), IngestOptions.defaults(StreamKind.CASES), OnError.FAIL, false);
        SealResult r = new Seal(ws.store()).run(new SealRequest("u", 0.25, 1));
        assertThat(r.stratification()).isEqualTo("none (no case has a tag)");
        assertThat(r.sealedAfter()).isEqualTo(3); // round(2.5) = 3
        assertThat(r.strata()).singleElement().satisfies(s -> assertThat(s.stratum()).isEqualTo(Seal.ALL));
        assertThatThrownBy(() -> new SealRequest("u", 1.0, 1)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new Seal(ws.store()).run(new SealRequest("nope", 0.2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no eval set 'nope'");
    }

    @Test
    void sealedTextsHideCopiesAndContainingTexts() {
        SealedTexts s = SealedTexts.of(List.of(
                new EvalCase("c1", "Where is my  Order #123?", "It ships today.", null, EvalCase.SPLIT_SEALED, null,
                        null, null, null, null, null, null, null),
                new EvalCase("c2", "hi", null, null, EvalCase.SPLIT_SEALED, null, null, null, null, null, null, null,
                        null),
                new EvalCase("c3", "public text", null, null, EvalCase.SPLIT_PUBLIC, null, null, null, null, null, null,
                        null, null)));
        assertThat(s.sealedCases()).isEqualTo(2);
        assertThat(s.isSealed("c1")).isTrue();
        assertThat(s.isSealed("c3")).isFalse();
        assertThat(s.reveals("where is my order #123?")).isTrue();
        assertThat(s.reveals("Hello! Where is my order #123? Thanks")).isTrue();
        assertThat(s.reveals("it ships today.")).isTrue();
        assertThat(s.reveals("HI")).isTrue();
        assertThat(s.reveals("hi, where is my parcel")).isFalse(); // a short sealed text hides only itself
        assertThat(s.reveals("public text")).isFalse();
        assertThat(SealedTexts.none().reveals("anything")).isFalse();
    }

    @Test
    void ingestErrorsNeverQuoteCaseTextsOrRunOutputs() throws IOException {
        Path cases = ws.dir().resolve("bad-cases.jsonl");
        Files.writeString(cases, """
                {"case_id": "c1", "input": {"secret": "sealed question text"}, "split": "sealed"}
                """);
        assertThatThrownBy(() -> ws.ingester().ingestCases("s", List.of(cases), IngestOptions.defaults(StreamKind.CASES),
                OnError.FAIL, false))
                .isInstanceOf(IngestException.class)
                .hasMessage(cases + ":1: field 'input': not a string")
                .message().doesNotContain("sealed question text");
        Path broken = ws.dir().resolve("broken-cases.jsonl");
        Files.writeString(broken, """
                {"case_id": "c1", "input": refundsecretword}
                """);
        assertThatThrownBy(() -> ws.ingester().ingestCases("s", List.of(broken), IngestOptions.defaults(StreamKind.CASES),
                OnError.FAIL, false))
                .isInstanceOf(IngestException.class)
                .message().contains("Unrecognized token (not shown)").doesNotContain("refundsecretword");
        Path runs = ws.dir().resolve("runs.jsonl");
        Files.writeString(runs, """
                {"release": "r1", "case_id": "c1", "score": 1, "output": ["the model's answer to a sealed case"]}
                """);
        assertThatThrownBy(() -> ws.ingester().ingest(List.of(runs), IngestOptions.defaults(StreamKind.RUNS), OnError.FAIL))
                .isInstanceOf(IngestException.class)
                .hasMessage(runs + ":1: field 'output': not a string");
    }
}
