package dev.evalgap.stats;

/**
 * A two-sided confidence interval \([\mathit{low}, \mathit{high}]\) with its confidence level,
 * e.g. {@code new Interval(0.48, 0.57, 0.95)}. Immutable.
 *
 * @param low        lower end, not NaN
 * @param high       upper end, not NaN, &ge; {@code low}
 * @param confidence nominal coverage, in (0, 1)
 */
public record Interval(double low, double high, double confidence) {

    /**
     * @throws IllegalArgumentException if an end is NaN, {@code low > high}, or the confidence
     *                                  level is not in (0, 1)
     */
    public Interval {
        Arguments.checkConfidence(confidence);
        // NaN-safe: NaN fails the comparison
        if (!(low <= high)) {
            throw new IllegalArgumentException(
                String.format("interval ends must be numbers with low <= high, got [%s, %s]", low, high));
        }
    }

    /**
     * @param value a value
     * @return true if {@code low <= value <= high} (ends included)
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** @return {@code high - low} */
    public double width() {
        return high - low;
    }
}
