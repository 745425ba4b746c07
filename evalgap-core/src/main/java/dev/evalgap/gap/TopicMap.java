package dev.evalgap.gap;

import java.util.List;

/**
 * Where production and the eval set put their mass: topics sorted by the production mass the eval
 * set under-samples ({@link Topic#missingShare()}), largest first.
 *
 * @param k                 number of topics
 * @param kRule             how k was chosen (configured, or the silhouette rule with its figures)
 * @param jsDivergence      Jensen–Shannon divergence, base 2, of the production and eval topic histograms
 * @param noCaseShare       share of production in topics that hold no eval case
 * @param productionItems   production items clustered
 * @param evalItems         eval cases clustered
 * @param weighted          production shares use the records' weights
 * @param seed              seed of k-means
 * @param topics            the topics, sorted
 * @param withheldEvalTexts eval cases whose text is never shown (sealed cases, and cases whose text
 *                          contains a sealed case's text): never a medoid, no keywords
 * @param withheldProductionTexts production items whose text is never shown because it contains a
 *                          sealed case's input or expected answer (e.g. the production original of a
 *                          sealed case)
 */
public record TopicMap(
        int k,
        String kRule,
        double jsDivergence,
        double noCaseShare,
        int productionItems,
        int evalItems,
        boolean weighted,
        long seed,
        List<Topic> topics,
        int withheldEvalTexts,
        int withheldProductionTexts) {
}
