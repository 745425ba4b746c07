package dev.evalgap;

import java.util.Arrays;
import java.util.List;

/**
 * A threshold of a gate, and which way its figure fails: the keys of {@code evalgap.yaml thresholds:}
 * ({@code evalgap check}) and of {@code evalgap gap --fail-on}, which takes those on a window's gap
 * figures ({@link #onGapFigures()}).
 */
public enum Threshold {
    /** Gap score of the window: fails above. */
    MAX_GAP_SCORE("max_gap_score", "gap score", true, true),
    /** Relative coverage of the window: fails below. */
    MIN_RELATIVE_COVERAGE("min_relative_coverage", "relative coverage", false, true),
    /** Share of the window's production farther from every eval case than the reference allows: fails above. */
    MAX_UNCOVERED_SHARE("max_uncovered_share", "uncovered share", true, true),
    /** Share of the window's production in topics without an eval case: fails above. */
    MAX_NO_CASE_SHARE("max_no_case_share", "share of production in topics without an eval case", true, true),
    /** Oriented Spearman ρ of offline score vs each online KPI with a direction: fails below. */
    MIN_OFFLINE_ONLINE_CORRELATION("min_offline_online_correlation", "offline-online correlation", false, false),
    /** Public gain − sealed gain of the newest release since the baseline: fails above. */
    MAX_OVERFIT_INDEX("max_overfit_index", "overfit index", true, false),
    /** Share of the set's cases whose ground truth is out of date: fails above. */
    MAX_EXPIRED_CASE_SHARE("max_expired_case_share", "expired case share", true, false);

    private final String key;
    private final String figure;
    private final boolean failsAbove;
    private final boolean onGapFigures;

    Threshold(String key, String figure, boolean failsAbove, boolean onGapFigures) {
        this.key = key;
        this.figure = figure;
        this.failsAbove = failsAbove;
        this.onGapFigures = onGapFigures;
    }

    /** @return the key in {@code evalgap.yaml} */
    public String key() {
        return key;
    }

    /** @return the figure compared, in words */
    public String figure() {
        return figure;
    }

    /** @return true when the figure fails above the threshold, false when below */
    public boolean failsAbove() {
        return failsAbove;
    }

    /** @return true when the figure is one of a window's gap figures ({@code gap --fail-on} takes it) */
    public boolean onGapFigures() {
        return onGapFigures;
    }

    /** @return whether {@code value} passes {@code limit}; NaN never passes */
    public boolean passes(double value, double limit) {
        return failsAbove ? value <= limit : value >= limit;
    }

    /** @return the valid keys */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Threshold::key).toList();
    }

    /**
     * @param key a key of {@code thresholds:}
     * @return its threshold
     * @throws IllegalArgumentException for an unknown key, naming the valid ones
     */
    public static Threshold parse(String key) {
        for (Threshold t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown threshold '" + key + "'; valid: " + String.join(", ", keys()));
    }
}
