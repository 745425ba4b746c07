package dev.evalgap.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.stats.Interval;
import dev.evalgap.stats.RankCorrelation;
import dev.evalgap.stats.RankCorrelationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direction convention of the agreement figures, on hand-made series. */
class AgreementAnalysisTest {

    private static final double[] OFFLINE = {0.60, 0.65, 0.70, 0.70, 0.80};

    @Test
    void signAgreementFollowsTheKpiDirection() {
        // moves: +, +, 0, +
        double[] thumbs = {0.70, 0.72, 0.71, 0.75, 0.76};
        // thumbs moves +, -, +, +: the third offline move is 0 (tie); of 3 moves 2 agree (same direction)
        SignAgreement up = AgreementAnalysis.signs(OFFLINE, thumbs, Direction.HIGHER_IS_BETTER, 0.95);
        assertThat(up.pairs()).isEqualTo(4);
        assertThat(up.ties()).isEqualTo(1);
        assertThat(up.agreeing()).isEqualTo(2);
        assertThat(up.share()).isCloseTo(2 / 3.0, within(1e-15));
        // a lower-is-better KPI agrees when it moves the opposite way: retries -, +, -, - -> 2 of 3 agree
        double[] retry = {0.10, 0.09, 0.11, 0.10, 0.08};
        SignAgreement down = AgreementAnalysis.signs(OFFLINE, retry, Direction.LOWER_IS_BETTER, 0.95);
        assertThat(down.agreeing()).isEqualTo(2);
        assertThat(down.ties()).isEqualTo(1);
        // the same retries read as higher-is-better agree only once
        assertThat(AgreementAnalysis.signs(OFFLINE, retry, Direction.HIGHER_IS_BETTER, 0.95).agreeing()).isEqualTo(1);
        assertThat(AgreementAnalysis.signs(new double[] {1}, new double[] {1}, Direction.HIGHER_IS_BETTER, 0.95)
                .interval()).isNull();
    }

    @Test
    void statusReadsTheOrientedSpearmanRho() {
        assertThat(AgreementAnalysis.status(rho(0.9, 0.5, 1.0), Direction.HIGHER_IS_BETTER, 8))
                .isEqualTo(AgreementStatus.AGREES);
        assertThat(AgreementAnalysis.status(rho(0.9, 0.5, 1.0), Direction.LOWER_IS_BETTER, 8))
                .isEqualTo(AgreementStatus.INVERTED);
        assertThat(AgreementAnalysis.status(rho(-0.9, -1.0, -0.5), Direction.LOWER_IS_BETTER, 8))
                .isEqualTo(AgreementStatus.AGREES);
        assertThat(AgreementAnalysis.status(rho(0.3, -0.4, 0.8), Direction.HIGHER_IS_BETTER, 8))
                .isEqualTo(AgreementStatus.COLLAPSED);
        assertThat(AgreementAnalysis.status(rho(-0.3, -0.8, 0.4), Direction.HIGHER_IS_BETTER, 8))
                .isEqualTo(AgreementStatus.INVERTED);
        assertThat(AgreementAnalysis.status(rho(-0.9, -1.0, -0.5), Direction.UNKNOWN, 8))
                .isEqualTo(AgreementStatus.RELATED);
        assertThat(AgreementAnalysis.status(rho(-0.3, -0.8, 0.4), Direction.UNKNOWN, 8))
                .isEqualTo(AgreementStatus.COLLAPSED);
        assertThat(AgreementAnalysis.status(rho(1.0, 1.0, 1.0), Direction.HIGHER_IS_BETTER, 2))
                .isEqualTo(AgreementStatus.UNDEFINED);
        assertThat(AgreementStatus.INVERTED.alert()).isTrue();
        assertThat(AgreementStatus.RELATED.alert()).isFalse();
    }

    private static RankCorrelationResult rho(double estimate, double low, double high) {
        return new RankCorrelationResult(RankCorrelation.Method.SPEARMAN, estimate, new Interval(low, high, 0.95), 8, 0,
                0, 1000, 0, 1);
    }

    @Test
    void scoreUpGapUpNeedsBothToRiseBetweenWindowsWithGaps() {
        List<WindowTrend> windows = List.of(window("W1", "r1", 0.60, 0.05, 0.0), window("W2", "r1", 0.60, null, 0),
                window("W3", "r2", 0.70, 0.10, 0.0), window("W4", "r3", 0.75, 0.30, 0.2),
                window("W5", "r4", 0.80, 0.25, 0.1));
        List<ScoreGapFlag> flags = Trend.flags(windows);
        // W1 -> W3 (W2 has no gap): both rose, but W3's interval includes 0: weak;
        // W3 -> W4: both rose, gap detected; W4 -> W5: the gap fell
        assertThat(flags).extracting(ScoreGapFlag::toWindow).containsExactly("W3", "W4");
        assertThat(flags).extracting(ScoreGapFlag::gapDetected).containsExactly(false, true);
        assertThat(flags.get(0).fromWindow()).isEqualTo("W1");
    }

    private static WindowTrend window(String name, String release, double score, Double gap, double gapLow) {
        GapPoint point = gap == null ? null
                : new GapPoint(name, 1, gap, new Interval(gapLow, gap + 0.1, 0.95), null, null, null, null, null, 100, 100, "hashing", 1,
                        null);
        return new WindowTrend(name, null, List.of(release), release, score, null, point, null, List.of());
    }
}
