package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalgap.raters.RaterKind;
import dev.evalgap.raters.Rating;
import dev.evalgap.store.TempStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ratings stream: parsing, unusable scores kept, bad records, ids, idempotent re-ingest, read-back. */
class RatingsIngestTest {

    private static final IngestOptions OPTIONS = IngestOptions.defaults(StreamKind.RATINGS);

    @RegisterExtension
    final TempStore ws = new TempStore();

    @Test
    void everyFieldIsReadAndAnUnreadableScoreIsKeptAsUnusable() throws IOException {
        Path file = ws.write("r.jsonl", """
                {"item_id": "q1", "rater": "gpt-judge", "rater_kind": "judge", "rater_version": "gpt-4o-2024-08-06/v3", "rubric_version": "r2", "score": "A", "scale": "pairwise", "ts": "2026-11-18T10:00:00Z", "anchor": true, "output_len": 120, "output_model": "gpt", "output_len_b": 80, "output_model_b": "llama", "shown_first": "b"}
                {"item_id": "q2", "rater": "gpt-judge", "rater_kind": "JUDGE", "score": "I think both are fine", "scale": "pairwise"}
                {"item_id": "q3", "rater": "ann", "rater_kind": "human", "score": 4, "scale": "ordinal:1-5", "contrast_pair": "p1", "contrast_side": "better"}
                {"item_id": "q4", "rater": "ann", "rater_kind": "human", "score": "", "scale": "ordinal:1-5"}
                {"item_id": "q5", "rater": "ann", "score": "Unsafe"}
                """);
        List<Rating> parsed = Fixtures.parseAll(file, OPTIONS);
        Rating first = parsed.get(0);
        assertThat(first.itemId()).isEqualTo("q1");
        assertThat(first.raterKind()).isEqualTo(RaterKind.JUDGE);
        assertThat(first.raterVersion()).isEqualTo("gpt-4o-2024-08-06/v3");
        assertThat(first.rubricVersion()).isEqualTo("r2");
        assertThat(first.label()).isEqualTo("A");
        assertThat(first.value()).isEqualTo(1.0);
        assertThat(first.ts()).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
        assertThat(first.period()).isEqualTo("2026-W47");
        assertThat(first.isAnchor()).isTrue();
        assertThat(first.outputLength()).isEqualTo(120L);
        assertThat(first.outputModelB()).isEqualTo("llama");
        assertThat(first.shownFirst()).isEqualTo("B");

        Rating garbage = parsed.get(1);
        assertThat(garbage.usable()).isFalse();
        assertThat(garbage.rawScore()).isEqualTo("I think both are fine");
        assertThat(garbage.label()).isNull();
        assertThat(garbage.period()).isNull();

        assertThat(parsed.get(2).value()).isEqualTo(4.0);
        assertThat(parsed.get(2).contrastSide()).isEqualTo("better");
        assertThat(parsed.get(3).usable()).as("a blank score is an empty judge output: unusable, kept").isFalse();
        assertThat(parsed.get(4).scale().label()).as("no scale: nominal").isEqualTo("nominal");
        assertThat(parsed.get(4).label()).isEqualTo("unsafe");
        assertThat(parsed.get(4).raterKind()).isNull();

        FileIngest r = ws.ingester().ingest(List.of(file), OPTIONS, OnError.FAIL).get(0);
        assertThat(r.merge().added()).isEqualTo(5);
        assertThat(r.unusable()).isEqualTo(2);
        assertThat(ws.store().ratings()).containsExactlyInAnyOrderElementsOf(parsed);
    }

