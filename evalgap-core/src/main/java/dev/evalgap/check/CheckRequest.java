package dev.evalgap.check;

import dev.evalgap.Threshold;
import dev.evalgap.gap.GapOptions;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What to check.
 *
 * @param setName    the eval set, or {@code null} for the workspace's only set
 * @param window     {@code latest} or a window label: the gap of this window, the timeline up to it
 * @param thresholds the thresholds by key ({@code evalgap.yaml thresholds:}); absent keys are not checked
 * @param policies   current policy versions ({@code evalgap.yaml policies:})
 * @param asOf       reference date of case expiry; {@code null} = today (UTC)
 * @param baseline   baseline release of the overfit index; {@code null} = the first with runs
 * @param sampleSize production records per window when the gap has to be computed
 * @param gapOptions the gap's parameters when it has to be computed; its seed is also the seed of the
 *                   timeline's intervals
 * @param bootstrap  bootstrap resamples of the timeline's intervals
 * @param confidence level of every interval
 * @param strict     a check that cannot be evaluated (SKIP) fails the gate
 */
public record CheckRequest(
        String setName,
        String window,
        Map<String, Double> thresholds,
        Map<String, String> policies,
        LocalDate asOf,
        String baseline,
        int sampleSize,
        GapOptions gapOptions,
        int bootstrap,
        double confidence,
        boolean strict) {

    public CheckRequest {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(gapOptions, "gapOptions");
        thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
        policies = Map.copyOf(policies == null ? Map.of() : policies);
        for (String key : thresholds.keySet()) {
            try {
                Threshold.parse(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("evalgap.yaml thresholds: " + e.getMessage(), e);
            }
        }
    }
}
