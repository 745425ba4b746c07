/**
 * The release gate ({@code evalgap check}): the thresholds of {@code evalgap.yaml} evaluated on the
 * stored gap result of a window and on the timeline up to that window. Each check reports its
 * figure, interval, threshold and sample size; the result says whether every check passed.
 */
package dev.evalgap.check;
