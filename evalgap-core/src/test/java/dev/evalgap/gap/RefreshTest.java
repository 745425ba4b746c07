package dev.evalgap.gap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.Progress;
import dev.evalgap.demo.DemoFiles;
import dev.evalgap.demo.DemoScenario;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.ingest.FieldMapping;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.store.TempStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh suggestions read the stored gap result of the same samples and options, with its stored topic
 * assignment, instead of computing them again, and propose exactly what they would have proposed without it.
 */
class RefreshTest {

    private static final String SET = "support";
    private static final GapOptions OPTIONS = new GapOptions(5, 200, 0.95, 100, 8, 7);

    @RegisterExtension
    final TempStore ws = new TempStore();

    private static IngestOptions options(StreamKind kind) {
        return IngestOptions.defaults(kind).withMapping(FieldMapping.identity(kind));
    }

    @Test
    void suggestionsReuseTheStoredResultOfTheSameSamplesAndOptions() throws Exception {
        DemoFiles demo = DemoScenario.withSeed(DemoScenario.DEFAULT_SEED).generate(ws.dir().resolve("data"));
        ws.ingester().ingest(List.of(demo.traffic()), options(StreamKind.TRAFFIC), OnError.FAIL);
        ws.ingester().ingestCases(SET, List.of(demo.cases()), options(StreamKind.CASES), OnError.FAIL, false);
        GapRequest latest = new GapRequest(SET, GapRequest.LATEST, 400, OPTIONS);
        try (Embedder embedder = new CachingEmbedder(Embedders.create("hashing"), ws.store())) {
            Refresh refresh = new Refresh(ws.store(), embedder, Progress.NONE);
            RefreshSuggestions computed = refresh.suggest(latest, 20);
            assertThat(ws.store().results("gap")).as("suggest does not store what it computes").isEmpty();

            GapResult stored = new GapAnalysis(ws.store(), embedder, Progress.NONE).run(latest).get(0);
            assertThat(stored.options()).isEqualTo(OPTIONS);
            RefreshSuggestions reused = refresh.suggest(latest, 20);
            assertThat(reused.gap()).isEqualTo(stored);
            assertThat(reused.gap().provenance()).isNotEqualTo(computed.gap().provenance());
            assertThat(reused.gap().figures()).isEqualTo(computed.gap().figures());
            assertThat(reused.candidates()).hasSize(20).isEqualTo(computed.candidates());
            assertThat(reused.retirements()).isEqualTo(computed.retirements());

            // the same result stored without its topic assignment (as an older evalgap did): computed again
            String json = ws.store().results("gap").get(0);
            String computedAt = stored.provenance().computedAt().toString();
            assertThat(json).contains(computedAt);
            ws.store().saveResult("gap", SET, stored.setVersion(), stored.window(),
                    json.replace(computedAt, "2026-11-21T00:00:00Z"));
            RefreshSuggestions withoutAssignment = refresh.suggest(latest, 20);
            assertThat(withoutAssignment.gap().provenance().computedAt())
                    .isNotIn(stored.provenance().computedAt(), Instant.parse("2026-11-21T00:00:00Z"));
            assertThat(withoutAssignment.candidates()).isEqualTo(computed.candidates());

            // other options: the stored result does not apply
            GapRequest otherSeed = new GapRequest(SET, GapRequest.LATEST, 400,
                    new GapOptions(5, 200, 0.95, 100, 8, 8));
            assertThat(refresh.suggest(otherSeed, 20).gap().provenance()).isNotEqualTo(stored.provenance());

            // traffic added to the window since: the samples may differ, so neither does it
            assertThat(stored.window()).isEqualTo("2026-W47");
            ws.ingester().ingest(List.of(ws.write("late.jsonl",
                    "{\"id\": \"late-1\", \"ts\": \"2026-11-18T09:00:00Z\", \"text\": \"where is my parcel\"}\n")),
                    options(StreamKind.TRAFFIC), OnError.FAIL);
            assertThat(refresh.suggest(latest, 20).gap().provenance()).isNotEqualTo(stored.provenance());
        }
    }
}
