package dev.evalgap.raters;

/**
 * A score as read on its scale.
 *
 * @param label the canonical label: a declared or lower-cased nominal label, {@code 0}/{@code 1},
 *              {@code A}/{@code B}/{@code tie}, or the number as written without trailing zeros
 * @param value the number the score stands for; {@code null} on a nominal scale
 */
public record ScoreReading(String label, Double value) {
}
