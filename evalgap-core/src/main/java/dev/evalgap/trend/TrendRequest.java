package dev.evalgap.trend;

import java.time.LocalDate;
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
 * @param asOf                reference date of case expiry; {@code null} = today (UTC)
 * @param policies            current policy versions ({@code evalgap.yaml policies:}); never null
 * @param includeStale        keep stale cases (expired, superseded policy) in the offline scores
 * @param baseline            baseline release of the overfit index; {@code null} = the first with runs
 */
public record TrendRequest(
        String setName,
        int lastReleases,
        Map<String, Direction> kpiDirections,
        int bootstrap,
        double confidence,
        long seed,
        boolean productionWeighting,
        LocalDate asOf,
        Map<String, String> policies,
        boolean includeStale,
        String baseline) {

    /** Default N of the recent-releases agreement. */
    public static final int DEFAULT_LAST_RELEASES = 5;

    /** Expiry as of today, no declared policies, stale cases left out, the first release as baseline. */
    public TrendRequest(String setName, int lastReleases, Map<String, Direction> kpiDirections, int bootstrap,
                        double confidence, long seed, boolean productionWeighting) {
        this(setName, lastReleases, kpiDirections, bootstrap, confidence, seed, productionWeighting, null, Map.of(),
                false, null);
    }

    public TrendRequest {
        kpiDirections = Map.copyOf(Objects.requireNonNull(kpiDirections, "kpiDirections"));
        policies = Map.copyOf(policies == null ? Map.of() : policies);
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
