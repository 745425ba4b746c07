package dev.evalgap.raters;

import static dev.evalgap.raters.RaterKind.HUMAN;
import static dev.evalgap.raters.RaterKind.JUDGE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded two-week rating scenario on {@code interval:0-10}: 60 anchor items (fixed outputs) rated in both
 * weeks, and 300 new system outputs per week, each rated by three humans and one judge. An output has a
 * quality q ~ N(mean, 1) and a length L ~ 400·exp(N(0, 0.5)) characters. A human scores q + N(0, 0.7)
 * plus the cohort's leniency; the judge scores q + N(0, 0.5), plus 1.5·ln(L / 200) once it rewards length.
 * Scores are clamped to [0, 10] and rounded to one decimal.
 *
 * @param seed                  the generator's seed
 * @param systemMeanWeek1       mean quality of week 1's system outputs
 * @param systemMeanWeek2       mean quality of week 2's system outputs
 * @param judgeRewardsLengthWeek2 whether the judge upgraded to a length-rewarding version in week 2
 * @param humanLeniencyWeek2    added to every human score in week 2 (a new cohort)
 */
record DriftScenario(long seed, double systemMeanWeek1, double systemMeanWeek2, boolean judgeRewardsLengthWeek2,
                     double humanLeniencyWeek2) {

    private static final int ANCHORS = 60;
    private static final int SYSTEM_ITEMS = 300;

    List<Rating> ratings() {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Output> anchors = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            anchors.add(Output.draw("anchor-" + i, 6, rng));
        }
        List<Rating> out = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            List<Output> outputs = new ArrayList<>(anchors);
            for (int i = 0; i < SYSTEM_ITEMS; i++) {
                outputs.add(Output.draw("w" + week + "-" + i, week == 1 ? systemMeanWeek1 : systemMeanWeek2, rng));
            }
            boolean rewardsLength = week == 2 && judgeRewardsLengthWeek2;
            double leniency = week == 2 ? humanLeniencyWeek2 : 0;
            for (Output o : outputs) {
                boolean anchor = o.id().startsWith("anchor");
                for (int h = 1; h <= 3; h++) {
                    out.add(rating(o, "human" + h, HUMAN, week == 2 && leniency != 0 ? "cohort-2" : "cohort-1",
                            o.quality() + leniency + 0.7 * rng.nextGaussian(), week, anchor));
                }
                double lift = rewardsLength ? 1.5 * Math.log(o.length() / 200.0) : 0;
                out.add(rating(o, "judge", JUDGE, rewardsLength ? "judge-v2" : "judge-v1",
                        o.quality() + lift + 0.5 * rng.nextGaussian(), week, anchor));
            }
        }
        return out;
    }

    private static Rating rating(Output o, String rater, RaterKind kind, String version, double score, int week,
                                 boolean anchor) {
        double clamped = Math.round(10 * Math.max(0, Math.min(10, score))) / 10.0;
        TestRating r = TestRating.of(o.id(), rater, kind, "interval:0-10", clamped).week(week).version(version)
                .output(o.length(), "acme");
        return (anchor ? r.anchor() : r).build();
    }

    private record Output(String id, double quality, long length) {
        static Output draw(String id, double mean, SplittableRandom rng) {
            return new Output(id, mean + rng.nextGaussian(), Math.round(400 * Math.exp(0.5 * rng.nextGaussian())));
        }
    }
}
