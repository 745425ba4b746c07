package dev.evalgap.store;

/** A traffic window and how many records it holds. */
public record WindowCount(String window, long records) {
}
