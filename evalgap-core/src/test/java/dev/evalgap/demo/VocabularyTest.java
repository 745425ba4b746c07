package dev.evalgap.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {

    private static final Pattern FEATURE_WORDS = Pattern.compile("(?i)auto[- ]?re-?order");
    private static final Pattern POLICY_WORDS =
            Pattern.compile("(?i)store credit|restocking|new (return|refund) policy|policy change");

    private final Vocabulary vocabulary = Vocabulary.standard();

    @Test
    void manyIntentsInEveryGroupWithManyTemplates() {
        assertThat(vocabulary.intents()).hasSizeGreaterThanOrEqualTo(30);
        for (IntentGroup g : IntentGroup.values()) {
            assertThat(vocabulary.intents(g)).as(g.tag()).isNotEmpty();
        }
        assertThat(vocabulary.intents(IntentGroup.CORE)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(vocabulary.intents(IntentGroup.NICHE)).hasSizeGreaterThanOrEqualTo(8);
        for (Intent i : vocabulary.intents()) {
            assertThat(i.asks()).as(i.name()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(i.replies()).as(i.name()).isNotEmpty();
            assertThat(i.weight()).isPositive();
        }
        assertThat(vocabulary.incidents()).hasSize(5);
    }

    @Test
    void everyTemplateExpandsWithKnownSlots() {
        TemplateExpander expander = new TemplateExpander(new SlotFiller(vocabulary));
        SplittableRandom rng = new SplittableRandom(7);
        List<String> templates = new ArrayList<>();
        for (Intent i : vocabulary.intents()) {
            templates.addAll(i.asks());
            templates.addAll(i.contexts());
            templates.addAll(i.replies());
            templates.add(i.expected());
        }
        for (String name : List.of("greeting", "thanks", "polite_lead", "filler", "angry_open", "angry_close")) {
            templates.addAll(vocabulary.phrases(name));
        }
        for (String t : templates) {
            for (int k = 0; k < 20; k++) {
                String out = expander.expand(t, new Bindings(LocalDate.of(2026, 10, 1)), rng);
                assertThat(out).as(t).isNotBlank().doesNotContain("{", "}", "(", ")", "|", "  ");
            }
        }
    }

    @Test
    void featureAndPolicyVocabularyIsReservedToItsGroup() {
        for (Intent i : vocabulary.intents()) {
            List<String> all = new ArrayList<>(i.asks());
            all.addAll(i.contexts());
            for (String t : all) {
                if (i.group() != IntentGroup.FEATURE) {
                    assertThat(t).as(i.name()).doesNotContainPattern(FEATURE_WORDS);
                }
                if (i.group() != IntentGroup.POLICY) {
                    assertThat(t).as(i.name()).doesNotContainPattern(POLICY_WORDS);
                }
            }
        }
        for (Incident incident : vocabulary.incidents()) {
            assertThat(incident.input()).doesNotContainPattern(FEATURE_WORDS).doesNotContainPattern(POLICY_WORDS);
        }
    }

    @Test
    void intentNamesAreUnique() {
        Set<String> names = new HashSet<>();
        vocabulary.intents().forEach(i -> assertThat(names.add(i.name())).as(i.name()).isTrue());
    }

    @Test
    void parseRejectsBrokenSections() {
        assertThatThrownBy(() -> Vocabulary.parse("[intent x]\ngroup: core\nweight: 1\nreply: r\nexpected: e\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ask");
        assertThatThrownBy(() -> Vocabulary.parse("loose line\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside a section");
        assertThatThrownBy(() -> Vocabulary.parse("[intent x]\ngroup: nonsense\nweight: 1\nask: a\nreply: r\nexpected: e\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
