package dev.evalgap.gap;

import java.util.Objects;

/**
 * What to compare: an eval set (its current version) against production traffic of the selected
 * windows.
 *
 * @param setName    the eval set
 * @param windows    {@code latest}, {@code all}, or one window label such as {@code 2026-W47}
 * @param sampleSize production records scored per window, and the most eval cases used
 * @param options    the statistics' parameters and seed
 */
public record GapRequest(String setName, String windows, int sampleSize, GapOptions options) {

    public static final String LATEST = "latest";
    public static final String ALL = "all";

    public GapRequest {
        Objects.requireNonNull(setName, "setName");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(options, "options");
        if (sampleSize < 10) {
            throw new IllegalArgumentException("sample size must be at least 10, got " + sampleSize);
        }
    }
}
