package dev.evalgap.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feedback counts of one group of traffic records, aggregated in the database. A signal's
 * denominator counts the records that carry it: absent feedback is not negative feedback.
 *
 * @param scope            how the records are grouped
 * @param release          the release ({@code null} in {@link Scope#WINDOW} and {@link Scope#ALL}, and for
 *                         records without a release in the other scopes)
 * @param window           the window ({@code null} in {@link Scope#RELEASE} and {@link Scope#ALL})
 * @param firstTs          earliest timestamp of the group
 * @param lastTs           latest timestamp of the group
 * @param interactions     records in the group
 * @param rated            records with a thumbs value
 * @param thumbsUp         records with thumbs up
 * @param retryKnown       records with a {@code retried} value
 * @param retried          records with {@code retried = true}
 * @param editKnown        records with an {@code edited} value
 * @param edited           records with {@code edited = true}
 * @param abandonKnown     records with an {@code abandoned} value
 * @param abandoned        records with {@code abandoned = true}
 * @param explicitFeedback records with a thumbs value or a CSAT score
 * @param csatHistogram    CSAT value → records with that value, ascending
 */
public record FeedbackCounts(
        Scope scope,
        String release,
        String window,
        Instant firstTs,
        Instant lastTs,
        long interactions,
        long rated,
        long thumbsUp,
        long retryKnown,
        long retried,
        long editKnown,
        long edited,
        long abandonKnown,
        long abandoned,
        long explicitFeedback,
        Map<Double, Long> csatHistogram) {

    /** The grouping of the records. */
    public enum Scope {
        /** One release within one window. */
        CELL,
        /** All records of one release. */
        RELEASE,
        /** All records of one window. */
        WINDOW,
        /** Every record. */
        ALL
    }

    public FeedbackCounts {
        csatHistogram = Collections.unmodifiableMap(new TreeMap<>(csatHistogram));
    }

    /** Records with a CSAT score. */
    public long csatCount() {
        return csatHistogram.values().stream().mapToLong(Long::longValue).sum();
    }
}
