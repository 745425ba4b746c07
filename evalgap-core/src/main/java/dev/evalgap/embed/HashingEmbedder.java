package dev.evalgap.embed;

import dev.evalgap.Progress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model-free embedder: signed feature hashing of words and character n-grams. Fast (no model,
 * no native code) and deterministic across JVMs and platforms; it sees spelling, not meaning.
 *
 * <p>Features of a text, after {@code toLowerCase(Locale.ROOT)}:
 * <ul>
 *   <li>a <em>word</em> is a maximal run of code points for which
 *       {@link Character#isLetterOrDigit(int)} holds; each word {@code w} gives the feature
 *       {@code "w:" + w} and, for n = 3, 4, 5, every n-code-point substring {@code g} of
 *       {@code "<" + w + ">"} gives {@code "c:" + g} (the angle brackets mark word boundaries,
 *       as in fastText);
 *   <li>every other code point that is not whitespace gives {@code "p:" + it};
 *   <li>a text with none of these (empty or blank) gives the single feature {@code "e:"}.
 * </ul>
 * Each occurrence adds ±1 to one of {@code dimension} buckets:
 * \(h = \mathrm{fmix64}(\mathrm{FNV\text{-}1a_{64}}(\mathrm{UTF\text{-}8}(feature)))\),
 * bucket {@code = (h & Long.MAX_VALUE) mod dimension} (unsigned), sign {@code +} when the top
 * bit of h is 0. fmix64 is MurmurHash3's 64-bit finaliser; it spreads FNV's weak low bits. The
 * vector is then L2-normalised. Letter classes and case mapping follow the JDK's Unicode tables,
 * which only differ between Java versions for characters added in newer Unicode versions.
 */
public final class HashingEmbedder implements Embedder {

    /** Buckets when none are given. */
    public static final int DEFAULT_DIMENSION = 512;

    /** Largest accepted {@code dimension}. */
    public static final int MAX_DIMENSION = 1 << 20;

    static final int MIN_NGRAM = 3;
    static final int MAX_NGRAM = 5;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int PROGRESS_EVERY = 1000;

    private final int dimension;

    /** {@value #DEFAULT_DIMENSION} buckets. */
    public HashingEmbedder() {
        this(DEFAULT_DIMENSION);
    }

    /** @param dimension number of buckets, in [2, {@value #MAX_DIMENSION}] */
    public HashingEmbedder(int dimension) {
        if (dimension < 2 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException(
                    "dimension must be in [2, " + MAX_DIMENSION + "], was " + dimension);
        }
        this.dimension = dimension;
    }

    /** {@code hashing-<dimension>}, e.g. {@code hashing-512}. */
    @Override
    public String id() {
        return "hashing-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        int n = texts.size();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new NullPointerException("texts[" + i + "] is null");
            }
            out[i] = embed(text);
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == n) {
                progress.update("embedding", i + 1, n);
            }
        }
        return out;
    }

    /** The unit vector of one text. */
    public float[] embed(String text) {
        double[] acc = new double[dimension];
        String s = text.toLowerCase(Locale.ROOT);
        int[] cps = s.codePoints().toArray();
        boolean any = false;
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
                    end++;
                }
                addWord(acc, cps, i, end);
                any = true;
                i = end;
            } else {
                if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                    add(acc, hash('p', cps, i, i + 1));
                    any = true;
                }
                i++;
            }
        }
        if (!any) {
            add(acc, hash('e', cps, 0, 0));
        }
        double sum = 0;
        for (double v : acc) {
            sum += v * v;
        }
        double inv = 1.0 / Math.sqrt(sum); // sum >= 1: there is at least one feature
        float[] out = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            out[j] = (float) (acc[j] * inv);
        }
        return out;
    }

    private void addWord(double[] acc, int[] cps, int from, int to) {
        add(acc, hash('w', cps, from, to));
        int len = to - from + 2;
        int[] padded = new int[len];
        padded[0] = '<';
        System.arraycopy(cps, from, padded, 1, to - from);
        padded[len - 1] = '>';
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            for (int start = 0; start + n <= len; start++) {
                add(acc, hash('c', padded, start, start + n));
            }
        }
    }

    private void add(double[] acc, long h) {
        acc[bucket(h, dimension)] += sign(h);
    }

    /** The bucket of hash {@code h}: {@code (h & Long.MAX_VALUE) mod dimension}. */
    static int bucket(long h, int dimension) {
        return (int) ((h & Long.MAX_VALUE) % dimension);
    }

    /** +1 when the top bit of {@code h} is 0, else −1. */
    static int sign(long h) {
        return h >= 0 ? 1 : -1;
    }

    /** The hash of the feature {@code tag + ":" + <code points from..to>}. */
    static long hash(char tag, int[] cps, int from, int to) {
        long h = FNV_OFFSET;
        h = (h ^ tag) * FNV_PRIME;
        h = (h ^ ':') * FNV_PRIME;
        for (int k = from; k < to; k++) {
            h = fnvCodePoint(h, cps[k]);
        }
        return fmix64(h);
    }

    /** The hash of a whole feature string, e.g. {@code feature("w:hello")}; for tests. */
    static long feature(String feature) {
        return fmix64(fnv1a64(feature));
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes of {@code s}. */
    static long fnv1a64(String s) {
        long h = FNV_OFFSET;
        for (int cp : s.codePoints().toArray()) {
            h = fnvCodePoint(h, cp);
        }
        return h;
    }

    /** Feeds the UTF-8 encoding of one code point (unpaired surrogates as {@code ?}). */
    private static long fnvCodePoint(long h, int cp) {
        if (cp < 0x80) {
            return (h ^ cp) * FNV_PRIME;
        }
        if (cp < 0x800) {
            h = (h ^ (0xC0 | (cp >>> 6))) * FNV_PRIME;
            return (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return (h ^ '?') * FNV_PRIME; // as String.getBytes(UTF_8) does
        }
        if (cp < 0x10000) {
            h = (h ^ (0xE0 | (cp >>> 12))) * FNV_PRIME;
            h = (h ^ (0x80 | ((cp >>> 6) & 0x3F))) * FNV_PRIME;
            return (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
        }
        h = (h ^ (0xF0 | (cp >>> 18))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >>> 12) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >>> 6) & 0x3F))) * FNV_PRIME;
        return (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    @Override
    public String toString() {
        return "HashingEmbedder[" + id() + "]";
    }
}
