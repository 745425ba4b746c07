package dev.evalgap.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.ingest.IngestOptions;
import dev.evalgap.ingest.Ingester;
import dev.evalgap.ingest.OnError;
import dev.evalgap.ingest.StreamKind;
import dev.evalgap.store.TempStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Public versus sealed scores, the overfit index and stale cases on a hand-made set whose figures are
 * worked out below.
 *
 * <pre>
 * case  split   provenance                 r0    r1    gain
 * p1    public                             0.5   0.8   0.3
 * p2    public                             0.6   0.9   0.3
 * p3    public                             0.7   0.7   0.0
 * s1    sealed                             0.5   0.6   0.1
 * s2    sealed                             0.5   0.4  -0.1
 * x1    public  source_ref policy:refund@v2 0.0  1.0   1.0   (stale: policies {refund: v3})
 * x2    public  expires 2026-06-01         0.2   0.2   0.0   (stale as of 2026-06-01)
 * x3    public  source_ref policy:refund@v3 0.4  0.4   0.0   (current policy: kept)
 * </pre>
 * Stale cases left out: public r0 = (0.5 + 0.6 + 0.7 + 0.4) / 4 = 0.55, r1 = (0.8 + 0.9 + 0.7 + 0.4) / 4
 * = 0.70; sealed r0 = 0.5, r1 = 0.5. Overfit index of r1 since r0 = mean(0.3, 0.3, 0, 0) - mean(0.1, -0.1)
 * = 0.15 - 0 = 0.15.
 * Its bootstrap distribution: mean(A*) = 0.075 K, K ~ Binomial(4, 1/2) (P = 1, 4, 6, 4, 1 / 16);
 * mean(B*) = 0.1, 0, -0.1 (P = 1/4, 1/2, 1/4). The 2.5% and 97.5% quantiles of their difference:
 * P(Delta* < -0.025) = P(K=0, B=0.1) = 1/64 = 0.016 < 0.025 and P(Delta* <= -0.025) = 1/64 + P(K=1, B=0.1)
 * = 1/64 + 1/16 = 0.078 > 0.025: the 2.5% quantile is -0.025 (K=1, B=0.1: 0.075 - 0.1). Symmetrically
 * P(Delta* > 0.325) = P(K=4, B=-0.1) = 1/64 and P(Delta* >= 0.325) = 1/64 + P(K=3, B=-0.1) = 0.078: the
 * 97.5% quantile is 0.325 (K=3, B=-0.1: 0.225 + 0.1). Both steps are far from 0.025 / 0.975 for B = 20000.
 * 95% interval [-0.025, 0.325].
 * With --include-stale, public gains are 0.3, 0.3, 0, 1.0, 0, 0: public gain 1.6 / 6, overfit 0.2667.
 */
class GoodhartTrendTest {

    @RegisterExtension
    final TempStore ws = new TempStore();

    @BeforeEach
    void setUp() {
        Path cases = ws.write("cases.jsonl", """
                {"case_id": "p1", "input": "public one", "tags": ["billing"]}
                {"case_id": "p2", "input": "public two", "tags": ["billing"]}
                {"case_id": "p3", "input": "public three", "tags": ["shipping"]}
                {"case_id": "s1", "input": "sealed one", "split": "sealed", "tags": ["billing"]}
                {"case_id": "s2", "input": "sealed two", "split": "sealed", "tags": ["shipping"]}
                {"case_id": "x1", "input": "refund under policy v2", "source_ref": "policy:refund@v2"}
                {"case_id": "x2", "input": "a promotion that ended", "expires": "2026-06-01"}
                {"case_id": "x3", "input": "refund under policy v3", "source_ref": "policy:refund@v3"}
                """);
        StringBuilder sb = new StringBuilder();
        double[][] scores = {{0.5, 0.8}, {0.6, 0.9}, {0.7, 0.7}, {0.5, 0.6}, {0.5, 0.4}, {0.0, 1.0}, {0.2, 0.2},
            {0.4, 0.4}};
        String[] ids = {"p1", "p2", "p3", "s1", "s2", "x1", "x2", "x3"};
        for (int i = 0; i < ids.length; i++) {
            for (int r = 0; r < 2; r++) {
                sb.append(String.format(java.util.Locale.ROOT, "{\"release\": \"r%d\", \"case_id\": \"%s\", \"score\": %s}%n",
                        r, ids[i], scores[i][r]));
            }
        }
        Path runs = ws.write("runs.jsonl", sb.toString());
        Ingester ingester = ws.ingester();
        ingester.ingestCases("s", List.of(cases), IngestOptions.defaults(StreamKind.CASES), OnError.FAIL, false);
        ingester.ingest(List.of(runs), IngestOptions.defaults(StreamKind.RUNS), OnError.FAIL);
    }

    private TrendResult trend(boolean includeStale, String baseline, LocalDate asOf) {
        return new Trend(ws.store(), Progress.NONE).run(new TrendRequest("s", 5, Map.of(), 20000, 0.95, 3, false, asOf,
                Map.of("refund", "v3"), includeStale, baseline));
    }

