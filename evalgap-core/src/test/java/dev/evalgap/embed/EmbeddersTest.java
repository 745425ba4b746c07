package dev.evalgap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalgap.Progress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

    @Test
    void namesStartWithTheDefault() {
        assertThat(Embedders.DEFAULT).isEqualTo("minilm-l6-v2-q");
        assertThat(Embedders.names())
                .containsExactly("minilm-l6-v2-q", "minilm-l6-v2", "bge-small-en-v15-q", "hashing");
    }

    @Test
    void createsHashingEmbeddersAndRoundTripsTheirIds() {
        Embedder plain = Embedders.create("hashing");
        assertThat(plain).isInstanceOf(HashingEmbedder.class);
        assertThat(plain.id()).isEqualTo("hashing-512");
        assertThat(Embedders.create("hashing:128").dimension()).isEqualTo(128);
        assertThat(Embedders.create(plain.id()).id()).isEqualTo("hashing-512");
        assertThat(Embedders.create("hashing-64").id()).isEqualTo("hashing-64");
    }

    @Test
    void createsTheDefaultModelUnderItsIdAndLoadsItOnlyToEmbed() {
        try (Embedder e = Embedders.create(Embedders.DEFAULT, 1)) {
            assertThat(e.id()).isEqualTo(Embedders.DEFAULT);
            assertThat(e.dimension()).isEqualTo(384);
            LazyEmbedder lazy = (LazyEmbedder) e;
            assertThat(lazy.loaded()).isFalse();

            // every text cached: the model is not loaded
            CachingEmbedderTest.MapCache cache = new CachingEmbedderTest.MapCache();
            float[] cachedVector = new float[384];
            cachedVector[0] = 1;
            cache.put(Embedders.DEFAULT, Map.of(TextHash.of("cached"), cachedVector));
            CachingEmbedder caching = new CachingEmbedder(e, cache);
            assertThat(caching.embed(List.of("cached"), Progress.NONE)[0]).containsExactly(cachedVector);
            assertThat(lazy.loaded()).isFalse();

            // one text that is not: loaded, and it embeds as the model does
            float[] fresh = caching.embed(List.of("cached", "where is my parcel"), Progress.NONE)[1];
            assertThat(lazy.loaded()).isTrue();
            try (OnnxSentenceEmbedder direct = OnnxSentenceEmbedder.open(OnnxSentenceEmbedder.Model.byId(
                    Embedders.DEFAULT), 1)) {
                assertThat(fresh).containsExactly(direct.embed(List.of("where is my parcel"), Progress.NONE)[0]);
            }
        }
        assertThatThrownBy(() -> Embedders.create(Embedders.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void aClosedLazyModelRefusesToEmbed() {
        Embedder e = Embedders.create(Embedders.DEFAULT, 1);
        e.close();
        assertThatThrownBy(() -> e.embed(List.of("x"), Progress.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertThatThrownBy(() -> Embedders.create("openai"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'openai'")
                .hasMessageContaining("minilm-l6-v2-q, minilm-l6-v2, bge-small-en-v15-q, hashing");
        assertThatThrownBy(() -> Embedders.create(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Embedders.create("hashing:lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> Embedders.create("hashing:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    }
}
