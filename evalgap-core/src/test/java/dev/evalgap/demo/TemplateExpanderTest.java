package dev.evalgap.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateExpanderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 2);
    private final Vocabulary vocabulary = Vocabulary.standard();
    private final TemplateExpander expander = new TemplateExpander(new SlotFiller(vocabulary));

    @Test
    void alternativesAreAllReachableAndOptionalPartsVanishCleanly() {
        Set<String> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            seen.add(expander.expand("(where|when) is (my |)order(, please|)?", new Bindings(TODAY), rng));
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "where is my order?", "where is order?", "when is my order?", "when is order?",
                "where is my order, please?", "where is order, please?",
                "when is my order, please?", "when is order, please?");
    }

    @Test
    void nestedAlternativesExpand() {
        Set<String> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            seen.add(expander.expand("a (b|c (d|e)) f", new Bindings(TODAY), rng));
        }
        assertThat(seen).containsExactlyInAnyOrder("a b f", "a c d f", "a c e f");
    }

    @Test
    void aSlotIsDrawnOncePerMessageAndASecondDrawDiffers() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            Bindings b = new Bindings(TODAY);
            String text = expander.expand("{color} vs {color:2}, {color} again", b, rng);
            String first = b.get("color");
            String second = b.get("color:2");
            assertThat(second).isNotEqualTo(first);
            assertThat(text).isEqualTo(first + " vs " + second + ", " + first + " again");
        }
    }

    @Test
    void bindingsCarryFromRequestToReferenceAnswer() {
        Bindings b = new Bindings(TODAY);
        String ask = expander.expand("where is order {order}", b, new SplittableRandom(4));
        String order = b.get("order");
        assertThat(ask).endsWith(order);
        assertThat(expander.expandBound("Look up the order {order}, give its status.", b))
                .isEqualTo("Look up the order " + order + ", give its status.");
    }

    @Test
    void referenceAnswersDoNotInventSlotsTheRequestLacked() {
        Bindings empty = new Bindings(TODAY);
        assertThat(expander.expandBound("Look up the order {order}, give its status.", empty))
                .isEqualTo("Look up the order, give its status.");
        assertThat(expander.expandBound("Answer about the {product}.", empty)).isEqualTo("Answer about the item.");
        assertThat(empty.values()).isEmpty();
    }

    @Test
    void repliesDrawDetailsButNeverAnItemTheUserDidNotName() {
        SplittableRandom rng = new SplittableRandom(6);
        Bindings unnamed = new Bindings(TODAY);
        assertThat(expander.expandReply("The {product} ships with {carrier}.", unnamed, rng))
                .startsWith("The item ships with ").doesNotContain("{");
        assertThat(unnamed.get("carrier")).isNotNull();
        assertThat(unnamed.get("product")).isNull();
        Bindings named = new Bindings(TODAY);
        named.put("product", "air fryer");
        assertThat(expander.expandReply("The {product} ships today.", named, rng)).isEqualTo("The air fryer ships today.");
    }

    @Test
    void generatedSlotsLookReal() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            Bindings b = new Bindings(TODAY);
            expander.expand("{order} {amount} {tracking} {email} {last4} {date} {zip}", b, rng);
            assertThat(b.get("order")).matches("\\d{5}|BC-\\d{7}");
            assertThat(b.get("amount")).matches("\\$\\d+(\\.\\d\\d)?|\\d+ dollars");
            assertThat(b.get("tracking")).matches("1Z[A-Z0-9]{6}\\d{10}|9400\\d{18}");
            assertThat(b.get("email")).matches("[a-z]+[._]?[a-z0-9]*@[a-z.]+");
            assertThat(b.get("last4")).matches("\\d{4}");
            assertThat(b.get("zip")).matches("\\d{5}");
            assertThat(b.get("date")).isNotBlank();
        }
    }

    @Test
    void malformedTemplatesAreRejected() {
        assertThatThrownBy(() -> TemplateExpander.parse("a (b|c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateExpander.parse("a b)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateExpander.parse("a {b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> expander.expand("{no_such_slot}", new Bindings(TODAY), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_slot");
    }

    @Test
    void tidyCollapsesSpacesAndSpacesBeforePunctuation() {
        assertThat(TemplateExpander.tidy("  a   b , c .  ")).isEqualTo("a b, c.");
    }

    @Test
    void tidyMakesArticlesAgree() {
        assertThat(TemplateExpander.tidy("I ordered a electric kettle and an blender"))
                .isEqualTo("I ordered an electric kettle and a blender");
        assertThat(TemplateExpander.tidy("A opened box, an unopened box, a USB-C charger, an Amex, a"))
                .isEqualTo("An opened box, an unopened box, a USB-C charger, an Amex, a");
        assertThat(TemplateExpander.tidy("give me a agent")).isEqualTo("give me an agent");
    }
}
