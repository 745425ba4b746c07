package dev.evalgap.embed;

import dev.evalgap.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link Embedder} that asks an {@link EmbeddingCache} first. Within one call equal texts are
 * embedded once; texts whose (embedder id, {@link TextHash}) is cached are not embedded at all;
 * the rest are embedded in one delegate call, in first-appearance order, and put in the cache.
 * Returned rows are copies, so callers cannot alter cached vectors.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final EmbeddingCache cache;

    public CachingEmbedder(Embedder delegate, EmbeddingCache cache) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** The wrapped embedder. */
    public Embedder delegate() {
        return delegate;
    }

    /**
     * @throws IllegalStateException if the cache holds a vector of the wrong length for this id
     */
    @Override
    public float[][] embed(List<String> texts, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        int n = texts.size();
        String[] hashes = new String[n];
        Map<String, String> textByHash = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new NullPointerException("texts[" + i + "] is null");
            }
            hashes[i] = TextHash.of(text);
            textByHash.putIfAbsent(hashes[i], text);
        }
        if (n == 0) {
            return new float[0][];
        }
        String id = delegate.id();
        int dim = delegate.dimension();
        Map<String, float[]> vectors = new HashMap<>(cache.get(id, textByHash.keySet()));
        vectors.keySet().retainAll(textByHash.keySet());
        vectors.forEach((hash, v) -> {
            if (v == null || v.length != dim) {
                throw new IllegalStateException("Cached vector for " + id + "/" + hash + " has "
                        + (v == null ? "no" : v.length) + " components, expected " + dim);
            }
        });
        List<String> missingHashes = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        textByHash.forEach((hash, text) -> {
            if (!vectors.containsKey(hash)) {
                missingHashes.add(hash);
                missingTexts.add(text);
            }
        });
        if (!missingTexts.isEmpty()) {
            float[][] fresh = delegate.embed(missingTexts, progress);
            if (fresh.length != missingTexts.size()) {
                throw new IllegalStateException(id + " returned " + fresh.length
                        + " vectors for " + missingTexts.size() + " texts");
            }
            Map<String, float[]> put = new LinkedHashMap<>();
            for (int k = 0; k < fresh.length; k++) {
                put.put(missingHashes.get(k), fresh[k]);
            }
            cache.put(id, put);
            vectors.putAll(put);
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = vectors.get(hashes[i]).clone();
        }
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachingEmbedder[" + delegate + "]";
    }
}
