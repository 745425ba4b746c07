package dev.evalgap.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.Interval;
import dev.evalgap.store.CaseScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "production-weighted score falls while the raw score rises" flag on hand-made releases.
 *
 * <p>Topics A, B, C with production shares 0.6, 0.2, 0.2; C holds no case, so the weighted figures are
 * divided by the represented share 0.8. Cases a1, a2 in A, b1..b6 in B.
 * <pre>
 *            a1    a2    b1..b6   weighted                          raw
 * r1         0.8   0.8   0.5      (0.6*0.8 + 0.2*0.5)/0.8 = 0.725   (1.6 + 3.0)/8 = 0.575
 * r2         0.7   0.7   0.7      (0.6*0.7 + 0.2*0.7)/0.8 = 0.700   (1.4 + 4.2)/8 = 0.700
 * change    -0.1  -0.1  +0.2      (0.6*-0.1 + 0.2*0.2)/0.8 = -0.025  (-0.2 + 1.2)/8 = +0.125
 * </pre>
 * Every case of a topic changes by the same amount, so every stratified resample gives -0.025: the
 * weighted change's interval is [-0.025, -0.025] and the fall is detected. The raw change's resamples
 * are -0.1 + 0.3 K/8 with K ~ Binomial(8, 0.75) cases from B: P(K = 8) = 0.75^8 = 0.100 &gt; 0.025, so the
 * 97.5% quantile is 0.2; P(K &le; 2) = 0.0042 and P(K &le; 4) = 0.114, so the 2.5% quantile lies between
 * the values of K = 3 and K = 4, 0.0125 and 0.05.
 */
class WeightedFallTest {

    static final double[] SHARES = {0.6, 0.2, 0.2};
    static final Map<String, Integer> TOPICS = Map.of("a1", 0, "a2", 0, "b1", 1, "b2", 1, "b3", 1, "b4", 1,
            "b5", 1, "b6", 1);
    static final BootstrapMean MEAN = BootstrapMean.withDefaults().withBootstrap(2000);

    @Test
    void aFallOnTheHeavyTopicUnderAGainOnTheLightOneIsDetected() {
        Map<String, List<CaseScore>> scores = new LinkedHashMap<>();
        scores.put("r1", scores("r1", 0.8, 0.8, 0.5));
        scores.put("r2", scores("r2", 0.7, 0.7, 0.7));
        List<ReleaseWeightedScore> releases = List.of(weighted("r1", 0.725, 0.575), weighted("r2", 0.700, 0.700));

        WeightedFallFlag flag = WeightedFall.find(releases, scores, TOPICS, SHARES, "2026-W47", MEAN, 3);

        assertThat(flag).isNotNull();
        assertThat(flag.fromRelease()).isEqualTo("r1");
        assertThat(flag.toRelease()).isEqualTo("r2");
        assertThat(flag.pairedCases()).isEqualTo(8);
        assertThat(flag.weightedChange()).isCloseTo(-0.025, within(1e-12));
        assertThat(flag.weightedChangeInterval().low()).isCloseTo(-0.025, within(1e-12));
        assertThat(flag.weightedChangeInterval().high()).isCloseTo(-0.025, within(1e-12));
        assertThat(flag.detected()).isTrue();
        assertThat(flag.rawChange()).isCloseTo(0.125, within(1e-12));
        assertThat(flag.rawChangeInterval().high()).isCloseTo(0.2, within(1e-12));
        assertThat(flag.rawChangeInterval().low()).isBetween(0.0125 - 1e-12, 0.05 + 1e-12);
        assertThat(flag.message()).startsWith("r1 -> r2: the production-weighted score (topic shares of 2026-W47) "
                + "fell -0.025 [-0.025, -0.025] while the raw score rose +0.125 [+0.").contains("(8 cases scored in both");

        // the same inputs and seed give the same flag
        assertThat(WeightedFall.find(releases, scores, TOPICS, SHARES, "2026-W47", MEAN, 3)).isEqualTo(flag);
    }

    /**
     * a1 changes by -0.3 and a2 by +0.1 (r1: 0.8, 0.6; r2: 0.5, 0.7), B by +0.2 as above. Weighted: r1 =
     * (0.6*0.7 + 0.2*0.5)/0.8 = 0.65, r2 = (0.6*0.6 + 0.2*0.7)/0.8 = 0.625; raw r1 = 0.55, r2 = 0.675. A's
     * resampled mean change is -0.3, -0.1, +0.1 with P = 1/4, 1/2, 1/4, so the weighted change's resamples
     * are 0.75 m + 0.05 = -0.175, -0.025, +0.125: both extremes carry 1/4 of the mass, far above 2.5%, and
     * the interval is [-0.175, +0.125]. It includes 0: a weak flag.
     */
    @Test
    void aFallWithinTheNoiseIsWeak() {
        Map<String, List<CaseScore>> scores = new LinkedHashMap<>();
        scores.put("r1", scores("r1", 0.8, 0.6, 0.5));
        scores.put("r2", scores("r2", 0.5, 0.7, 0.7));
        List<ReleaseWeightedScore> releases = List.of(weighted("r1", 0.65, 0.55), weighted("r2", 0.625, 0.675));

        WeightedFallFlag flag = WeightedFall.find(releases, scores, TOPICS, SHARES, "2026-W47", MEAN, 3);

        assertThat(flag.weightedChange()).isCloseTo(-0.025, within(1e-12));
        assertThat(flag.weightedChangeInterval().low()).isCloseTo(-0.175, within(1e-12));
        assertThat(flag.weightedChangeInterval().high()).isCloseTo(0.125, within(1e-12));
        assertThat(flag.detected()).isFalse();
        assertThat(flag.message()).endsWith("the weighted fall's interval includes 0, so it may be noise");
    }

