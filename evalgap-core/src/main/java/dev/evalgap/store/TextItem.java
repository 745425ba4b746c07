package dev.evalgap.store;

/**
 * A sampled text with its id and, when the user brought one, its own vector ({@code null} otherwise).
 * Production items also carry their segment and weight when the records had them.
 */
public record TextItem(String id, String text, float[] embedding, String segment, Double weight) {

    public TextItem(String id, String text, float[] embedding) {
        this(id, text, embedding, null, null);
    }
}
