package dev.evalgap.trend;

import dev.evalgap.stats.Interval;
import dev.evalgap.stats.WilsonInterval;

/**
 * A share of records: {@code events} of {@code n}, with its Wilson interval.
 *
 * @param events   records with the event
 * @param n        records the share is taken over (those carrying the signal)
 * @param value    events / n; NaN when n = 0
 * @param interval Wilson score interval; {@code null} when n = 0
 */
public record Rate(long events, long n, double value, Interval interval) {

    static Rate of(long events, long n, double confidence) {
        if (n == 0) {
            return new Rate(0, 0, Double.NaN, null);
        }
        double p = events / (double) n;
        return new Rate(events, n, p, WilsonInterval.of(p, n, confidence));
    }

    /** @return true if the share is defined (n &gt; 0) */
    public boolean defined() {
        return n > 0;
    }
}
