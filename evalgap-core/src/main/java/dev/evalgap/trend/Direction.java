package dev.evalgap.trend;

/**
 * Which way an online KPI moves when users are better served. The convention of the agreement
 * figures: the offline score is "higher is better"; offline and online <em>agree</em> when both move
 * towards better, so for a {@link #HIGHER_IS_BETTER} KPI (thumbs-up rate, CSAT) agreement means the
 * same direction and a positive rank correlation, for a {@link #LOWER_IS_BETTER} KPI (retry, edit and
 * abandonment rates) the opposite direction and a negative rank correlation.
 */
public enum Direction {
    /** More is better: thumbs-up rate, CSAT. */
    HIGHER_IS_BETTER(1),
    /** Less is better: retry, edit and abandonment rates. */
    LOWER_IS_BETTER(-1),
    /** Not known (an ingested metric nobody described): agreement is read as "same direction" and not judged. */
    UNKNOWN(0);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** @return +1, −1, or 0 for {@link #UNKNOWN}: the sign that turns a correlation into "agreement" */
    public int sign() {
        return sign;
    }

    /**
     * @param text {@code higher}, {@code lower} (or the constant names), case-insensitive
     * @return the direction
     */
    public static Direction parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "higher", "higher_is_better", "up" -> HIGHER_IS_BETTER;
            case "lower", "lower_is_better", "down" -> LOWER_IS_BETTER;
            case "unknown" -> UNKNOWN;
            default -> throw new IllegalArgumentException("direction must be higher or lower, got '" + text + "'");
        };
    }
}