    @Test
    void aMissingItemRaterOrScoreAndABadScaleAreBadRecords() throws IOException {
        Path file = ws.write("r.jsonl", """
                {"rater": "a", "score": 1}
                {"item_id": "q", "score": 1}
                {"item_id": "q", "rater": "a"}
                {"item_id": "q", "rater": "a", "score": null}
                {"item_id": "q", "rater": "a", "score": 1, "scale": "likert"}
                {"item_id": "q", "rater": "a", "score": 1, "scale": "ordinal:5-1"}
                {"item_id": "q", "rater": "a", "score": 1, "rater_kind": "robot"}
                {"item_id": "q", "rater": "a", "score": 1, "shown_first": "C"}
                {"item_id": "q", "rater": "a", "score": 1, "contrast_pair": "p"}
                {"item_id": "q", "rater": "a", "score": 1, "output_len": -3}
                """);
        assertThat(Fixtures.errors(file, "r.jsonl", OPTIONS)).containsExactly(
                "r.jsonl:1: field 'item_id': missing",
                "r.jsonl:2: field 'rater': missing",
                "r.jsonl:3: field 'score': missing",
                "r.jsonl:4: field 'score': missing",
                "r.jsonl:5: field 'scale': not a scale (binary, nominal, ordinal, interval or pairwise; e.g. "
                        + "ordinal:1-5) (\"likert\")",
                "r.jsonl:6: field 'scale': the range's low end must be below its high end (\"ordinal:5-1\")",
                "r.jsonl:7: field 'rater_kind': not one of human, judge (\"robot\")",
                "r.jsonl:8: field 'shown_first': not one of a, b (\"C\")",
                "r.jsonl:9: field 'contrast_side': missing: an item of a contrast pair is its better or its worse side",
                "r.jsonl:10: field 'output_len': negative (-3)");
        assertThatThrownBy(() -> ws.ingester().ingest(List.of(file), OPTIONS, OnError.FAIL))
                .isInstanceOf(IngestException.class);
        assertThat(ws.store().count("ratings")).isZero();
    }

    @Test
    void reIngestAddsNothingAcrossFormatsAndACorrectedScoreReplacesTheOldOne() throws IOException {
        Path jsonl = ws.write("r.jsonl", """
                {"item_id": "q1", "rater": "a", "score": 3, "scale": "ordinal:1-5", "ts": "2026-11-18T10:00:00Z"}
                {"item_id": "q1", "rater": "a", "score": 4, "scale": "ordinal:1-5", "ts": "2026-11-25T10:00:00Z"}
                {"item_id": "q1", "rater": "j", "score": "A", "scale": "pairwise", "shown_first": "A"}
                {"item_id": "q1", "rater": "j", "score": "B", "scale": "pairwise", "shown_first": "B"}
                """);
        Path csv = ws.write("r.csv", """
                item_id,rater,score,scale,ts,shown_first
                q1,a,3,ordinal:1-5,2026-11-18T10:00:00Z,
                q1,a,4,ordinal:1-5,2026-11-25T10:00:00Z,
                q1,j,A,pairwise,,A
                q1,j,B,pairwise,,B
                """);
        assertThat(ws.ingester().ingest(List.of(jsonl), OPTIONS, OnError.FAIL).get(0).merge().added())
                .as("the same item rated in two periods or two orders is four ratings").isEqualTo(4);
        assertThat(ws.ingester().ingest(List.of(jsonl), OPTIONS, OnError.FAIL).get(0).merge().unchanged()).isEqualTo(4);
        assertThat(ws.ingester().ingest(List.of(csv), OPTIONS, OnError.FAIL).get(0).merge().unchanged()).isEqualTo(4);

        Path corrected = ws.write("fix.jsonl", """
                {"item_id": "q1", "rater": "a", "score": 5, "scale": "ordinal:1-5", "ts": "2026-11-25T10:00:00Z"}
                """);
        assertThat(ws.ingester().ingest(List.of(corrected), OPTIONS, OnError.FAIL).get(0).merge().replaced()).isEqualTo(1);
        assertThat(ws.store().count("ratings")).isEqualTo(4);
        assertThat(ws.store().ratings()).filteredOn(r -> "2026-W48".equals(r.period())).singleElement()
                .extracting(Rating::value).isEqualTo(5.0);
    }

    @Test
    void theDefaultTimestampDatesRatingsWithoutTs() throws IOException {
        Path file = ws.write("r.jsonl", "{\"item_id\": \"q\", \"rater\": \"a\", \"score\": 1, \"scale\": \"binary\"}\n");
        List<Rating> parsed = Fixtures.parseAll(file, OPTIONS.withDefaultTs(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(parsed.get(0).period()).isEqualTo("2026-W01");
    }

    @Test
    void unknownStreamListsRatings() {
        assertThatThrownBy(() -> StreamKind.parse("scores"))
                .hasMessageContaining("valid: traffic, cases, runs, kpis, ratings");
        assertThat(StreamKind.parse("Ratings")).isEqualTo(StreamKind.RATINGS);
    }
}
