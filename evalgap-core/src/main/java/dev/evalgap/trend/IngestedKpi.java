package dev.evalgap.trend;

import dev.evalgap.stats.Interval;
import dev.evalgap.stats.WilsonInterval;
import dev.evalgap.store.KpiObservation;

/**
 * A KPI value ingested as it was computed elsewhere ({@code evalgap ingest kpis}).
 *
 * @param metric   the metric name as ingested
 * @param release  the release it describes, or {@code null}
 * @param window   the window it describes, or {@code null}
 * @param value    the value
 * @param n        the count it was computed over, when given
 * @param interval a Wilson interval when the value lies in [0, 1] and n is given (the value is then
 *                 taken to be a proportion of n); otherwise {@code null}: evalgap cannot know the
 *                 spread of a figure computed elsewhere
 */
public record IngestedKpi(String metric, String release, String window, double value, Long n, Interval interval) {

    static IngestedKpi of(KpiObservation k, double confidence) {
        Interval interval = null;
        if (k.n() != null && k.n() > 0 && k.value() >= 0 && k.value() <= 1) {
            interval = WilsonInterval.of(k.value(), k.n(), confidence);
        }
        return new IngestedKpi(k.metric(), k.release(), k.window(), k.value(), k.n(), interval);
    }
}
