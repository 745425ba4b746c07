package dev.evalgap.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of {@link TopicKeywords} (named to match the module's {@code Keyword*Test} selection). */
class KeywordsTest {

    private static final TopicKeywords KW = TopicKeywords.withDefaults();

    /** Three obvious topics of a support assistant, six texts each. */
    private static final List<String> SUPPORT = List.of(
        "How do I reset my password?",
        "I forgot my password and cannot log in",
        "Password reset link is not working",
        "Can't log in after the password reset",
        "My account is locked after too many login attempts",
        "Two factor login code never arrives",
        "Why was I charged twice on my invoice?",
        "Please send a copy of my last invoice",
        "I want a refund for the duplicate charge",
        "How long does a refund take to reach my card?",
        "Update the credit card on my billing account",
        "The invoice shows the wrong billing address",
        "Where is my package? The tracking number shows nothing",
        "My delivery is late by a week",
        "Can I change the delivery address for my order?",
        "The tracking page says the package was delivered but it was not",
        "Do you ship internationally and how long does delivery take?",
        "The package arrived damaged during delivery");
    private static final int[] SUPPORT_LABELS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};

    @Test
    void tokensAndTerms() {
        // Lower-cased runs of 2+ word characters; "don't" -> "don" (stop word) + "t" (too short)
        assertThat(TopicKeywords.tokens("Don't RESET my Password!! (again)")).containsExactly("reset", "password");
        assertThat(TopicKeywords.tokens("Größe 42 über café-menü")).containsExactly("größe", "42", "über", "café", "menü");
        // Bigrams join tokens left adjacent by stop-word removal, as scikit-learn's CountVectorizer
        assertThat(TopicKeywords.terms("how do I reset my password now"))
            .containsExactly("reset", "password", "reset password");
        assertThat(TopicKeywords.terms("the a of")).isEmpty();
        assertThat(TopicKeywords.stopWords()).contains("the", "and", "don", "my").doesNotContain("password", "reset");
    }

    @Test
    void handComputedExample() {
        // Texts and terms (every term is a word or a pair of adjacent words):
        //   class 0: "apple apple banana" -> apple, apple, banana, "apple apple", "apple banana"
        //            "apple cherry"       -> apple, cherry, "apple cherry"
        //   class 1: "banana cherry"      -> banana, cherry, "banana cherry"
        //            "cherry date"        -> cherry, date, "cherry date"
        // Texts containing each term: apple 2, banana 2, cherry 3, date 1, every pair 1; with the
        // minimum of 2 the vocabulary is {apple, banana, cherry}.
        // tf: class 0 apple 3, banana 1, cherry 1 (|c0| = 5); class 1 banana 1, cherry 2 (|c1| = 3)
        // A = (5 + 3) / 2 = 4; f: apple 3, banana 2, cherry 3
        // W(apple, 0) = 3/5 ln(1 + 4/3), W(banana, 0) = 1/5 ln 3, W(cherry, 0) = 1/5 ln(7/3)
        // W(cherry, 1) = 2/3 ln(7/3), W(banana, 1) = 1/3 ln 3
        final List<List<TopicKeywords.Keyword>> k = KW.keywords(
            List.of("apple apple banana", "apple cherry", "banana cherry", "cherry date"), new int[] {0, 0, 1, 1});
        assertThat(k).hasSize(2);
        assertThat(k.get(0)).extracting(TopicKeywords.Keyword::term).containsExactly("apple", "banana", "cherry");
        assertThat(k.get(0).get(0).score()).isCloseTo(0.6 * Math.log(7.0 / 3), within(1e-15));
        assertThat(k.get(0).get(1).score()).isCloseTo(0.2 * Math.log(3), within(1e-15));
        assertThat(k.get(0).get(2).score()).isCloseTo(0.2 * Math.log(7.0 / 3), within(1e-15));
        assertThat(k.get(0)).extracting(TopicKeywords.Keyword::count).containsExactly(3L, 1L, 1L);
        assertThat(k.get(1)).extracting(TopicKeywords.Keyword::term).containsExactly("cherry", "banana");
        assertThat(k.get(1).get(0).score()).isCloseTo(2.0 / 3 * Math.log(7.0 / 3), within(1e-15));
        assertThat(k.get(1).get(1).score()).isCloseTo(1.0 / 3 * Math.log(3), within(1e-15));
        // With a minimum of 1 text the pairs and "date" join the vocabulary
        final List<List<TopicKeywords.Keyword>> all = KW.withMinDocumentFrequency(1).keywords(
            List.of("apple apple banana", "apple cherry", "banana cherry", "cherry date"), new int[] {0, 0, 1, 1});
        assertThat(all.get(1)).extracting(TopicKeywords.Keyword::term).contains("date", "cherry date");
    }

    @Test
    void obviousTopicsGetTheirWords() {
        final List<List<TopicKeywords.Keyword>> k = KW.withTopN(3).keywords(SUPPORT, SUPPORT_LABELS);
        assertThat(k.get(0)).extracting(TopicKeywords.Keyword::term).containsExactly("password", "reset", "log");
        assertThat(k.get(1)).extracting(TopicKeywords.Keyword::term).containsExactly("invoice", "billing", "card");
        assertThat(k.get(2)).extracting(TopicKeywords.Keyword::term).containsExactly("delivery", "package", "tracking");
        assertThat(KW.keywords(SUPPORT, SUPPORT_LABELS).get(0)).extracting(TopicKeywords.Keyword::term)
            .contains("password reset", "login");
    }

    @Test
    void matchesScikitLearnCountsWithTheBertopicFormula() {
        // cv = CountVectorizer(ngram_range=(1, 2), min_df=2, stop_words=<stopwords-en.txt>)
        // X = cv.fit_transform(SUPPORT).toarray(); C = per-class sums of X (classes 0, 1, 2)
        // A = C.sum(axis=1).mean() = 13.666666666666666; f = C.sum(axis=0)
        // W = C / C.sum(axis=1, keepdims=True) * np.log(1 + A / f)        (scikit-learn 1.2.1)
        final List<List<TopicKeywords.Keyword>> k = KW.withTopN(6).keywords(SUPPORT, SUPPORT_LABELS);
        assertKeywords(k.get(0), new String[] {"password", "reset", "log", "login", "password reset", "account"},
            new double[] {0.4243957896468918, 0.36745680601969855, 0.29405544749742907, 0.29405544749742907,
                0.29405544749742907, 0.14702772374871453},
            new long[] {4, 3, 2, 2, 2, 1});
        assertKeywords(k.get(1), new String[] {"invoice", "billing", "card", "refund", "account", "address"},
            new double[] {0.36745680601969855, 0.29405544749742907, 0.29405544749742907, 0.29405544749742907,
                0.14702772374871453, 0.14702772374871453},
            new long[] {3, 2, 2, 2, 1, 1});
        assertKeywords(k.get(2), new String[] {"delivery", "package", "tracking", "address", "long", "shows"},
            new double[] {0.45704161961972967, 0.39572271417506, 0.3166750973049236, 0.1583375486524618,
                0.1583375486524618, 0.1583375486524618},
            new long[] {4, 3, 2, 1, 1, 1});
    }

    private static void assertKeywords(List<TopicKeywords.Keyword> actual, String[] terms, double[] scores,
                                       long[] counts) {
        assertThat(actual).extracting(TopicKeywords.Keyword::term).containsExactly(terms);
        for (int i = 0; i < terms.length; i++) {
            assertThat(actual.get(i).score()).as(terms[i]).isCloseTo(scores[i], within(1e-15));
            assertThat(actual.get(i).count()).as(terms[i]).isEqualTo(counts[i]);
        }
    }

    @Test
    void classesWithoutTextsOrTermsAreEmpty() {
        final List<List<TopicKeywords.Keyword>> k = KW.keywords(
            List.of("refund please", "refund now", "the and of"), new int[] {0, 0, 3});
        assertThat(k).hasSize(4);
        assertThat(k.get(0)).extracting(TopicKeywords.Keyword::term).containsExactly("refund");
        assertThat(k.get(1)).isEmpty();
        assertThat(k.get(2)).isEmpty();
        assertThat(k.get(3)).isEmpty();
        assertThat(KW.keywords(List.of(), new int[0])).isEmpty();
    }

    @Test
    void resultDoesNotDependOnTextOrder() {
        final Integer[] order = new Integer[SUPPORT.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 7) % order.length;
        }
        final String[] texts = new String[order.length];
        final int[] labels = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            texts[i] = SUPPORT.get(order[i]);
            labels[i] = SUPPORT_LABELS[order[i]];
        }
        assertThat(Arrays.stream(order).distinct().count()).isEqualTo(order.length);
        assertThat(KW.keywords(Arrays.asList(texts), labels)).isEqualTo(KW.keywords(SUPPORT, SUPPORT_LABELS));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> KW.keywords(List.of("a b"), new int[] {0, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length: 1 vs 2");
        assertThatThrownBy(() -> KW.keywords(List.of("a b"), new int[] {-1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[0] must be >= 0");
        assertThatThrownBy(() -> KW.keywords(Arrays.asList("x", null), new int[] {0, 0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("texts[1] is null");
        assertThatThrownBy(() -> KW.withTopN(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KW.withMinDocumentFrequency(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KW.topN()).isEqualTo(10);
        assertThat(KW.minDocumentFrequency()).isEqualTo(2);
    }
}
