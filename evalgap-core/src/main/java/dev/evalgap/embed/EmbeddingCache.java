package dev.evalgap.embed;

import java.util.Collection;
import java.util.Map;

/** Persistent vectors keyed by (embedder id, text hash), so no text is embedded twice. */
public interface EmbeddingCache {

    /** The cached vectors among {@code textHashes}; missing hashes are absent from the map. */
    Map<String, float[]> get(String embedderId, Collection<String> textHashes);

    void put(String embedderId, Map<String, float[]> vectorsByTextHash);
}
