package dev.evalgap.trend;

import dev.evalgap.Provenance;
import java.util.List;

/**
 * The timeline: per release and per window, the offline score, the gap and the online KPIs side by
 * side; the score-up-while-gap-up flags; offline↔online agreement across releases; and the offline
 * score re-weighted to production's topic mix.
 *
 * @param setName            the eval set ({@code null}: no set, every run)
 * @param setVersion         its current version
 * @param setCases           cases in that version
 * @param releases           releases in order of first traffic (releases with runs but no traffic last)
 * @param windows            windows in order
 * @param cells              KPIs per release within each window
 * @param overall            KPIs over all traffic
 * @param ingested           every ingested KPI observation
 * @param scoreUpGapUp       flags: offline score and gap score rose together
 * @param agreement          offline↔online agreement
 * @param productionWeighted the production-weighted offline score (or why it was skipped)
 * @param notes              what the reader must know (missing inputs, warnings)
 * @param bootstrapResamples B of every bootstrap interval
 * @param confidence         level of every interval
 * @param seed               the seed every figure's seed is derived from
 * @param seedRule           how the figure seeds are derived
 * @param provenance         evalgap and Java versions, time of computation
 * @param staleCases         cases whose ground truth is out of date (expired, superseded policy), and
 *                           whether they were left out; {@code null} without an eval set
 * @param goodhart           public versus sealed scores and the overfit index per release
 */
public record TrendResult(
        String setName,
        Integer setVersion,
        Integer setCases,
        List<ReleaseTrend> releases,
        List<WindowTrend> windows,
        List<FeedbackKpis> cells,
        FeedbackKpis overall,
        List<IngestedKpi> ingested,
        List<ScoreGapFlag> scoreUpGapUp,
        Agreement agreement,
        ProductionWeightedScore productionWeighted,
        List<String> notes,
        int bootstrapResamples,
        double confidence,
        long seed,
        String seedRule,
        Provenance provenance,
        StaleCases staleCases,
        GoodhartGauge goodhart) {
}
