package dev.evalgap.check;

import java.util.Arrays;
import java.util.List;

/** A threshold of {@code evalgap.yaml thresholds:} and which way its figure fails. */
public enum Threshold {
    /** Gap score of the window: fails above. */
    MAX_GAP_SCORE("max_gap_score", "gap score", true),
    /** Relative coverage of the window: fails below. */
    MIN_RELATIVE_COVERAGE("min_relative_coverage", "relative coverage", false),
    /** Oriented Spearman ρ of offline score vs each online KPI with a direction: fails below. */
    MIN_OFFLINE_ONLINE_CORRELATION("min_offline_online_correlation", "offline-online correlation", false),
    /** Public gain − sealed gain of the newest release since the baseline: fails above. */
    MAX_OVERFIT_INDEX("max_overfit_index", "overfit index", true),
    /** Share of the set's cases whose ground truth is out of date: fails above. */
    MAX_EXPIRED_CASE_SHARE("max_expired_case_share", "expired case share", true);

    private final String key;
    private final String figure;
    private final boolean failsAbove;

    Threshold(String key, String figure, boolean failsAbove) {
        this.key = key;
        this.figure = figure;
        this.failsAbove = failsAbove;
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

    /** @return whether {@code value} passes {@code limit}; NaN never passes */
    boolean passes(double value, double limit) {
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
        throw new IllegalArgumentException("evalgap.yaml thresholds: unknown key '" + key + "'; valid: "
                + String.join(", ", keys()));
    }
}
