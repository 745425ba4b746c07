package dev.evalgap.gap;

import dev.evalgap.stats.Interval;
import java.util.List;

/**
 * One topic (k-means cluster of eval ∪ production embeddings).
 *
 * @param id               cluster number
 * @param productionItems  production items in the topic (of the scored sample)
 * @param evalItems        eval cases in the topic
 * @param productionShare  share of production (weighted when records carry a weight)
 * @param productionShareInterval Wilson interval of that share (Kish effective size when weighted)
 * @param evalShare        share of the eval set
 * @param ratio            evalShare / productionShare; null when the topic holds no production
 * @param missingShare     max(0, productionShare − evalShare): production mass the eval set under-samples
 * @param uncoveredShare   share of the topic's production farther from every eval case than the
 *                         uncovered threshold of the coverage figure; null without coverage
 * @param keywords         distinguishing terms (class-based TF-IDF), best first
 * @param medoid           the text nearest the topic centre
 * @param examples         further production texts near the centre, distinct from the medoid
 */
public record Topic(
        int id,
        int productionItems,
        int evalItems,
        double productionShare,
        Interval productionShareInterval,
        double evalShare,
        Double ratio,
        double missingShare,
        Double uncoveredShare,
        List<String> keywords,
        String medoid,
        List<String> examples) {
}
