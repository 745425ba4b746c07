package dev.evalgap.trend;

import dev.evalgap.Seeds;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.PairedGainDifference;
import dev.evalgap.stats.PairedGainDifferenceResult;
import dev.evalgap.store.CaseScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Public versus sealed offline scores per release and the overfit index (see {@link #RULE}). */
final class Goodhart {

    static final String RULE = "public / sealed score: mean over the release's scored cases of that split (stale cases "
            + "left out unless --include-stale), percentile-bootstrap interval over cases; overfit index = public gain "
            + "- sealed gain since the baseline release, a gain being the mean over the split's cases scored in both "
            + "releases of (score - baseline score); interval: cases resampled within each split, each case's two "
            + "scores kept together (paired by case id)";

    private Goodhart() {
    }

    /**
     * @param setName  the eval set (for messages)
     * @param scores   per-case scores by release, in timeline order (stale cases already left out)
     * @param sealed   ids of the sealed cases of the set version
     * @param publicCases public cases counted
     * @param sealedCases sealed cases counted
     * @param baseline the baseline release, or {@code null} for the first with scores
     */
    static GoodhartGauge compute(String setName, Map<String, List<CaseScore>> scores, Set<String> sealed,
                                 int publicCases, int sealedCases, String baseline, int bootstrap, double confidence,
                                 long seed) {
        if (sealedCases == 0) {
            return GoodhartGauge.skipped("no sealed case in eval set '" + setName + "': run `evalgap seal --set "
                    + setName + " --fraction 0.2` to hold out a split whose texts are never shown");
        }
        if (scores.isEmpty()) {
            return GoodhartGauge.skipped("no offline runs on the eval set");
        }
        String base = baseline != null ? baseline : scores.keySet().iterator().next();
        if (!scores.containsKey(base)) {
            throw new IllegalArgumentException("--baseline '" + base + "' has no offline runs on the eval set; releases "
                    + "with runs: " + scores.keySet());
        }
        Map<String, Double> baseScores = new HashMap<>();
        scores.get(base).forEach(s -> baseScores.put(s.caseId(), s.score()));
        BootstrapMean mean = BootstrapMean.withDefaults().withBootstrap(bootstrap).withConfidence(confidence);
        PairedGainDifference diff = PairedGainDifference.withDefaults().withBootstrap(bootstrap)
                .withConfidence(confidence);
        List<SplitScores> out = new ArrayList<>();
        for (Map.Entry<String, List<CaseScore>> e : scores.entrySet()) {
            String release = e.getKey();
            List<Double> pub = new ArrayList<>();
            List<Double> seal = new ArrayList<>();
            List<Double> pubGains = new ArrayList<>();
            List<Double> sealGains = new ArrayList<>();
            for (CaseScore s : e.getValue()) {
                boolean isSealed = sealed.contains(s.caseId());
                (isSealed ? seal : pub).add(s.score());
                Double before = baseScores.get(s.caseId());
                if (before != null) {
                    (isSealed ? sealGains : pubGains).add(s.score() - before);
                }
            }
            MeanFigure publicScore = MeanFigure.of(mean.withSeed(Seeds.derive(seed, "public", release)).test(array(pub)));
            MeanFigure sealedScore = MeanFigure.of(mean.withSeed(Seeds.derive(seed, "sealed", release)).test(array(seal)));
            OverfitIndex overfit = null;
            if (!release.equals(base)) {
                long s = Seeds.derive(seed, "overfit", release, base);
                PairedGainDifferenceResult r = diff.withSeed(s).testGains(array(pubGains), array(sealGains));
                overfit = new OverfitIndex(r.estimate(), r.interval(), r.gainA(), r.gainB(), r.nA(), r.nB(),
                        r.bootstrapResamples(), r.seed());
            }
            out.add(new SplitScores(release, publicScore, sealedScore, overfit));
        }
        return new GoodhartGauge(base, publicCases, sealedCases, List.copyOf(out), RULE, null);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
