package dev.evalgap.trend;

import dev.evalgap.Seeds;
import dev.evalgap.stats.BootstrapMean;
import dev.evalgap.store.FeedbackCounts;
import java.util.Map;

/**
 * Online KPIs of one group of production interactions (one release in one window, one release, one
 * window, or all traffic), derived from the feedback fields of the traffic records. The counts are
 * aggregated in the database ({@link dev.evalgap.store.TrendQueries#feedbackCounts()}); this record
 * turns them into shares and means with intervals.
 *
 * <p>Each signal is a share of the records that carry it, never of all records: a record without a
 * thumbs value is not a thumbs down. Implicit signals (retry, edit, abandonment) normally cover every
 * interaction; explicit ones (thumbs, CSAT) only the users who chose to give them, who are not
 * typical. When fewer than {@value #MIN_EXPLICIT_SHARE_PERCENT}% of the interactions carry explicit
 * feedback, {@code selectionBiasWarning} is set. Records are counted unweighted (the traffic
 * {@code weight} is not applied to KPIs).
 *
 * @param release              the release ({@code null} for a window or all traffic, or for records
 *                             without a release)
 * @param window               the window ({@code null} for a release or all traffic)
 * @param interactions         records in the group
 * @param thumbsUp             thumbs up among the records with a thumbs value (Wilson interval)
 * @param retry                retried among the records with a retry value
 * @param edit                 edited among the records with an edit value
 * @param abandonment          abandoned among the records with an abandonment value
 * @param csat                 mean CSAT of the records with a score (percentile bootstrap from the
 *                             score histogram)
 * @param explicitFeedback     records with a thumbs value or a CSAT score, among all records
 * @param selectionBiasWarning explicit feedback on fewer than 5% of the records: the explicit KPIs
 *                             describe the few who clicked
 */
public record FeedbackKpis(
        String release,
        String window,
        long interactions,
        Rate thumbsUp,
        Rate retry,
        Rate edit,
        Rate abandonment,
        MeanFigure csat,
        Rate explicitFeedback,
        boolean selectionBiasWarning) {

    /** Below this share of records with explicit feedback, the explicit KPIs carry a selection-bias warning. */
    public static final double MIN_EXPLICIT_SHARE = 0.05;
    static final int MIN_EXPLICIT_SHARE_PERCENT = 5;

    /**
     * @param counts     the group's counts
     * @param confidence level of every interval
     * @param bootstrap  resamples of the CSAT interval
     * @param seed       the analysis seed; the CSAT interval's seed is derived from it and the group
     */
    public static FeedbackKpis of(FeedbackCounts counts, double confidence, int bootstrap, long seed) {
        Map<Double, Long> histogram = counts.csatHistogram();
        double[] values = histogram.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] frequencies = histogram.values().stream().mapToLong(Long::longValue).toArray();
        long csatSeed = Seeds.derive(seed, "csat", counts.scope(), counts.release(), counts.window());
        MeanFigure csat = MeanFigure.of(BootstrapMean.withDefaults().withBootstrap(bootstrap)
                .withConfidence(confidence).withSeed(csatSeed).test(values, frequencies));
        Rate explicit = Rate.of(counts.explicitFeedback(), counts.interactions(), confidence);
        return new FeedbackKpis(counts.release(), counts.window(), counts.interactions(),
                Rate.of(counts.thumbsUp(), counts.rated(), confidence),
                Rate.of(counts.retried(), counts.retryKnown(), confidence),
                Rate.of(counts.edited(), counts.editKnown(), confidence),
                Rate.of(counts.abandoned(), counts.abandonKnown(), confidence),
                csat, explicit, explicit.defined() && explicit.value() < MIN_EXPLICIT_SHARE);
    }
}
