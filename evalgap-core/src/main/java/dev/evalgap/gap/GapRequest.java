package dev.evalgap.gap;

import java.util.Objects;

/**
 * What to compare: an eval set (its current version) against production traffic of the selected
 * windows.
 *
 * @param setName    the eval set
 * @param windows    {@code latest}, {@code all}, or one window label such as {@code 2026-W47}
 * @param sampleSize production records sampled per window, and the most eval cases used
 * @param seed       seed of the samples, the folds and the bootstrap
 * @param folds      stratified folds of the classifier two-sample test
 * @param bootstrap  bootstrap resamples behind the intervals
 * @param confidence level of the intervals
 */
public record GapRequest(String setName, String windows, int sampleSize, long seed, int folds, int bootstrap,
                         double confidence) {

    public static final String LATEST = "latest";
    public static final String ALL = "all";

    public GapRequest {
        Objects.requireNonNull(setName, "setName");
        Objects.requireNonNull(windows, "windows");
        if (sampleSize < 10) {
            throw new IllegalArgumentException("sample size must be at least 10, got " + sampleSize);
        }
    }
}
