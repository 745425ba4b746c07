package dev.evalgap.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedders by name. {@code create(e.id())} re-creates an embedder from its id, so a stored
 * id is enough to embed new texts consistently with old ones.
 *
 * <table>
 *   <caption>Names</caption>
 *   <tr><th>name</th><th>embedder</th></tr>
 *   <tr><td>{@code minilm-l6-v2-q}</td><td>all-MiniLM-L6-v2, int8 (the default)</td></tr>
 *   <tr><td>{@code minilm-l6-v2}</td><td>all-MiniLM-L6-v2, fp32</td></tr>
 *   <tr><td>{@code bge-small-en-v15-q}</td><td>bge-small-en-v1.5, int8</td></tr>
 *   <tr><td>{@code hashing}, {@code hashing:N}, {@code hashing-N}</td>
 *       <td>{@link HashingEmbedder} with 512 or N buckets</td></tr>
 * </table>
 */
public final class Embedders {

    /** The default embedder name. */
    public static final String DEFAULT = "minilm-l6-v2-q";

    private static final String HASHING = "hashing";

    private Embedders() {
    }

    /** The accepted names, default first; {@code hashing} also takes {@code :N}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (OnnxSentenceEmbedder.Model m : OnnxSentenceEmbedder.Model.values()) {
            names.add(m.id());
        }
        names.add(HASHING);
        return List.copyOf(names);
    }

    /** {@link #create(String, int)} with {@link OnnxSentenceEmbedder#defaultThreads()}. */
    public static Embedder create(String name) {
        return create(name, OnnxSentenceEmbedder.defaultThreads());
    }

    /**
     * An ONNX model is loaded on the first {@code embed} call, not here, so that a {@link CachingEmbedder}
     * whose texts are all cached never loads it.
     *
     * @param name    one of {@link #names()}, {@code hashing:N} or {@code hashing-N}
     * @param threads workers for the ONNX models (ignored by {@code hashing})
     * @throws IllegalArgumentException for an unknown name, naming the valid ones
     */
    public static Embedder create(String name, int threads) {
        if (name == null) {
            throw unknown(null);
        }
        String key = name.trim();
        OnnxSentenceEmbedder.Model model = OnnxSentenceEmbedder.Model.byId(key);
        if (model != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            return new LazyEmbedder(model.id(), OnnxSentenceEmbedder.DIMENSION,
                    () -> OnnxSentenceEmbedder.open(model, threads));
        }
        if (key.equals(HASHING)) {
            return new HashingEmbedder();
        }
        if (key.startsWith(HASHING + ":") || key.startsWith(HASHING + "-")) {
            String digits = key.substring(HASHING.length() + 1);
            int dimension;
            try {
                dimension = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Bad embedder '" + name
                        + "': the number of buckets must be an integer, e.g. hashing:512", e);
            }
            return new HashingEmbedder(dimension);
        }
        throw unknown(name);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown embedder '" + name + "'; valid: "
                + String.join(", ", names()) + " (hashing also as hashing:N)");
    }
}
