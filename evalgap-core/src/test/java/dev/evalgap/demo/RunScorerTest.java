package dev.evalgap.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunScorerTest {

    @Test
    void calibrationHitsTheTargetMeanDespiteClampingAndRounding() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] raw = new double[300];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 0.2 * Gaussian.next(rng);
        }
        for (double target : new double[] {0.3, 0.62, 0.86, 0.95}) {
            double offset = RunScorer.calibrate(raw, target);
            double sum = 0;
            for (double x : raw) {
                sum += RunScorer.score(x + offset);
            }
            assertThat(sum / raw.length).isCloseTo(target, within(0.001));
        }
    }

    @Test
    void meansRiseStrictlyForAnySeed() {
        List<DemoCase> cases = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            cases.add(new DemoCase("case-" + i, "x", "y", List.of("t"), i % 10 == 0 ? "incident" : "production-sample",
                    "r", "o", LocalDate.of(2026, 9, 1), "human-written", null, Register.PLAIN));
        }
        List<String> releases = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8");
        for (long seed = 0; seed < 20; seed++) {
            List<RunScorer.RunRecord> runs = new RunScorer().score(cases, releases, new SplittableRandom(seed));
            double previous = -1;
            for (String r : releases) {
                double mean = runs.stream().filter(x -> x.release().equals(r))
                        .mapToDouble(RunScorer.RunRecord::score).average().orElseThrow();
                assertThat(mean).isGreaterThan(previous);
                previous = mean;
            }
        }
    }

    @Test
    void deliveryCasesFollowTheirOwnMeansWhileTheSuiteMeanHitsItsTarget() {
        // one case in eight is a delivery case, about the demo suite's share: with many more, the other cases
        // could not make up for r8's broken delivery cases below a mean of 1
        List<DemoCase> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> tags = i % 8 == 0 ? List.of("order_status", "delivery") : List.of("returns", "core");
            cases.add(new DemoCase("case-" + i, "x", "y", tags, "production-sample", "r", "o",
                    LocalDate.of(2026, 9, 1), "human-written", null, Register.PLAIN));
        }
        List<String> releases = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8");
        List<RunScorer.RunRecord> runs = new RunScorer().score(cases, releases, new SplittableRandom(5));
        for (int r = 0; r < releases.size(); r++) {
            String release = releases.get(r);
            double delivery = runs.stream().filter(x -> x.release().equals(release))
                    .filter(x -> Integer.parseInt(x.caseId().substring(5)) % 8 == 0)
                    .mapToDouble(RunScorer.RunRecord::score).average().orElseThrow();
            double suite = runs.stream().filter(x -> x.release().equals(release))
                    .mapToDouble(RunScorer.RunRecord::score).average().orElseThrow();
            assertThat(delivery).as(release).isCloseTo(RunScorer.DELIVERY_MEANS[r], within(0.005));
            assertThat(suite).as(release).isCloseTo(RunScorer.TARGET_MEANS[r], within(0.005));
        }
        // r8 breaks the delivery cases while the suite mean still rises
        assertThat(RunScorer.DELIVERY_MEANS[7]).isLessThan(RunScorer.DELIVERY_MEANS[6] - 0.5);
    }

    @Test
    void scoresAreClampedAndRoundedToTwoDecimals() {
        assertThat(RunScorer.score(1.3)).isEqualTo(1.0);
        assertThat(RunScorer.score(-0.2)).isEqualTo(0.0);
        assertThat(RunScorer.score(0.4449)).isEqualTo(0.44);
    }
}
