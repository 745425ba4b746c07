package dev.evalgap.trend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.Progress;
import dev.evalgap.Seeds;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.BootstrapMeanResult;
import dev.evalgap.stats.KMeans;
import dev.evalgap.stats.KMeansResult;
import dev.evalgap.store.CaseScore;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline score re-weighted to the production topic mix of a stored gap result.
 *
 * <p>A stored gap result keeps, per topic, its production share and how many sampled eval cases
 * and production records fell in it, but not which case is in which topic. That assignment is
 * reproduced, not approximated: the gap's samples are drawn again with its rule and seed (the
 * {@code evalSample} cases of its set version and the {@code productionSample} records of its window
 * with the smallest md5(id:seed)), embedded with its embedder (from the workspace cache, where the
 * gap analysis left the vectors), and clustered by k-means with its k and seed, exactly as the gap
 * analysis does. The reproduction is accepted only when every topic's eval and production counts
 * equal the stored ones; otherwise (traffic added to the window since, the set changed, a different
 * evalgap version) the figure is skipped and the reason given. Scored cases outside the gap's eval
 * sample (a set larger than the sample) get the topic of the nearest reproduced centroid.
 *
 * <p>The score of a release is the post-stratified mean \(\sum_t \pi_t \bar s_t / \sum_t \pi_t\)
 * over the topics t holding at least one scored case, with \(\pi_t\) the stored production share of
 * t (weighted when the traffic carries weights) and \(\bar s_t\) the release's mean score on the
 * cases of t; production in topics without a case cannot be scored and is reported as the
 * unrepresented share. Interval: stratified percentile bootstrap (cases resampled within topics,
 * shares fixed), {@link BootstrapMean#testStratified}. When the newest release's weighted score lies
 * below an earlier release's while its raw score rose, {@link WeightedFall} raises a flag.
 */
final class ProductionWeighting {

    private ProductionWeighting() {
    }

    static ProductionWeightedScore compute(Store store, String setName, int currentVersion, StoredGaps.Stored gap,
                                           Map<String, List<CaseScore>> scoresByRelease, int bootstrap,
                                           double confidence, long seed, Progress progress) {
        JsonNode json = gap.json();
        GapPoint point = gap.point();
        JsonNode topicsNode = json.path("figures").path("topics");
        int k = topicsNode.path("k").asInt(0);
        if (k < 1 || !topicsNode.path("topics").isArray() || topicsNode.path("topics").size() != k) {
            return ProductionWeightedScore.skipped("the gap result of " + point.window() + " has no topic map");
        }
        double[] share = new double[k];
        int[] storedEval = new int[k];
        int[] storedProduction = new int[k];
        for (JsonNode t : topicsNode.path("topics")) {
            int id = t.path("id").asInt(-1);
            if (id < 0 || id >= k) {
                return ProductionWeightedScore.skipped("the topic map of " + point.window() + " has a topic id "
                        + id + " outside 0.." + (k - 1));
            }
            share[id] = t.path("productionShare").asDouble(Double.NaN);
            storedEval[id] = t.path("evalItems").asInt();
            storedProduction[id] = t.path("productionItems").asInt();
            if (!(share[id] >= 0 && share[id] <= 1)) {
                return ProductionWeightedScore.skipped("topic " + id + " of " + point.window()
                        + " has no production share");
            }
        }
        long gapSeed = point.seed();
        List<TextItem> eval = store.sampleCases(setName, point.setVersion(), point.evalSample(), gapSeed);
        List<TextItem> production = store.sampleTraffic(point.window(), point.productionSample(), gapSeed);
        if (eval.size() != point.evalSample() || production.size() != point.productionSample()) {
            return ProductionWeightedScore.skipped(String.format(Locale.ROOT, "cannot redraw the samples of the gap "
                    + "result of %s (stored %d eval / %d production, now %d / %d)", point.window(), point.evalSample(),
                    point.productionSample(), eval.size(), production.size()));
        }
        String embedderId = point.embedder();
        boolean provided = "provided".equals(embedderId);
        List<EvalCase> setCases = store.cases(setName, currentVersion);
        Map<String, EvalCase> caseById = new HashMap<>();
        setCases.forEach(c -> caseById.put(c.caseId(), c));
        Map<String, Integer> topicOfCase = new HashMap<>();
        int fromSample;
        int byCentroid;
        try (Embedder embedder = provided ? null : new CachingEmbedder(Embedders.create(embedderId), store)) {
            float[][] evalVectors = vectors(eval, embedder, progress);
            float[][] productionVectors = vectors(production, embedder, progress);
            if (evalVectors == null || productionVectors == null) {
                return ProductionWeightedScore.skipped("the gap result of " + point.window()
                        + " used provided vectors and some sampled items no longer carry one");
            }
            float[][] pooled = new float[eval.size() + production.size()][];
            System.arraycopy(evalVectors, 0, pooled, 0, eval.size());
            System.arraycopy(productionVectors, 0, pooled, eval.size(), production.size());
            KMeansResult fit = KMeans.withDefaults().withK(k).withSeed(gapSeed).fit(pooled);
            int[] evalCount = new int[k];
            int[] productionCount = new int[k];
            for (int i = 0; i < pooled.length; i++) {
                (i < eval.size() ? evalCount : productionCount)[fit.labels()[i]]++;
            }
            for (int t = 0; t < k; t++) {
                if (evalCount[t] != storedEval[t] || productionCount[t] != storedProduction[t]) {
                    return ProductionWeightedScore.skipped(String.format(Locale.ROOT, "could not reproduce the topic "
                            + "assignment of the gap result of %s: topic %d holds %d eval / %d production items in the "
                            + "stored result and %d / %d when re-clustered", point.window(), t, storedEval[t],
                            storedProduction[t], evalCount[t], productionCount[t]));
                }
            }
            boolean sameVersion = point.setVersion() == currentVersion;
            if (sameVersion) {
                for (int i = 0; i < eval.size(); i++) {
                    topicOfCase.put(eval.get(i).id(), fit.labels()[i]);
                }
            }
            fromSample = topicOfCase.size();
            List<EvalCase> rest = new ArrayList<>();
            java.util.Set<String> scored = new java.util.TreeSet<>();
            scoresByRelease.values().forEach(list -> list.forEach(c -> scored.add(c.caseId())));
            for (String id : scored) {
                EvalCase c = caseById.get(id);
                if (c != null && !topicOfCase.containsKey(id)) {
                    rest.add(c);
                }
            }
            byCentroid = rest.size();
            if (!rest.isEmpty()) {
                List<TextItem> items = rest.stream().map(c -> new TextItem(c.caseId(), c.input(), c.embedding())).toList();
                float[][] v = vectors(items, embedder, progress);
                if (v == null) {
                    return ProductionWeightedScore.skipped("some scored cases carry no provided vector");
                }
                int[] labels = fit.assign(v);
                for (int i = 0; i < rest.size(); i++) {
                    topicOfCase.put(rest.get(i).caseId(), labels[i]);
                }
            }
        }
        List<ReleaseWeightedScore> releases = new ArrayList<>();
        BootstrapMean mean = BootstrapMean.withDefaults().withBootstrap(bootstrap).withConfidence(confidence);
        for (Map.Entry<String, List<CaseScore>> e : scoresByRelease.entrySet()) {
            Map<Integer, List<Double>> byTopic = new LinkedHashMap<>();
            for (int t = 0; t < k; t++) {
                byTopic.put(t, new ArrayList<>());
            }
            int cases = 0;
            double sum = 0;
            for (CaseScore c : e.getValue()) {
                Integer t = topicOfCase.get(c.caseId());
                if (t != null) {
                    byTopic.get(t).add(c.score());
                    cases++;
                    sum += c.score();
                }
            }
            double[][] strata = new double[k][];
            for (int t = 0; t < k; t++) {
                strata[t] = byTopic.get(t).stream().mapToDouble(Double::doubleValue).toArray();
            }
            BootstrapMeanResult r = mean.withSeed(Seeds.derive(seed, "weighted", e.getKey())).testStratified(strata, share);
            releases.add(new ReleaseWeightedScore(e.getKey(), r.mean(), r.interval(),
                    cases == 0 ? Double.NaN : sum / cases, cases, r.strata(), r.representedWeight()));
        }
        String method = String.format(Locale.ROOT, "topic of every case reproduced from the gap result of %s "
                + "(set '%s' v%d, %d eval cases and %d production records drawn again by md5(id:%d), embedder %s, "
                + "k-means k = %d, seed %d; every topic's eval and production counts match the stored ones)%s; "
                + "score = sum over topics with a scored case of production share x mean case score, divided by "
                + "those topics' share; interval: stratified bootstrap within topics, shares fixed",
                point.window(), setName, point.setVersion(), point.evalSample(), point.productionSample(), gapSeed,
                embedderId, k, gapSeed, byCentroid == 0 ? ""
                        : "; " + byCentroid + " scored case(s) outside that sample got the nearest centroid's topic");
        WeightedFallFlag fall = WeightedFall.find(releases, scoresByRelease, topicOfCase, share, point.window(), mean,
                seed);
        return new ProductionWeightedScore(point.window(), point.setVersion(), embedderId, k, method, fromSample,
                byCentroid, List.copyOf(releases), null, fall);
    }

    /** The items' vectors: their own with {@code embedder == null} (null if one lacks it), else embedded. */
    private static float[][] vectors(List<TextItem> items, Embedder embedder, Progress progress) {
        if (embedder == null) {
            float[][] out = new float[items.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = items.get(i).embedding();
                if (out[i] == null) {
                    return null;
                }
            }
            return out;
        }
        return embedder.embed(items.stream().map(TextItem::text).toList(), progress);
    }
}