    /**
     * Three releases; topics A and B with shares 0.5 each (no empty topic), cases a1, a2 in A, b1..b3 in
     * B, x1 without a topic. a2 is not scored in r3.
     * <pre>
     *        a1   a2   b1..b3  x1   weighted
     * r1     0.4  0.4  0.4     0.4  0.5*0.4 + 0.5*0.4  = 0.400
     * r2     0.9  0.9  0.5     0.5  0.5*0.9 + 0.5*0.5  = 0.700   (peak before r3)
     * r3     0.6  -    0.75    0.9  0.5*0.6 + 0.5*0.75 = 0.675
     * </pre>
     * r3 is compared with r2, the highest weighted score before it (against r1 it rose). Paired: a1 (-0.3)
     * and b1..b3 (+0.25 each), 4 cases: weighted change 0.5*-0.3 + 0.5*0.25 = -0.025, raw change
     * (-0.3 + 0.75)/4 = +0.1125.
     */
    @Test
    void theNewestReleaseIsComparedWithTheWeightedPeakOnThePairedCases() {
        Map<String, Integer> topics = Map.of("a1", 0, "a2", 0, "b1", 1, "b2", 1, "b3", 1);
        double[] shares = {0.5, 0.5};
        Map<String, List<CaseScore>> scores = new LinkedHashMap<>();
        scores.put("r1", List.of(score("r1", "a1", 0.4), score("r1", "a2", 0.4), score("r1", "b1", 0.4),
                score("r1", "b2", 0.4), score("r1", "b3", 0.4), score("r1", "x1", 0.4)));
        scores.put("r2", List.of(score("r2", "a1", 0.9), score("r2", "a2", 0.9), score("r2", "b1", 0.5),
                score("r2", "b2", 0.5), score("r2", "b3", 0.5), score("r2", "x1", 0.5)));
        scores.put("r3", List.of(score("r3", "a1", 0.6), score("r3", "b1", 0.75), score("r3", "b2", 0.75),
                score("r3", "b3", 0.75), score("r3", "x1", 0.9)));
        List<ReleaseWeightedScore> releases = List.of(weighted("r1", 0.4, 0.4), weighted("r2", 0.7, 0.66),
                weighted("r3", 0.675, 0.7125));

        WeightedFallFlag flag = WeightedFall.find(releases, scores, topics, shares, "2026-W47", MEAN, 3);

        assertThat(flag.fromRelease()).isEqualTo("r2");
        assertThat(flag.toRelease()).isEqualTo("r3");
        assertThat(flag.pairedCases()).isEqualTo(4);
        assertThat(flag.weightedChange()).isCloseTo(-0.025, within(1e-12));
        assertThat(flag.rawChange()).isCloseTo(0.1125, within(1e-12));
        assertThat(flag.detected()).isTrue();
    }

    @Test
    void noFlagWhenTheNewestReleaseIsThePeakOrTheRawScoreFellToo() {
        Map<String, List<CaseScore>> rising = new LinkedHashMap<>();
        rising.put("r1", scores("r1", 0.7, 0.7, 0.7));
        rising.put("r2", scores("r2", 0.8, 0.8, 0.5));
        assertThat(WeightedFall.find(List.of(weighted("r1", 0.7, 0.7), weighted("r2", 0.725, 0.575)), rising, TOPICS,
                SHARES, "2026-W47", MEAN, 3)).as("weighted rose").isNull();

        // A -0.1, B -0.05: both fall
        Map<String, List<CaseScore>> falling = new LinkedHashMap<>();
        falling.put("r1", scores("r1", 0.8, 0.8, 0.5));
        falling.put("r2", scores("r2", 0.7, 0.7, 0.45));
        assertThat(WeightedFall.find(List.of(weighted("r1", 0.725, 0.575), weighted("r2", 0.6375, 0.5125)), falling,
                TOPICS, SHARES, "2026-W47", MEAN, 3)).as("raw fell too").isNull();

        assertThat(WeightedFall.find(List.of(weighted("r1", 0.725, 0.575)), falling, TOPICS, SHARES, "2026-W47", MEAN,
                3)).as("one release").isNull();
    }

    /** Scores of a1, a2 and b1..b6 (the b's all equal). */
    private static List<CaseScore> scores(String release, double a1, double a2, double b) {
        List<CaseScore> out = new ArrayList<>();
        out.add(score(release, "a1", a1));
        out.add(score(release, "a2", a2));
        for (int i = 1; i <= 6; i++) {
            out.add(score(release, "b" + i, b));
        }
        return out;
    }

    private static CaseScore score(String release, String caseId, double score) {
        return new CaseScore(release, caseId, score, 1, List.of());
    }

    /** A release's weighted figures as the production weighting reports them (the interval is not used). */
    private static ReleaseWeightedScore weighted(String release, double weighted, double unweighted) {
        return new ReleaseWeightedScore(release, weighted, new Interval(weighted, weighted, 0.95), unweighted, 8, 2,
                0.8);
    }
}
