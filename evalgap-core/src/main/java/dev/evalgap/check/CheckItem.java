package dev.evalgap.check;

import dev.evalgap.Threshold;
import dev.evalgap.stats.Interval;

/**
 * One evaluated threshold.
 *
 * @param name      the check, e.g. {@code max_gap_score} or {@code min_offline_online_correlation[retry_rate]}
 * @param threshold which threshold
 * @param figure    the figure compared, in words
 * @param value     its point estimate (the figure that is compared); NaN when not available
 * @param interval  its interval, or {@code null}
 * @param limit     the threshold's value
 * @param n         the sample size behind the figure (cases, records or releases; see {@code sample})
 * @param sample    what {@code n} counts, in words
 * @param status    PASS, FAIL, or SKIP when the figure is not available
 * @param message   the outcome in one line, e.g. {@code gap score 0.62 [0.55, 0.69] > 0.30 (...)}
 */
public record CheckItem(
        String name,
        Threshold threshold,
        String figure,
        double value,
        Interval interval,
        double limit,
        long n,
        String sample,
        Status status,
        String message) {

    /** The outcome of a check. */
    public enum Status {
        /** The figure is within its threshold. */
        PASS,
        /** The figure crosses its threshold. */
        FAIL,
        /** The figure is not available (too few releases, no sealed split, ...); see the message. */
        SKIP
    }
}
