package dev.evalgap.store;

/** A sampled text with its id and, when the user brought one, its own vector ({@code null} otherwise). */
public record TextItem(String id, String text, float[] embedding) {
}
