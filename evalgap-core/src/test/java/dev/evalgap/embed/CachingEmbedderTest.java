package dev.evalgap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalgap.Progress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    /** Records every text it is asked to embed. */
    static final class CountingEmbedder implements Embedder {
        final Embedder inner = new HashingEmbedder(64);
        final List<String> embedded = new ArrayList<>();
        int calls;

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public float[][] embed(List<String> texts, Progress progress) {
            calls++;
            embedded.addAll(texts);
            return inner.embed(texts, progress);
        }
    }

    /** Keyed by "id/hash", as a database table would be. */
    static final class MapCache implements EmbeddingCache {
        final Map<String, float[]> vectors = new HashMap<>();

        @Override
        public Map<String, float[]> get(String embedderId, Collection<String> textHashes) {
            Map<String, float[]> found = new HashMap<>();
            for (String h : textHashes) {
                float[] v = vectors.get(embedderId + "/" + h);
                if (v != null) {
                    found.put(h, v);
                }
            }
            return found;
        }

        @Override
        public void put(String embedderId, Map<String, float[]> vectorsByTextHash) {
            vectorsByTextHash.forEach((h, v) -> vectors.put(embedderId + "/" + h, v));
        }
    }

    private final CountingEmbedder counting = new CountingEmbedder();
    private final MapCache cache = new MapCache();
    private final CachingEmbedder caching = new CachingEmbedder(counting, cache);
    private final HashingEmbedder plain = new HashingEmbedder(64);

    @Test
    void delegatesIdAndDimension() {
        assertThat(caching.id()).isEqualTo("hashing-64");
        assertThat(caching.dimension()).isEqualTo(64);
    }

    @Test
    void duplicatesWithinACallAreEmbeddedOnceAndOrderIsKept() {
        List<String> texts = List.of("b", "a", "b", "c", "a", "b");
        float[][] v = caching.embed(texts, Progress.NONE);

        assertThat(counting.embedded).containsExactly("b", "a", "c");
        assertThat(counting.calls).isEqualTo(1);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(v[i]).containsExactly(plain.embed(texts.get(i)));
        }
        assertThat(cache.vectors).containsOnlyKeys(
                "hashing-64/" + TextHash.of("a"), "hashing-64/" + TextHash.of("b"),
                "hashing-64/" + TextHash.of("c"));
    }

    @Test
    void secondCallEmbedsNothingAndOnlyNewTextsLater() {
        caching.embed(List.of("x", "y"), Progress.NONE);
        counting.embedded.clear();

        float[][] again = caching.embed(List.of("y", "x", "y"), Progress.NONE);
        assertThat(counting.embedded).isEmpty();
        assertThat(counting.calls).isEqualTo(1);
        assertThat(again[0]).containsExactly(plain.embed("y"));
        assertThat(again[1]).containsExactly(plain.embed("x"));
        assertThat(again[2]).containsExactly(plain.embed("y"));

        caching.embed(List.of("x", "z", "y"), Progress.NONE);
        assertThat(counting.embedded).containsExactly("z");
    }

    @Test
    void returnedRowsAreCopies() {
        float[][] v = caching.embed(List.of("q", "q"), Progress.NONE);
        v[0][0] = 42f;
        assertThat(v[1][0]).isNotEqualTo(42f);
        assertThat(caching.embed(List.of("q"), Progress.NONE)[0]).containsExactly(plain.embed("q"));
    }

    @Test
    void emptyInputAndBadCacheEntries() {
        assertThat(caching.embed(List.of(), Progress.NONE)).isEmpty();
        assertThat(counting.calls).isZero();
        cache.vectors.put("hashing-64/" + TextHash.of("bad"), new float[3]);
        assertThatThrownBy(() -> caching.embed(List.of("bad"), Progress.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 64");
    }

    @Test
    void textHashIsHexSha256OfUtf8() {
        // FIPS 180-2 example; printf '' | sha256sum; printf 'é' | sha256sum
        assertThat(TextHash.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TextHash.of(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(TextHash.of("é")).isEqualTo(SHA256_E_ACUTE);
    }

    private static final String SHA256_E_ACUTE =
            "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c";
}
