package dev.evalgap.report;

/**
 * What the report and the dashboard show.
 *
 * @param setName    the eval set, or {@code null} for the workspace's only set
 * @param seed       seed of every interval and of the candidate selection; {@code null} = the workspace's
 * @param candidates refresh candidates proposed for the shown window (0 = none)
 */
public record ReportSettings(String setName, Long seed, int candidates) {

    public static final int DEFAULT_CANDIDATES = 20;

    public ReportSettings {
        if (candidates < 0) {
            throw new IllegalArgumentException("candidates must be >= 0, got " + candidates);
        }
    }
}
