package dev.evalgap.embed;

import dev.evalgap.Progress;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An embedder whose model is loaded on the first {@link #embed} call. Behind a {@link CachingEmbedder} a
 * command whose texts are all cached (a gap, suggestion or report run again) then never pays the model's
 * loading time (about 0.5 s of wall time for the default model's two sessions).
 */
final class LazyEmbedder implements Embedder {

    private final String id;
    private final int dimension;
    private final Supplier<Embedder> open;
    private Embedder model;
    private boolean closed;

    /**
     * @param id        the id of the embedder {@code open} gives
     * @param dimension its dimension
     * @param open      loads it
     */
    LazyEmbedder(String id, int dimension, Supplier<Embedder> open) {
        this.id = Objects.requireNonNull(id, "id");
        this.dimension = dimension;
        this.open = Objects.requireNonNull(open, "open");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
        return model().embed(texts, progress);
    }

    /** Whether the model has been loaded. */
    synchronized boolean loaded() {
        return model != null;
    }

    private synchronized Embedder model() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        if (model == null) {
            model = open.get();
        }
        return model;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (model != null) {
            model.close();
        }
    }

    @Override
    public String toString() {
        return "LazyEmbedder[" + id + "]";
    }
}
