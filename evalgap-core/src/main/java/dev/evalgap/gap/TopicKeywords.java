package dev.evalgap.gap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable keywords for clusters of texts (topics): the terms that distinguish each class of
 * texts from the others, by class-based TF-IDF (c-TF-IDF, the weighting of BERTopic [1]).
 *
 * <p>Terms. A text is lower-cased ({@link Locale#ROOT}) and split into tokens, the maximal runs of
 * two or more Unicode word characters (the regular expression {@code (?U)\b\w\w+\b}, as
 * scikit-learn's {@code CountVectorizer}); English stop words (the list in
 * {@code stopwords-en.txt} next to this class) are dropped; the terms are the remaining tokens
 * and the pairs of consecutive remaining tokens ("reset my password" gives {@code reset},
 * {@code password} and {@code reset password}). The vocabulary is the terms that occur in at
 * least {@code minDocumentFrequency} texts (default 2), so a term peculiar to one text never
 * becomes a topic's keyword.
 *
 * <p>Weights. With \(\mathrm{tf}_{t,c}\) the number of occurrences of vocabulary term t in the
 * texts of class c, \(|c| = \sum_t \mathrm{tf}_{t,c}\) the number of vocabulary terms in class c,
 * \(f_t = \sum_c \mathrm{tf}_{t,c}\) the frequency of t over all classes and A the average of
 * \(|c|\) over the classes present:
 * \[ W_{t,c} = \frac{\mathrm{tf}_{t,c}}{|c|} \cdot \ln\!\left(1 + \frac{A}{f_t}\right). \]
 * The first factor is the term's frequency within the class, the second penalises terms that
 * are common in every class. BERTopic's {@code ClassTfidfTransformer} (defaults) computes the
 * same, except that it truncates A to an integer; here A is the exact mean. The keywords of a
 * class are its {@code topN} terms (default 10) with the largest \(W_{t,c}\) among those that
 * occur in it, ties broken alphabetically.
 *
 * <p>References:
 * <ol>
 *   <li>M. Grootendorst, "BERTopic: Neural topic modeling with a class-based TF-IDF procedure",
 *       arXiv:2203.05794 (2022), section 3.3. doi:10.48550/arXiv.2203.05794</li>
 * </ol>
 */
public final class TopicKeywords {

    /** Default number of keywords per class. */
    public static final int DEFAULT_TOP_N = 10;
    /** Default minimum number of texts a term must occur in. */
    public static final int DEFAULT_MIN_DOCUMENT_FREQUENCY = 2;
    /** The stop-word list, a resource next to this class. */
    static final String STOP_WORDS_RESOURCE = "stopwords-en.txt";

    private static final Pattern TOKEN = Pattern.compile("(?U)\\b\\w\\w+\\b");
    private static final Set<String> STOP_WORDS = loadStopWords();
    private static final TopicKeywords DEFAULT = new TopicKeywords(DEFAULT_TOP_N, DEFAULT_MIN_DOCUMENT_FREQUENCY);

    private final int topN;
    private final int minDocumentFrequency;

    private TopicKeywords(int topN, int minDocumentFrequency) {
        this.topN = topN;
        this.minDocumentFrequency = minDocumentFrequency;
    }

    /**
     * One keyword of a class.
     *
     * @param term  a word or two words separated by a space
     * @param score its c-TF-IDF weight \(W_{t,c}\) in the class
     * @param count its occurrences \(\mathrm{tf}_{t,c}\) in the class's texts
     */
    public record Keyword(String term, double score, long count) {
        public Keyword {
            Objects.requireNonNull(term, "term");
        }
    }

    /**
     * 10 keywords per class, terms in at least 2 texts.
     *
     * @return the default instance
     */
    public static TopicKeywords withDefaults() {
        return DEFAULT;
    }

    /**
     * @param n keywords per class, &ge; 1
     * @return a copy returning up to n keywords per class
     */
    public TopicKeywords withTopN(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("topN must be >= 1, got " + n);
        }
        return new TopicKeywords(n, minDocumentFrequency);
    }

    /**
     * @param texts minimum number of texts a term must occur in to be a keyword, &ge; 1
     * @return a copy with this minimum
     */
    public TopicKeywords withMinDocumentFrequency(int texts) {
        if (texts < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be >= 1, got " + texts);
        }
        return new TopicKeywords(topN, texts);
    }

    /** @return keywords per class */
    public int topN() {
        return topN;
    }

    /** @return the minimum number of texts a term must occur in */
    public int minDocumentFrequency() {
        return minDocumentFrequency;
    }

    /** @return the stop words, unmodifiable */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    /**
     * The distinguishing terms of every class.
     *
     * @param texts  the texts
     * @param labels the class of every text, &ge; 0 (e.g. k-means cluster labels)
     * @return at index c the keywords of class c, best first (up to {@code topN}; empty for a
     *     class without texts or without vocabulary terms), for c from 0 to the largest label
     * @throws IllegalArgumentException if the lengths differ, a label is negative or a text is null
     */
    public List<List<Keyword>> keywords(List<String> texts, int[] labels) {
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(
                "texts and labels differ in length: " + texts.size() + " vs " + labels.length);
        }
        int classes = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] must be >= 0, got " + labels[i]);
            }
            classes = Math.max(classes, labels[i] + 1);
        }
        // Terms of every text, and in how many texts each term occurs
        final List<List<String>> terms = new ArrayList<>(texts.size());
        final Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            final String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("texts[" + i + "] is null");
            }
            final List<String> t = terms(text);
            terms.add(t);
            for (final String term : new HashSet<>(t)) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        // tf per class over the vocabulary
        final List<Map<String, Long>> tf = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            tf.add(new HashMap<>());
        }
        final boolean[] present = new boolean[classes];
        final long[] size = new long[classes];
        final Map<String, Long> frequency = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            final int c = labels[i];
            present[c] = true;
            for (final String term : terms.get(i)) {
                if (documentFrequency.get(term) >= minDocumentFrequency) {
                    tf.get(c).merge(term, 1L, Long::sum);
                    frequency.merge(term, 1L, Long::sum);
                    size[c]++;
                }
            }
        }
        int classesPresent = 0;
        long allTerms = 0;
        for (int c = 0; c < classes; c++) {
            if (present[c]) {
                classesPresent++;
                allTerms += size[c];
            }
        }
        final double average = classesPresent == 0 ? 0 : (double) allTerms / classesPresent;
        final List<List<Keyword>> out = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            final List<Keyword> scored = new ArrayList<>(tf.get(c).size());
            for (final Map.Entry<String, Long> e : tf.get(c).entrySet()) {
                final long count = e.getValue();
                final double score = (double) count / size[c]
                    * Math.log(1 + average / frequency.get(e.getKey()));
                scored.add(new Keyword(e.getKey(), score, count));
            }
            scored.sort((a, b) -> {
                final int byScore = Double.compare(b.score(), a.score());
                return byScore != 0 ? byScore : a.term().compareTo(b.term());
            });
            out.add(List.copyOf(scored.subList(0, Math.min(topN, scored.size()))));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param text a text
     * @return its tokens: lower-cased runs of two or more word characters, stop words removed, in
     *     order
     */
    static List<String> tokens(String text) {
        final Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        final List<String> out = new ArrayList<>();
        while (m.find()) {
            final String token = m.group();
            if (!STOP_WORDS.contains(token)) {
                out.add(token);
            }
        }
        return out;
    }

    /**
     * @param text a text
     * @return its terms: the {@linkplain #tokens tokens}, then the pairs of consecutive tokens
     *     joined by a space
     */
    static List<String> terms(String text) {
        final List<String> tokens = tokens(text);
        final List<String> out = new ArrayList<>(2 * tokens.size());
        out.addAll(tokens);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            out.add(tokens.get(i) + " " + tokens.get(i + 1));
        }
        return out;
    }

    private static Set<String> loadStopWords() {
        final Set<String> words = new TreeSet<>();
        try (InputStream in = TopicKeywords.class.getResourceAsStream(STOP_WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STOP_WORDS_RESOURCE + " next to "
                    + TopicKeywords.class.getName());
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                final int hash = line.indexOf('#');
                final String word = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(words));
    }
}
