package dev.evalgap.raters;

/**
 * Options of the rater report.
 *
 * @param bootstrapResamples B, the resamples behind every interval (&ge; 1)
 * @param confidence         level of every interval, in (0, 1)
 * @param seed               the analysis seed
 */
public record RatersRequest(int bootstrapResamples, double confidence, long seed) {

    public RatersRequest {
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrapResamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
