package dev.evalgap.embed;

import static dev.evalgap.embed.OnnxSentenceEmbedderTest.cosine;
import static dev.evalgap.embed.OnnxSentenceEmbedderTest.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evalgap.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

    private static final double R = 1 / Math.sqrt(2);

    /*
     * Expected hashes from an independent Python implementation:
     *
     *   M = (1 << 64) - 1
     *   def fnv(b):                      # FNV-1a 64
     *       h = 0xcbf29ce484222325
     *       for x in b: h = ((h ^ x) * 0x100000001b3) & M
     *       return h
     *   def fmix(k):                     # MurmurHash3 fmix64
     *       k ^= k >> 33; k = (k * 0xff51afd7ed558ccd) & M
     *       k ^= k >> 33; k = (k * 0xc4ceb9fe1a85ec53) & M
     *       k ^= k >> 33; return k
     *   h = fmix(fnv("w:a".encode()))    # bucket (h & (2**63 - 1)) % 512, sign + iff h < 2**63
     */

    @Test
    void fnv1a64MatchesPublishedTestVectors() {
        // http://www.isthe.com/chongo/tech/comp/fnv/ test vectors
        assertThat(HashingEmbedder.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(HashingEmbedder.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(HashingEmbedder.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void featureHashesAreFixed() {
        assertThat(HashingEmbedder.feature("w:a")).isEqualTo(0x60e9cf5e114d67dbL);
        assertThat(HashingEmbedder.feature("c:<a>")).isEqualTo(0xdccc2f30ebb10069L);
        assertThat(HashingEmbedder.feature("e:")).isEqualTo(0x31d1593a0d0497a3L);
        assertThat(HashingEmbedder.feature("w:é")).isEqualTo(0xe2a2fc2d8b53d3faL);
        // The per-code-point path gives the same as hashing the UTF-8 string.
        int[] cps = "é".codePoints().toArray();
        assertThat(HashingEmbedder.hash('w', cps, 0, 1)).isEqualTo(0xe2a2fc2d8b53d3faL);
    }

    @Test
    void singleLetterHasExactlyTwoHandCheckableBuckets() {
        // "A" → lower-case "a" → features "w:a" (bucket 475, +) and the one 3-gram "c:<a>"
        // (bucket 105, −); no 4- or 5-gram fits in "<a>".
        float[] v = new HashingEmbedder(512).embed("A");
        float[] expected = new float[512];
        expected[475] = (float) R;
        expected[105] = (float) -R;
        assertThat(v).containsExactly(expected);

        float[] v384 = new HashingEmbedder(384).embed("a");
        assertThat(v384[347]).isEqualTo((float) R);
        assertThat(v384[233]).isEqualTo((float) -R);
    }

    @Test
    void blankTextHasTheEmptyFeatureOnly() {
        float[] expected = new float[512];
        expected[419] = 1f; // "e:" → bucket 419, +
        HashingEmbedder h = new HashingEmbedder();
        assertThat(h.embed("")).containsExactly(expected);
        assertThat(h.embed(" \t\n\u00A0")).containsExactly(expected);
        // Punctuation is a feature, so "!" is not blank.
        assertThat(h.embed("!")).isNotEqualTo(expected);
    }

    @Test
    void deterministicUnitVectorsWithId() {
        HashingEmbedder h = new HashingEmbedder();
        List<String> texts = List.of("How do I reset my password?", "", "Ünïcödé 東京 🙂 x", "a b");
        float[][] first = h.embed(texts, Progress.NONE);
        float[][] second = new HashingEmbedder(512).embed(texts, Progress.NONE);
        assertThat(h.id()).isEqualTo("hashing-512");
        assertThat(new HashingEmbedder(64).id()).isEqualTo("hashing-64");
        for (int i = 0; i < texts.size(); i++) {
            assertThat(first[i]).hasSize(512).containsExactly(second[i]);
            assertThat(norm(first[i])).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void similarStringsAreCloserThanDissimilarOnes() {
        HashingEmbedder h = new HashingEmbedder();
        String[][] triplets = {
            {"password reset", "password resets", "quarterly invoice"},
            {"The weather is lovely today.", "the weather is lovely today!",
                "Please send me the invoice."},
            {"refund my order 1234", "refund for order 1235", "what time is the meeting"},
        };
        for (String[] t : triplets) {
            float[][] v = h.embed(List.of(t), Progress.NONE);
            assertThat(cosine(v[0], v[1])).as(t[0]).isGreaterThan(0.6);
            assertThat(cosine(v[0], v[2])).as(t[0]).isLessThan(0.3);
        }
        // Case-insensitive: only case differs → identical.
        assertThat(h.embed("Hello World")).containsExactly(h.embed("hello world"));
    }

    @Test
    void progressAndArgumentChecks() {
        HashingEmbedder h = new HashingEmbedder(16);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            texts.add("t" + i);
        }
        List<Long> done = new ArrayList<>();
        h.embed(texts, (task, d, total) -> {
            assertThat(total).isEqualTo(2500);
            done.add(d);
        });
        assertThat(done).containsExactly(1000L, 2000L, 2500L);
        assertThatThrownBy(() -> new HashingEmbedder(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.embed(java.util.Arrays.asList("a", null), Progress.NONE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("texts[1]");
    }
}
