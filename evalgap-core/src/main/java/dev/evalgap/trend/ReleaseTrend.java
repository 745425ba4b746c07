package dev.evalgap.trend;

import java.time.Instant;
import java.util.List;

/**
 * One release on the timeline.
 *
 * @param release      the release
 * @param firstTraffic its first production record ({@code null} when it has runs but no traffic)
 * @param lastTraffic  its last production record
 * @param windows      windows in which it served traffic, in order
 * @param offline      its offline score on the eval set; {@code null} without runs
 * @param online       KPIs over all its traffic; {@code null} without traffic
 * @param ingested     KPIs ingested for the release (no window)
 */
public record ReleaseTrend(
        String release,
        Instant firstTraffic,
        Instant lastTraffic,
        List<String> windows,
        OfflineScore offline,
        FeedbackKpis online,
        List<IngestedKpi> ingested) {
}
