package dev.evalgap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void createsTheDefaultModelUnderItsId() {
        try (Embedder e = Embedders.create(Embedders.DEFAULT, 1)) {
            assertThat(e).isInstanceOf(OnnxSentenceEmbedder.class);
            assertThat(e.id()).isEqualTo(Embedders.DEFAULT);
            assertThat(e.dimension()).isEqualTo(384);
        }
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
