package dev.evalgap.trend;

import dev.evalgap.stats.RankCorrelationResult;
import java.util.List;

/**
 * Does the release's offline score still predict one online KPI across releases?
 *
 * @param kpi       the KPI ({@code thumbs_up_rate}, {@code retry_rate}, {@code edit_rate},
 *                  {@code abandonment_rate}, {@code csat_mean}, or an ingested metric name)
 * @param source    {@code traffic} (derived from the feedback fields) or {@code ingested}
 * @param direction which way the KPI moves when users are better served
 * @param releases  the releases compared, in timeline order (those with an offline score and the KPI)
 * @param offline   their offline scores
 * @param online    their KPI values
 * @param spearman  Spearman's ρ with a bootstrap interval over the releases
 * @param kendall   Kendall's τ_b with a bootstrap interval over the releases
 * @param signs     release-to-release sign agreement
 * @param status    the reading of the oriented Spearman ρ
 * @param alert     the alert in words, or {@code null}
 */
public record KpiAgreement(
        String kpi,
        String source,
        Direction direction,
        List<String> releases,
        List<Double> offline,
        List<Double> online,
        RankCorrelationResult spearman,
        RankCorrelationResult kendall,
        SignAgreement signs,
        AgreementStatus status,
        String alert) {
}
