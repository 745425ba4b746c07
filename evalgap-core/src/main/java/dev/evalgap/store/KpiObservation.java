package dev.evalgap.store;

/** One online metric value for a release or a window; {@code n} is the count it was computed over, if known. */
public record KpiObservation(String id, String release, String window, String metric, double value, Long n) {
}
