package dev.evalgap.raters;

/**
 * What one rater (or a group's consensus) says about one item within a scope, coded for the statistics.
 *
 * @param label the canonical label
 * @param value the number it stands for; NaN on a nominal scale
 * @param code  its category code (0..k−1, see {@link CategoryCodes}); −1 on an interval scale
 */
record Verdict(String label, double value, int code) {
}
