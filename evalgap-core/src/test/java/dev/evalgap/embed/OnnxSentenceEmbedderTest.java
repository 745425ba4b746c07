package dev.evalgap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.evalgap.Progress;
import dev.evalgap.embed.OnnxSentenceEmbedder.Model;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real models from the jars. The independent reference is langchain4j's own model class
 * (default constructor: one session, its own thread pool), which must give the same vectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxSentenceEmbedderTest {

    /** (anchor, paraphrase, unrelated). */
    private static final String[][] TRIPLETS = {
        {"How do I reset my password?", "I forgot my password, how can I change it?",
            "What is the capital of Australia?"},
        {"The weather is lovely today.", "It is a beautiful sunny day.",
            "Please send me the quarterly invoice."},
        {"Cancel my subscription.", "I want to stop my monthly plan.",
            "The cat is sleeping on the sofa."},
        {"Translate this sentence into French.", "Can you put this text in French?",
            "My package arrived damaged."},
    };

    private OnnxSentenceEmbedder twoThreads;
    private OnnxSentenceEmbedder oneThread;

    @BeforeAll
    void load() {
        twoThreads = OnnxSentenceEmbedder.open(Model.MINILM_L6_V2_Q, 2);
        oneThread = OnnxSentenceEmbedder.open(Model.MINILM_L6_V2_Q, 1);
    }

    @AfterAll
    void close() {
        twoThreads.close();
        oneThread.close();
    }

    @Test
    void defaultModelGivesDeterministicUnitVectorsOf384() {
        List<String> texts = List.of("Where is my order?", "Where is my order?", "Refund please");
        float[][] first = twoThreads.embed(texts, Progress.NONE);
        float[][] again = twoThreads.embed(texts, Progress.NONE);

        assertThat(twoThreads.id()).isEqualTo("minilm-l6-v2-q");
        assertThat(twoThreads.dimension()).isEqualTo(384);
        assertThat(first).hasNumberOfRows(3);
        for (float[] v : first) {
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-6));
        }
        assertThat(first[1]).containsExactly(first[0]);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(again[i]).containsExactly(first[i]);
        }
        assertThat(cosine(first[0], first[2])).isLessThan(0.9);
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        // Measured: paraphrase 0.45–0.89, unrelated −0.00–0.14.
        for (String[] t : TRIPLETS) {
            float[][] v = twoThreads.embed(Arrays.asList(t), Progress.NONE);
            assertThat(cosine(v[0], v[1]))
                    .as("%s", Arrays.toString(t))
                    .isGreaterThan(cosine(v[0], v[2]) + 0.2);
        }
    }

    @Test
    void equalsLangchain4jReferenceModel() throws Exception {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of(
                "hello world",
                "How do I reset my password?",
                "Ünïcödé, naïve café — 東京の天気は？ 🙂",
                "SELECT * FROM orders WHERE id = 42; -- why is this slow?",
                longText(10)); // 121 word pieces: within the limit
        assertThat(wordPieces(texts.get(4))).isBetween(100, 126);
        float[][] ours = twoThreads.embed(texts, Progress.NONE);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            // Measured: 1 − cosine < 1e-8; only the final normalisation differs (float vs double).
            assertThat(cosine(ours[i], theirs)).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void longTextIsSplitIntoPiecesAndAveragedNotTruncated() throws Exception {
        // Five topics of exactly 126 word pieces each (MiniLM's limit), 630 in all, so the
        // pieces are exactly the blocks and the vector is the normalised mean of theirs.
        String[] topics = {
            "the chef cooks rice and soup with salt in a hot pan",
            "stars and planets move across the dark night sky",
            "the bank pays interest on money in your account",
            "the team won the game with a late goal",
            "rain and wind hit the city all day long",
        };
        List<String> blocks = new ArrayList<>();
        for (String topic : topics) {
            String[] words = topic.split(" ");
            blocks.add(IntStream.range(0, 126).mapToObj(i -> words[i % words.length])
                    .collect(Collectors.joining(" ")));
        }
        String text = String.join(" ", blocks);
        assertThat(twoThreads.maxWordPieces()).isEqualTo(126);
        for (String block : blocks) {
            assertThat(wordPieces(block)).isEqualTo(126);
        }
        assertThat(wordPieces(text)).isEqualTo(630);

        List<String> inputs = new ArrayList<>(blocks);
        inputs.add(text);
        float[][] v = twoThreads.embed(inputs, Progress.NONE);
        float[] ours = v[5];
        float[] expected = new float[384];
        for (int b = 0; b < 5; b++) {
            for (int j = 0; j < 384; j++) {
                expected[j] += v[b][j] / 5f;
            }
        }
        assertThat(norm(ours)).isCloseTo(1.0, within(1e-6));
        assertThat(cosine(ours, expected)).isGreaterThan(0.99999);
        for (int b = 0; b < 5; b++) {
            // every topic counts: truncation would leave only block 0
            assertThat(cosine(ours, v[b])).isBetween(0.2, 0.9);
        }

        // langchain4j's model embeds only the first 126 word pieces of the same text.
        float[] reference = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content().vector();
        assertThat(cosine(reference, v[0])).isGreaterThan(0.9999);
    }

    @Test
    void splitPiecesEndAtWordStartsAndAreWeightedByLength() throws Exception {
        // 124 one-piece words, then a word of several pieces that straddles the limit (126):
        // the first piece must end before that word.
        String head = "the cat sat on the mat ".repeat(20).trim() + " and so the cat"; // 124
        String tail = "unbelievably fantastical " + "stars shine tonight ".repeat(10).trim();
        assertThat(wordPieces(head)).isEqualTo(124);
        assertThat(wordPieces("unbelievably")).isGreaterThan(2);
        int tailPieces = wordPieces(tail);

        float[][] v = twoThreads.embed(List.of(head, tail, head + " " + tail), Progress.NONE);
        float[] expected = new float[384];
        for (int j = 0; j < 384; j++) {
            expected[j] = 124 * v[0][j] + tailPieces * v[1][j];
        }
        assertThat(cosine(v[2], expected)).isGreaterThan(0.99999);
    }

    @Test
    void bgeSplitsAbove510WordPieces() throws Exception {
        try (OnnxSentenceEmbedder bge = OnnxSentenceEmbedder.open(Model.BGE_SMALL_EN_V15_Q, 1)) {
            assertThat(bge.maxWordPieces()).isEqualTo(510);
            String text = "the bank pays interest on money in your account ".repeat(70);
            assertThat(wordPieces(text)).isGreaterThan(600);
            float[] v = bge.embed(List.of(text), Progress.NONE)[0];
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void textsWithoutWordPiecesGiveTheClsSepVector() {
        float[][] v = twoThreads.embed(
                List.of("", "   ", "\t\n", "\u0000", "\u200B", "\u00A0", "a"), Progress.NONE);
        for (int i = 0; i < 6; i++) {
            assertThat(v[i]).hasSize(384);
            assertThat(norm(v[i])).isCloseTo(1.0, within(1e-6));
            assertThat(v[i]).containsExactly(v[0]);
        }
        assertThat(cosine(v[0], v[6])).isLessThan(0.99);
    }

    @Test
    void multiThreadedEqualsSingleThreadedInInputOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Customer message number " + i + ": my order " + (i * 37 % 101)
                    + " has not arrived" + " yet".repeat(i % 5));
        }
        float[][] parallel = twoThreads.embed(texts, Progress.NONE);
        float[][] sequential = oneThread.embed(texts, Progress.NONE);
        assertThat(twoThreads.threads()).isEqualTo(2);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(parallel[i]).as("row %d", i).containsExactly(sequential[i]);
        }
        float[] alone = oneThread.embed(List.of(texts.get(17)), Progress.NONE)[0];
        assertThat(parallel[17]).containsExactly(alone);
    }

    @Test
    void progressIsMonotoneAndEndsAtTotal() {
        List<String> texts = IntStream.range(0, 300).mapToObj(i -> "q" + i).toList();
        List<long[]> updates = new ArrayList<>();
        twoThreads.embed(texts, (task, done, total) -> {
            assertThat(task).isEqualTo("embedding");
            updates.add(new long[] {done, total});
        });
        assertThat(updates.get(0)).containsExactly(0, 300);
        assertThat(updates).anySatisfy(u -> assertThat(u).containsExactly(256, 300));
        assertThat(updates.get(updates.size() - 1)).containsExactly(300, 300);
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThan(updates.get(i - 1)[0]);
        }
    }

    @Test
    void rejectsNullsAndUseAfterClose() {
        assertThat(twoThreads.embed(List.of(), Progress.NONE)).isEmpty();
        assertThatThrownBy(() -> twoThreads.embed(Arrays.asList("a", null), Progress.NONE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("texts[1]");
        OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(Model.MINILM_L6_V2_Q, 1);
        e.close();
        e.close();
        assertThatThrownBy(() -> e.embed(List.of("a"), Progress.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> OnnxSentenceEmbedder.open(Model.MINILM_L6_V2_Q, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bgeUsesClsPoolingAndMatchesItsReference() {
        EmbeddingModel reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        try (OnnxSentenceEmbedder bge = OnnxSentenceEmbedder.open(Model.BGE_SMALL_EN_V15_Q, 1)) {
            assertThat(bge.id()).isEqualTo("bge-small-en-v15-q");
            assertThat(bge.model().pooling()).isEqualTo("CLS");
            for (String[] t : TRIPLETS) {
                float[][] v = bge.embed(Arrays.asList(t), Progress.NONE);
                for (int i = 0; i < 3; i++) {
                    assertThat(v[i]).hasSize(384);
                    assertThat(norm(v[i])).isCloseTo(1.0, within(1e-6));
                    assertThat(cosine(v[i], reference.embed(t[i]).content().vector()))
                            .isGreaterThan(0.9999);
                }
                // Measured: paraphrase 0.75–0.91, unrelated 0.31–0.52.
                assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.2);
            }
            assertThat(bge.embed(List.of(""), Progress.NONE)[0]).hasSize(384);
        }
    }

    @Test
    void fp32MiniLmLoadsAndAgreesWithTheQuantizedOne() {
        List<String> texts = List.of(TRIPLETS[0][0], TRIPLETS[1][0], TRIPLETS[2][0]);
        float[][] quantized = oneThread.embed(texts, Progress.NONE);
        try (OnnxSentenceEmbedder fp32 = OnnxSentenceEmbedder.open(Model.MINILM_L6_V2, 1)) {
            assertThat(fp32.id()).isEqualTo("minilm-l6-v2");
            float[][] v = fp32.embed(texts, Progress.NONE);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(v[i]).hasSize(384);
                assertThat(norm(v[i])).isCloseTo(1.0, within(1e-6));
                // Same network, int8 weights: close but not equal.
                assertThat(cosine(v[i], quantized[i])).isBetween(0.95, 0.99999);
            }
        }
    }

    private static String longText(int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            sb.append("Ticket ").append(i).append(": the export job failed again overnight. ");
        }
        return sb.toString();
    }

    private static int wordPieces(String text) throws Exception {
        try (InputStream json = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json,
                        Map.of("padding", "false", "truncation", "false"))) {
            return tokenizer.tokenize(text).size() - 2; // without [CLS] and [SEP]
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }
}
