package dev.evalgap.gap;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalgap.ResultJson;
import dev.evalgap.stats.KMeans;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which topic every sampled item of a stored gap result fell in, and the topic centres. It is stored beside
 * the result (analysis {@value #ANALYSIS}, same set, version and window), so that the timeline's
 * production-weighted score and refresh suggestions use the gap's own clustering instead of drawing the
 * samples and clustering them again (which fails once traffic is added to the window).
 *
 * @param setName    the eval set of the gap result
 * @param setVersion its version
 * @param window     the production window
 * @param computedAt the gap result's {@code provenance.computedAt}: the link to it
 * @param evalCases  topic of every sampled eval case, by case id, in sample order
 * @param production topic of every scored production record, by record id, in sample order
 * @param centroids  the k-means centroid of every topic (row = topic id), for items outside the samples
 */
public record TopicAssignment(
        String setName,
        int setVersion,
        String window,
        Instant computedAt,
        Map<String, Integer> evalCases,
        Map<String, Integer> production,
        float[][] centroids) {

    /** The {@code analysis} of the stored rows. */
    public static final String ANALYSIS = "gap-topics";

    static TopicAssignment of(GapResult result, List<TextItem> eval, List<TextItem> production,
                              TopicMapper.Fit fit) {
        return new TopicAssignment(result.setName(), result.setVersion(), result.window(),
                result.provenance().computedAt(), byId(eval, fit.evalLabels()), byId(production,
                fit.productionLabels()), fit.centroids());
    }

    private static Map<String, Integer> byId(List<TextItem> items, int[] labels) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            out.put(items.get(i).id(), labels[i]);
        }
        return out;
    }

    /**
     * The stored assignment of the gap result of this set, window and computation time, or null (a result
     * stored by an evalgap that did not store assignments).
     */
    public static TopicAssignment stored(Store store, String setName, String window, Instant computedAt) {
        for (String text : store.results(ANALYSIS, setName, window)) {
            TopicAssignment a;
            try {
                a = ResultJson.mapper().readValue(text, TopicAssignment.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored topic assignment of " + setName + " / " + window
                        + " is not valid: " + e.getOriginalMessage(), e);
            }
            if (a.computedAt().equals(computedAt)) {
                return a;
            }
        }
        return null;
    }

    /** @return the topic of every row: its nearest centroid (the first on ties), as k-means assigns */
    public int[] nearestTopics(float[][] rows) {
        return KMeans.assign(centroids, rows);
    }

    /**
     * The fit behind {@code map} for these samples, or null when an item is not in the assignment (not the
     * samples it was stored for).
     */
    TopicMapper.Fit fit(TopicMap map, List<TextItem> eval, List<TextItem> productionItems) {
        int[] evalLabels = labels(evalCases, eval);
        int[] productionLabels = labels(production, productionItems);
        return evalLabels == null || productionLabels == null ? null
                : new TopicMapper.Fit(map, evalLabels, productionLabels, centroids);
    }

    private static int[] labels(Map<String, Integer> topics, List<TextItem> items) {
        if (topics.size() != items.size()) {
            return null;
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Integer t = topics.get(items.get(i).id());
            if (t == null) {
                return null;
            }
            out[i] = t;
        }
        return out;
    }
}
