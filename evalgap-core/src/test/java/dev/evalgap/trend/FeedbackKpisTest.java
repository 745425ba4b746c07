package dev.evalgap.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.store.FeedbackCounts;
import dev.evalgap.store.IngestLog;
import dev.evalgap.store.Interaction;
import dev.evalgap.store.KpiObservation;
import dev.evalgap.store.RecordTable;
import dev.evalgap.store.Staging;
import dev.evalgap.store.Store;
import dev.evalgap.store.TrendQueries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online KPIs on a small hand-made traffic set in a real workspace database. Every expected count
 * below is counted by hand from the construction in {@link #ingest}.
 */
class FeedbackKpisTest {

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void ingest() {
        store = Store.open(dir.resolve("w.duckdb"), "test");
        try (Staging<Interaction> s = store.stage(RecordTable.TRAFFIC)) {
            // cell A: release r1, week 2026-W47, 300 records
            //   thumbs on records 0..262 (263 rated), up on 0..80 (81 up)
            //   retried known on all, true on 0..29 (30); edited unknown on 0..99, true on 100..119 (20 of 200)
            //   abandoned known on all, true on 285..299 (15); CSAT on 0..39: 3 x 1, 5 x 2, 7 x 3, 10 x 4, 15 x 5
            for (int i = 0; i < 300; i++) {
                Boolean thumbs = i < 263 ? i < 81 : null;
                Double csat = i < 3 ? Double.valueOf(1) : i < 8 ? Double.valueOf(2) : i < 15 ? Double.valueOf(3)
                        : i < 25 ? Double.valueOf(4) : i < 40 ? Double.valueOf(5) : null;
                s.add(record("a" + i, "2026-11-18T10:00:00Z", "2026-W47", "r1", thumbs, i < 30,
                        i < 100 ? null : i < 120, i >= 285, csat), null, "t");
            }
            // cell B: release r1, week 2026-W48, 100 records: thumbs on 0..9 (9 up), retried on 0..4,
            //   edited known and false everywhere, abandonment unknown, no CSAT
            for (int i = 0; i < 100; i++) {
                s.add(record("b" + i, "2026-11-24T10:00:00Z", "2026-W48", "r1", i < 10 ? i < 9 : null, i < 5, false,
                        null, null), null, "t");
            }
            // cell C: release r2, week 2026-W48, 50 records: no thumbs, retried on 0..9, CSAT 4 and 5 on 0 and 1
            for (int i = 0; i < 50; i++) {
                s.add(record("c" + i, "2026-11-26T10:00:00Z", "2026-W48", "r2", null, i < 10, null, null,
                        i == 0 ? Double.valueOf(4) : i == 1 ? Double.valueOf(5) : null), null, "t");
            }
            // 10 records of week 2026-W48 without a release and without feedback
            for (int i = 0; i < 10; i++) {
                s.add(record("d" + i, "2026-11-27T10:00:00Z", "2026-W48", null, null, null, null, null, null), null,
                        "t");
            }
            s.merge(null, false, new IngestLog("t", "x", 460, 0));
        }
        try (Staging<KpiObservation> s = store.stage(RecordTable.KPIS)) {
            s.add(new KpiObservation("k1", "r1", null, "conversion", 0.12, 1000L), null, "k");
            s.add(new KpiObservation("k2", null, "2026-W48", "retention", 0.8, null), null, "k");
            s.add(new KpiObservation("k3", "r2", null, "revenue_per_user", 12.5, 50L), null, "k");
            s.merge(null, false, new IngestLog("k", "x", 3, 0));
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private static Interaction record(String id, String ts, String window, String release, Boolean thumbsUp,
                                      Boolean retried, Boolean edited, Boolean abandoned, Double csat) {
        return new Interaction(id, Instant.parse(ts), window, "text " + id, null, release, null, null, null, thumbsUp,
                retried, edited, abandoned, csat, null);
    }

    private FeedbackCounts counts(FeedbackCounts.Scope scope, String release, String window) {
        return new TrendQueries(store).feedbackCounts().stream()
                .filter(c -> c.scope() == scope && java.util.Objects.equals(c.release(), release)
                        && java.util.Objects.equals(c.window(), window))
                .findFirst().orElseThrow();
    }

    @Test
    void countsAreAggregatedPerCellReleaseWindowAndOverall() {
        List<FeedbackCounts> all = new TrendQueries(store).feedbackCounts();
        // cells: (r1, W47), (r1, W48), (r2, W48), (no release, W48); releases r1, r2, none; windows W47, W48; all
        assertThat(all).hasSize(4 + 3 + 2 + 1);

        FeedbackCounts a = counts(FeedbackCounts.Scope.CELL, "r1", "2026-W47");
        assertThat(List.of(a.interactions(), a.rated(), a.thumbsUp(), a.retryKnown(), a.retried(), a.editKnown(),
                a.edited(), a.abandonKnown(), a.abandoned(), a.explicitFeedback()))
                .containsExactly(300L, 263L, 81L, 300L, 30L, 200L, 20L, 300L, 15L, 263L);
        assertThat(a.csatHistogram()).containsExactly(Map.entry(1.0, 3L), Map.entry(2.0, 5L), Map.entry(3.0, 7L),
                Map.entry(4.0, 10L), Map.entry(5.0, 15L));

        FeedbackCounts r1 = counts(FeedbackCounts.Scope.RELEASE, "r1", null);
        // 300 + 100 records; rated 263 + 10, up 81 + 9; retried 30 + 5 of 400; edited 20 of 200 + 100;
        // abandonment known only in cell A
        assertThat(List.of(r1.interactions(), r1.rated(), r1.thumbsUp(), r1.retryKnown(), r1.retried(),
                r1.editKnown(), r1.edited(), r1.abandonKnown(), r1.abandoned(), r1.explicitFeedback()))
                .containsExactly(400L, 273L, 90L, 400L, 35L, 300L, 20L, 300L, 15L, 273L);
        assertThat(r1.firstTs()).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
        assertThat(r1.lastTs()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));

        FeedbackCounts w48 = counts(FeedbackCounts.Scope.WINDOW, null, "2026-W48");
        // 100 + 50 + 10 records; retry known on 150 of them, 5 + 10 retried; explicit 10 thumbs + 2 CSAT
        assertThat(List.of(w48.interactions(), w48.rated(), w48.thumbsUp(), w48.retryKnown(), w48.retried(),
                w48.explicitFeedback(), w48.csatCount()))
                .containsExactly(160L, 10L, 9L, 150L, 15L, 12L, 2L);

        FeedbackCounts none = counts(FeedbackCounts.Scope.RELEASE, null, null);
        assertThat(none.interactions()).isEqualTo(10);
        FeedbackCounts total = counts(FeedbackCounts.Scope.ALL, null, null);
        assertThat(total.interactions()).isEqualTo(460);
        assertThat(total.csatCount()).isEqualTo(42);
    }

    @Test
    void ratesCarryTheirCountsAndWilsonIntervals() {
        FeedbackKpis a = FeedbackKpis.of(counts(FeedbackCounts.Scope.CELL, "r1", "2026-W47"), 0.95, 2000, 7);
        // 81 of 263: Newcombe (1998), Table II, score method: 0.2553 to 0.3662
        assertThat(a.thumbsUp().events()).isEqualTo(81);
        assertThat(a.thumbsUp().n()).isEqualTo(263);
        assertThat(a.thumbsUp().value()).isCloseTo(81 / 263.0, within(1e-15));
        assertThat(a.thumbsUp().interval().low()).isCloseTo(0.2553, within(0.00005));
        assertThat(a.thumbsUp().interval().high()).isCloseTo(0.3662, within(0.00005));
        assertThat(a.retry().value()).isCloseTo(0.1, within(1e-15));
        assertThat(a.edit().n()).as("unknown edits are not 'not edited'").isEqualTo(200);
        assertThat(a.edit().value()).isCloseTo(0.1, within(1e-15));
        assertThat(a.abandonment().value()).isCloseTo(0.05, within(1e-15));
        // CSAT histogram 3/5/7/10/15 of 1..5: mean 149 / 40 = 3.725; scipy's percentile bootstrap
        // (20000 resamples) gives (3.325, 4.1)
        assertThat(a.csat().value()).isCloseTo(3.725, within(1e-12));
        assertThat(a.csat().n()).isEqualTo(40);
        assertThat(a.csat().interval().low()).isCloseTo(3.325, within(0.06));
        assertThat(a.csat().interval().high()).isCloseTo(4.1, within(0.06));
        assertThat(a.explicitFeedback().value()).isCloseTo(263 / 300.0, within(1e-15));
        assertThat(a.selectionBiasWarning()).isFalse();

        FeedbackKpis c = FeedbackKpis.of(counts(FeedbackCounts.Scope.CELL, "r2", "2026-W48"), 0.95, 200, 7);
        assertThat(c.thumbsUp().defined()).isFalse();
        assertThat(c.thumbsUp().value()).isNaN();
        assertThat(c.thumbsUp().interval()).isNull();
        assertThat(c.abandonment().n()).isZero();
        // 2 of 50 records carry explicit feedback: 4% < 5%
        assertThat(c.explicitFeedback().value()).isCloseTo(0.04, within(1e-15));
        assertThat(c.selectionBiasWarning()).isTrue();
        assertThat(c.csat().value()).isCloseTo(4.5, within(1e-15));
        assertThat(c.csat().interval().low()).isGreaterThanOrEqualTo(4.0);
        assertThat(c.csat().interval().high()).isLessThanOrEqualTo(5.0);
    }

    @Test
    void theTimelineShowsTrafficKpisAndIngestedKpisWithoutAnEvalSet() {
        TrendResult r = new Trend(store, Progress.NONE).run(new TrendRequest(null, 5, Map.of(), 200, 0.95, 1, true));
        assertThat(r.setName()).isNull();
        assertThat(r.releases()).extracting(ReleaseTrend::release).containsExactly("r1", "r2");
        assertThat(r.releases().get(0).windows()).containsExactly("2026-W47", "2026-W48");
        assertThat(r.releases().get(0).online().thumbsUp().events()).isEqualTo(90);
        assertThat(r.releases().get(0).offline()).isNull();
        assertThat(r.windows()).extracting(WindowTrend::window).containsExactly("2026-W47", "2026-W48");
        WindowTrend w48 = r.windows().get(1);
        assertThat(w48.releases()).containsExactly("r1", "r2");
        assertThat(w48.release()).isEqualTo("r2");
        assertThat(w48.gap()).isNull();
        assertThat(w48.online().interactions()).isEqualTo(160);
        assertThat(r.cells()).hasSize(4);
        assertThat(r.overall().interactions()).isEqualTo(460);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no eval set in this workspace"))
                .anyMatch(n -> n.startsWith("10 production record(s) carry no release"));

        // ingested KPIs: a rate in [0, 1] with n gets a Wilson interval, the others none
        IngestedKpi conversion = r.releases().get(0).ingested().get(0);
        assertThat(conversion.metric()).isEqualTo("conversion");
        assertThat(conversion.interval()).isNotNull();
        assertThat(conversion.interval().contains(0.12)).isTrue();
        assertThat(w48.ingested()).singleElement().satisfies(k -> {
            assertThat(k.metric()).isEqualTo("retention");
            assertThat(k.interval()).as("no n").isNull();
        });
        assertThat(r.releases().get(1).ingested()).singleElement()
                .satisfies(k -> assertThat(k.interval()).as("not a proportion").isNull());
        assertThat(r.agreement().allReleases()).isEmpty();
        assertThat(r.productionWeighted().skipped()).startsWith("no eval set");

        // the JSON form is the same record; NaN (no thumbs in r2) is written as a string
        String json = ResultJson.write(r);
        assertThat(json).contains("\"window\":\"2026-W48\"").contains("\"value\":\"NaN\"");
    }
}
