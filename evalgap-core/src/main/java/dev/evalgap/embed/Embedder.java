package dev.evalgap.embed;

import dev.evalgap.Progress;
import java.util.List;

/** Turns texts into fixed-length vectors. Implementations are thread-safe and deterministic. */
public interface Embedder extends AutoCloseable {

    /** Stable identifier, part of the embedding cache key, e.g. {@code minilm-l6-v2-q}. */
    String id();

    int dimension();

    /** One vector per text, in order. Equal texts give equal vectors. */
    float[][] embed(List<String> texts, Progress progress);

    @Override
    default void close() {
    }
}
