package dev.evalgap.trend;

import dev.evalgap.Seeds;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.BootstrapMeanResult;
import dev.evalgap.store.CaseScore;
import dev.evalgap.store.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Offline scores per release, overall and per tag, from the per-case scores. */
final class OfflineScores {

    private OfflineScores() {
    }

    /** The per-case scores grouped by release, in the order given. */
    static Map<String, List<CaseScore>> byRelease(List<CaseScore> scores) {
        Map<String, List<CaseScore>> out = new LinkedHashMap<>();
        for (CaseScore s : scores) {
            out.computeIfAbsent(s.release(), r -> new ArrayList<>()).add(s);
        }
        return out;
    }

    static Map<String, OfflineScore> compute(Map<String, List<CaseScore>> byRelease, List<RunSummary> summaries,
                                             int bootstrap, double confidence, long seed) {
        Map<String, RunSummary> summary = new TreeMap<>();
        summaries.forEach(s -> summary.put(s.release(), s));
        Map<String, OfflineScore> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<CaseScore>> e : byRelease.entrySet()) {
            String release = e.getKey();
            List<CaseScore> cases = e.getValue();
            long releaseSeed = Seeds.derive(seed, "offline", release);
            BootstrapMean mean = BootstrapMean.withDefaults().withBootstrap(bootstrap).withConfidence(confidence);
            BootstrapMeanResult all = mean.withSeed(releaseSeed).test(scores(cases));
            Map<String, List<CaseScore>> byTag = new TreeMap<>();
            for (CaseScore c : cases) {
                for (String tag : c.tags()) {
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(c);
                }
            }
            List<TagScore> tags = new ArrayList<>();
            byTag.forEach((tag, tagged) -> {
                BootstrapMeanResult r = mean.withSeed(Seeds.derive(seed, "offline", release, "tag", tag))
                        .test(scores(tagged));
                tags.add(new TagScore(tag, r.mean(), r.interval(), tagged.size()));
            });
            RunSummary s = summary.get(release);
            out.put(release, new OfflineScore(all.mean(), all.interval(), cases.size(),
                    s == null ? 0 : s.unmatchedCases(), s == null ? List.of() : s.graders(), List.copyOf(tags),
                    bootstrap, releaseSeed));
        }
        return out;
    }

    static double[] scores(List<CaseScore> cases) {
        return cases.stream().mapToDouble(CaseScore::score).toArray();
    }
}
