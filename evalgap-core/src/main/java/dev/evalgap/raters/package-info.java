/**
 * Rater integrity: LLM judges against human raters on the same items, from the ingested
 * {@link dev.evalgap.raters.Rating}s. {@link dev.evalgap.raters.RatersAnalysis} returns one
 * {@link dev.evalgap.raters.RatersReport}, per scale: agreement of every two raters and of the human
 * consensus against each judge ({@link dev.evalgap.raters.Agreements}), the same per period and version
 * ({@link dev.evalgap.raters.ScopedFigures}), drift attribution on the anchor set
 * ({@link dev.evalgap.raters.DriftAttribution}), judge biases ({@link dev.evalgap.raters.JudgeBias}) and
 * labeler homogenization ({@link dev.evalgap.raters.Homogenization}). The coefficients and the item
 * bootstrap are in {@link dev.evalgap.stats}; this package holds no SQL and does no I/O.
 */
package dev.evalgap.raters;
