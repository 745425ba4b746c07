package dev.evalgap.gap;

import dev.evalgap.stats.JensenShannon;
import dev.evalgap.stats.KMeans;
import dev.evalgap.stats.KMeansResult;
import dev.evalgap.stats.KSelection;
import dev.evalgap.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Clusters eval ∪ production into topics and describes each so a person can act on it. */
final class TopicMapper {

    static final int K_MIN = 4;
    static final int K_MAX = 30;
    static final int KEYWORDS = 5;
    static final int EXAMPLES = 3;

    private TopicMapper() {
    }

    /**
     * The topic map with every item's topic (for segment breakdowns, refresh suggestions and the stored
     * {@link TopicAssignment}) and the k-means centroids, indexed by topic id.
     */
    record Fit(TopicMap map, int[] evalLabels, int[] productionLabels, float[][] centroids) {
    }

    /**
     * @param production     the scored production items
     * @param weights        production weights, or null
     * @param uncovered      per production item: farther from every eval case than the coverage
     *                       threshold; or null without coverage
     * @param k              number of topics, or 0 to choose it by the silhouette rule
     * Texts may be null (precomputed vectors only): topics then have no keywords or examples. A
     * {@code null} entry in a text list is a text that must not be shown (it would reveal a sealed
     * case): it is never a medoid or an example and adds no keyword.
     */
    static Fit map(float[][] eval, List<String> evalTexts, float[][] production, List<String> productionTexts,
                   double[] weights, boolean[] uncovered, int k, long seed, double confidence) {
        int ne = eval.length;
        int np = production.length;
        float[][] pooled = new float[ne + np][];
        System.arraycopy(eval, 0, pooled, 0, ne);
        System.arraycopy(production, 0, pooled, ne, np);
        List<String> texts = null;
        int withheldEval = 0;
        int withheldProduction = 0;
        if (evalTexts != null && productionTexts != null) {
            texts = new ArrayList<>(evalTexts);
            texts.addAll(productionTexts);
            withheldEval = (int) evalTexts.stream().filter(java.util.Objects::isNull).count();
            withheldProduction = (int) productionTexts.stream().filter(java.util.Objects::isNull).count();
        }

        String rule;
        if (k > 0) {
            rule = "configured: k = " + k;
        } else {
            KSelection selection = KMeans.chooseK(pooled, K_MIN, Math.min(K_MAX, pooled.length - 1), seed);
            k = selection.k();
            rule = selection.rule() + " (here kMin = " + selection.kMin() + ", kMax = " + selection.kMax()
                    + "); chosen: k = " + k + " (mean silhouette "
                    + String.format(java.util.Locale.ROOT, "%.3f", selection.silhouette(k)) + ").";
        }
        KMeansResult fit = KMeans.withDefaults().withK(k).withSeed(seed).fit(pooled);
        int[] labels = fit.labels();

        double[] prodMass = new double[k];
        int[] prodCount = new int[k];
        int[] evalCount = new int[k];
        double[] uncoveredMass = new double[k];
        double total = 0;
        double sumSquares = 0;
        for (int i = 0; i < ne; i++) {
            evalCount[labels[i]]++;
        }
        for (int i = 0; i < np; i++) {
            double w = weights == null ? 1 : weights[i];
            int t = labels[ne + i];
            prodMass[t] += w;
            prodCount[t]++;
            total += w;
            sumSquares += w * w;
            if (uncovered != null && uncovered[i]) {
                uncoveredMass[t] += w;
            }
        }
        double effectiveN = total * total / sumSquares;

        List<List<TopicKeywords.Keyword>> keywords = texts == null ? null
                : TopicKeywords.withDefaults().withTopN(KEYWORDS)
                        .keywords(texts.stream().map(t -> t == null ? "" : t).toList(), labels);
        List<Topic> topics = new ArrayList<>();
        double noCase = 0;
        for (int t = 0; t < k; t++) {
            double prodShare = prodMass[t] / total;
            double evalShare = evalCount[t] / (double) ne;
            if (evalCount[t] == 0) {
                noCase += prodShare;
            }
            List<String> nearest = nearestTexts(pooled, texts, labels, ne, fit.centroids()[t], t);
            topics.add(new Topic(t, prodCount[t], evalCount[t], prodShare,
                    WilsonInterval.of(prodShare, effectiveN, confidence), evalShare,
                    prodShare > 0 ? evalShare / prodShare : null, Math.max(0, prodShare - evalShare),
                    uncovered == null || prodMass[t] == 0 ? null : uncoveredMass[t] / prodMass[t],
                    keywords == null ? List.of() : keywords.get(t).stream().map(TopicKeywords.Keyword::term).toList(),
                    nearest.isEmpty() ? null : nearest.get(0),
                    nearest.size() > 1 ? nearest.subList(1, nearest.size()) : List.of()));
        }
        topics.sort(Comparator.comparingDouble(Topic::missingShare).reversed()
                .thenComparing(Comparator.comparingDouble(Topic::productionShare).reversed()));
        double[] evalHist = new double[k];
        for (int t = 0; t < k; t++) {
            evalHist[t] = evalCount[t];
        }
        TopicMap map = new TopicMap(k, rule, JensenShannon.divergence(prodMass, evalHist), noCase, np, ne,
                weights != null, seed, List.copyOf(topics), withheldEval, withheldProduction);
        int[] evalLabels = java.util.Arrays.copyOfRange(labels, 0, ne);
        int[] prodLabels = java.util.Arrays.copyOfRange(labels, ne, ne + np);
        return new Fit(map, evalLabels, prodLabels, fit.centroids());
    }

    /**
     * The medoid (nearest pooled text to the centre) followed by the nearest production texts, all
     * distinct, at most {@code 1 + EXAMPLES}.
     */
    private static List<String> nearestTexts(float[][] pooled, List<String> texts, int[] labels, int ne,
                                             float[] centre, int topic) {
        if (texts == null) {
            return List.of();
        }
        int[] members = java.util.stream.IntStream.range(0, pooled.length).filter(i -> labels[i] == topic).toArray();
        double[] distance = new double[pooled.length];
        for (int i : members) {
            distance[i] = squaredDistance(pooled[i], centre);
        }
        int[] order = java.util.Arrays.stream(members).boxed()
                .sorted(Comparator.comparingDouble(i -> distance[i])).mapToInt(Integer::intValue).toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i : order) {
            if (texts.get(i) == null) {
                continue; // withheld: it would reveal a sealed case
            }
            if (out.isEmpty() || i >= ne) {
                out.add(texts.get(i));
            }
            if (out.size() > EXAMPLES) {
                break;
            }
        }
        return new ArrayList<>(out);
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
