package dev.evalgap.trend;

import dev.evalgap.stats.Interval;
import java.time.Instant;
import java.util.List;

/**
 * One window on the timeline.
 *
 * @param window          the window
 * @param firstTraffic    its first production record
 * @param releases        releases that served traffic in the window, oldest first
 * @param release         the newest of them: the release whose offline score the team quoted that week
 * @param offlineScore    that release's offline score; {@code null} without runs
 * @param offlineInterval its interval
 * @param gap             the latest stored gap result of the window; {@code null} when none is stored
 * @param online          KPIs of the window's traffic
 * @param ingested        KPIs ingested for the window (no release)
 */
public record WindowTrend(
        String window,
        Instant firstTraffic,
        List<String> releases,
        String release,
        Double offlineScore,
        Interval offlineInterval,
        GapPoint gap,
        FeedbackKpis online,
        List<IngestedKpi> ingested) {
}
