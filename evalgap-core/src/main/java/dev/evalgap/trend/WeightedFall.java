package dev.evalgap.trend;

import dev.evalgap.Seeds;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.BootstrapMeanResult;
import dev.evalgap.store.CaseScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks for the pattern the production-weighted score exists to catch: the raw offline score still
 * rising while the score on what production asks about falls (see {@link WeightedFallFlag}).
 */
final class WeightedFall {

    private WeightedFall() {
    }

    /**
     * @param releases        the weighted score of every release, in timeline order
     * @param scoresByRelease every release's case scores
     * @param topicOfCase     the topic of every case that has one
     * @param share           production share of every topic
     * @param window          the window the shares come from (for the message)
     * @param mean            bootstrap settings (B, confidence); its seed is replaced by one derived from
     *                        {@code seed} and the two releases
     * @param seed            the trend's seed
     * @return the flag, or {@code null} when the newest release is the weighted peak, or when on the
     *     paired cases the weighted score did not fall or the raw score did not rise
     */
    static WeightedFallFlag find(List<ReleaseWeightedScore> releases, Map<String, List<CaseScore>> scoresByRelease,
                                 Map<String, Integer> topicOfCase, double[] share, String window, BootstrapMean mean,
                                 long seed) {
        List<ReleaseWeightedScore> scored = releases.stream().filter(r -> !Double.isNaN(r.weighted())).toList();
        if (scored.size() < 2) {
            return null;
        }
        ReleaseWeightedScore to = scored.get(scored.size() - 1);
        ReleaseWeightedScore peak = scored.get(0);
        for (ReleaseWeightedScore r : scored.subList(1, scored.size() - 1)) {
            if (r.weighted() > peak.weighted()) {
                peak = r;
            }
        }
        if (peak.weighted() <= to.weighted()) {
            return null;
        }
        Map<String, Double> before = new HashMap<>();
        scoresByRelease.get(peak.release()).forEach(c -> before.put(c.caseId(), c.score()));
        List<List<Double>> byTopic = new ArrayList<>();
        for (int t = 0; t < share.length; t++) {
            byTopic.add(new ArrayList<>());
        }
        List<Double> all = new ArrayList<>();
        for (CaseScore c : scoresByRelease.get(to.release())) {
            Integer topic = topicOfCase.get(c.caseId());
            Double from = before.get(c.caseId());
            if (topic != null && from != null) {
                double change = c.score() - from;
                byTopic.get(topic).add(change);
                all.add(change);
            }
        }
        double[][] strata = new double[share.length][];
        for (int t = 0; t < share.length; t++) {
            strata[t] = byTopic.get(t).stream().mapToDouble(Double::doubleValue).toArray();
        }
        BootstrapMeanResult weighted = mean.withSeed(Seeds.derive(seed, "weighted-fall", peak.release(),
                to.release())).testStratified(strata, share);
        BootstrapMeanResult raw = mean.withSeed(Seeds.derive(seed, "raw-change", peak.release(), to.release()))
                .test(all.stream().mapToDouble(Double::doubleValue).toArray());
        if (!(weighted.mean() < 0 && raw.mean() > 0)) {
            return null;
        }
        boolean detected = weighted.interval().high() < 0;
        String message = String.format(Locale.ROOT, "%s -> %s: the production-weighted score (topic shares of %s) "
                        + "fell %+.3f [%+.3f, %+.3f] while the raw score rose %+.3f [%+.3f, %+.3f] (%d cases scored in "
                        + "both; %s has the highest weighted score before %s): %s", peak.release(), to.release(),
                window, weighted.mean(), weighted.interval().low(), weighted.interval().high(), raw.mean(),
                raw.interval().low(), raw.interval().high(), all.size(), peak.release(), to.release(), detected
                        ? "the gain is on cases production rarely sends, and the release is worse on what it does send"
                        : "the weighted fall's interval includes 0, so it may be noise");
        return new WeightedFallFlag(peak.release(), to.release(), all.size(), weighted.mean(), weighted.interval(),
                raw.mean(), raw.interval(), detected, message);
    }
}
