package dev.evalgap.trend;

import java.util.Map;
import java.util.Objects;

/**
 * What the timeline covers and how its intervals are computed.
 *
 * @param setName             the eval set, or {@code null}: the only set of the workspace, or every run
 *                            when the workspace has no set
 * @param lastReleases        N of the "last N releases" agreement figures, &ge; 3
 * @param kpiDirections       directions of ingested metrics by name (a metric not listed is
 *                            {@link Direction#UNKNOWN}); the traffic KPIs have fixed directions
 * @param bootstrap           bootstrap resamples of every bootstrap interval
 * @param confidence          level of every interval
 * @param seed                the seed; every figure's seed is derived from it (see {@link Seeds})
 * @param productionWeighting whether to compute the production-weighted offline score (embeds the
 *                            eval cases with the stored gap result's embedder, usually from the cache)
 */
public record TrendRequest(
        String setName,
        int lastReleases,
        Map<String, Direction> kpiDirections,
        int bootstrap,
        double confidence,
        long seed,
        boolean productionWeighting) {

    /** Default N of the recent-releases agreement. */
    public static final int DEFAULT_LAST_RELEASES = 5;

    public TrendRequest {
        kpiDirections = Map.copyOf(Objects.requireNonNull(kpiDirections, "kpiDirections"));
        if (lastReleases < 3) {
            throw new IllegalArgumentException("the last N releases need N >= 3 for a rank correlation, got "
                    + lastReleases);
        }
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrap);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