    @Test
    void publicSealedScoresAndOverfitIndexEqualTheHandComputedValues() {
        TrendResult r = trend(false, null, LocalDate.parse("2026-06-01"));
        GoodhartGauge g = r.goodhart();
        assertThat(g.skipped()).isNull();
        assertThat(g.baseline()).isEqualTo("r0");
        assertThat(g.publicCases()).isEqualTo(4);
        assertThat(g.sealedCases()).isEqualTo(2);
        SplitScores r0 = g.of("r0");
        SplitScores r1 = g.of("r1");
        assertThat(r0.overfit()).isNull();
        assertThat(r0.publicScore().value()).isCloseTo(0.55, within(1e-12));
        assertThat(r1.publicScore().value()).isCloseTo(0.70, within(1e-12));
        assertThat(r0.sealedScore().value()).isCloseTo(0.5, within(1e-12));
        assertThat(r1.sealedScore().value()).isCloseTo(0.5, within(1e-12));
        assertThat(r1.publicScore().n()).isEqualTo(4);
        assertThat(r1.sealedScore().n()).isEqualTo(2);
        assertThat(r1.publicScore().interval().contains(0.70)).isTrue();

        OverfitIndex o = r1.overfit();
        assertThat(o.value()).isCloseTo(0.15, within(1e-12));
        assertThat(o.publicGain()).isCloseTo(0.15, within(1e-12));
        assertThat(o.sealedGain()).isCloseTo(0.0, within(1e-12));
        assertThat(o.publicPairs()).isEqualTo(4);
        assertThat(o.sealedPairs()).isEqualTo(2);
        assertThat(o.interval().low()).isCloseTo(-0.025, within(1e-12));
        assertThat(o.interval().high()).isCloseTo(0.325, within(1e-12));

        // the headline offline score leaves the stale cases out too: (0.8+0.9+0.7+0.6+0.4+0.4) / 6
        assertThat(r.releases()).extracting(ReleaseTrend::release).containsExactly("r0", "r1");
        assertThat(r.releases().get(1).offline().cases()).isEqualTo(6);
        assertThat(r.releases().get(1).offline().mean()).isCloseTo(3.8 / 6, within(1e-12));

        // no text of any case in the result
        String json = ResultJson.write(r);
        assertThat(json).doesNotContain("sealed one").doesNotContain("sealed two").doesNotContain("public one");
    }

    @Test
    void staleCasesAreListedWithTheirReasonAndExcludedUnlessIncluded() {
        TrendResult r = trend(false, null, LocalDate.parse("2026-06-01"));
        StaleCases s = r.staleCases();
        assertThat(s.excluded()).isTrue();
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(s.setCases()).isEqualTo(8);
        assertThat(s.cases()).extracting(StaleCase::caseId).containsExactly("x1", "x2");
        assertThat(s.cases().get(0).reason()).isEqualTo("encodes policy refund v2; the current version is v3");
        assertThat(s.cases().get(1).reason()).isEqualTo("expired 2026-06-01 (as of 2026-06-01)");
        assertThat(s.expired()).isEqualTo(1);
        assertThat(s.policySuperseded()).isEqualTo(1);
        assertThat(s.share()).isCloseTo(0.25, within(1e-12));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("2 stale case(s) (1 expired as of 2026-06-01, 1 citing a "
                + "superseded policy) are left out of every offline score"));

        // the day before its expiry date x2 still counts
        TrendResult before = trend(false, null, LocalDate.parse("2026-05-31"));
        assertThat(before.staleCases().cases()).extracting(StaleCase::caseId).containsExactly("x1");

        // versions compare ignoring case and a leading v
        TrendResult bare = new Trend(ws.store(), Progress.NONE).run(new TrendRequest("s", 5, Map.of(), 200, 0.95, 3, false,
                LocalDate.parse("2026-05-31"), Map.of("refund", "V3"), false, null));
        assertThat(bare.staleCases().cases()).extracting(StaleCase::caseId).containsExactly("x1");
        assertThat(ConceptShift.version("3")).isEqualTo(ConceptShift.version("v3")).isEqualTo("3");

        TrendResult kept = trend(true, null, LocalDate.parse("2026-06-01"));
        assertThat(kept.staleCases().excluded()).isFalse();
        assertThat(kept.releases().get(1).offline().cases()).isEqualTo(8);
        OverfitIndex o = kept.goodhart().of("r1").overfit();
        assertThat(o.publicPairs()).isEqualTo(6);
        assertThat(o.value()).isCloseTo(1.6 / 6, within(1e-12));
    }

    @Test
    void baselineOptionAndMissingSealedSplit() {
        TrendResult r = trend(false, "r1", LocalDate.parse("2026-06-01"));
        assertThat(r.goodhart().baseline()).isEqualTo("r1");
        assertThat(r.goodhart().of("r1").overfit()).isNull();
        assertThat(r.goodhart().of("r0").overfit().value()).isCloseTo(-0.15, within(1e-12));
        assertThatThrownBy(() -> trend(false, "r9", LocalDate.parse("2026-06-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--baseline 'r9'");
    }
}
