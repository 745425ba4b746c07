package dev.evalgap.trend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.Progress;
import dev.evalgap.Seeds;
import dev.evalgap.embed.CachingEmbedder;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.gap.TopicAssignment;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.stats.BootstrapMeanResult;
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
 * <p>Every case takes its topic from the gap's own clustering: the gap analysis stores, beside its result,
 * the topic of every sampled eval case and the topic centroids ({@link TopicAssignment}). Scored cases
 * outside the gap's eval sample (a set larger than the sample, or a set version other than the gap's) get
 * the topic of the nearest centroid, from their vectors (the workspace's embedding cache, or their own
 * {@code embedding} when the gap ran on provided vectors). A gap result stored without an assignment (by an
 * older evalgap) is skipped with the reason.
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
        for (JsonNode t : topicsNode.path("topics")) {
            int id = t.path("id").asInt(-1);
            if (id < 0 || id >= k) {
                return ProductionWeightedScore.skipped("the topic map of " + point.window() + " has a topic id "
                        + id + " outside 0.." + (k - 1));
            }
            share[id] = t.path("productionShare").asDouble(Double.NaN);
            if (!(share[id] >= 0 && share[id] <= 1)) {
                return ProductionWeightedScore.skipped("topic " + id + " of " + point.window()
                        + " has no production share");
            }
        }
        TopicAssignment assignment = point.computedAt() == null ? null
                : TopicAssignment.stored(store, setName, point.window(), point.computedAt());
        if (assignment == null) {
            return ProductionWeightedScore.skipped("the gap result of " + point.window() + " was stored without "
                    + "its topic assignment (by an older evalgap); run `evalgap gap --set " + setName + " --window "
                    + point.window() + "` again");
        }
        if (assignment.centroids().length != k) {
            return ProductionWeightedScore.skipped("the stored topic assignment of " + point.window() + " has "
                    + assignment.centroids().length + " centroids for " + k + " topics");
        }
        Map<String, Integer> topicOfCase = new HashMap<>();
        if (point.setVersion() == currentVersion) {
            topicOfCase.putAll(assignment.evalCases());
        }
        int fromSample = topicOfCase.size();
        Map<String, EvalCase> caseById = new HashMap<>();
        store.cases(setName, currentVersion).forEach(c -> caseById.put(c.caseId(), c));
        List<EvalCase> rest = new ArrayList<>();
        java.util.Set<String> scored = new java.util.TreeSet<>();
        scoresByRelease.values().forEach(list -> list.forEach(c -> scored.add(c.caseId())));
        for (String id : scored) {
            EvalCase c = caseById.get(id);
            if (c != null && !topicOfCase.containsKey(id)) {
                rest.add(c);
            }
        }
        int byCentroid = rest.size();
        String embedderId = point.embedder();
        if (!rest.isEmpty()) {
            List<TextItem> items = rest.stream().map(c -> new TextItem(c.caseId(), c.input(), c.embedding())).toList();
            float[][] v;
            try (Embedder embedder = "provided".equals(embedderId) ? null
                    : new CachingEmbedder(Embedders.create(embedderId), store)) {
                v = vectors(items, embedder, progress);
            }
            if (v == null) {
                return ProductionWeightedScore.skipped("some scored cases carry no provided vector");
            }
            int[] labels = assignment.nearestTopics(v);
            for (int i = 0; i < rest.size(); i++) {
                topicOfCase.put(rest.get(i).caseId(), labels[i]);
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
        String method = String.format(Locale.ROOT, "topic of every case from the clustering of the gap result of "
                + "%s (set '%s' v%d, %d sampled eval cases, embedder %s, k-means k = %d, seed %d)%s; score = sum "
                + "over topics with a scored case of production share x mean case score, divided by those topics' "
                + "share; interval: stratified bootstrap within topics, shares fixed", point.window(), setName,
                point.setVersion(), point.evalSample(), embedderId, k, point.seed(), byCentroid == 0 ? ""
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
