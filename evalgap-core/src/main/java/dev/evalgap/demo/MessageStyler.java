package dev.evalgap.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes one user message for an intent: chooses a register (terse, plain, polite, rambling,
 * angry) with odds that depend on the intent's group, composes sentences around the request,
 * then varies casing and punctuation and lets the {@link TypoInjector} loose.
 */
final class MessageStyler {

    /** Odds of TERSE, PLAIN, POLITE, RAMBLING, ANGRY per group. */
    private static final Map<IntentGroup, double[]> REGISTER_ODDS = new EnumMap<>(Map.of(
            IntentGroup.EXPLORATORY, new double[] {40, 35, 15, 7, 3},
            IntentGroup.CORE, new double[] {28, 35, 15, 13, 9},
            IntentGroup.DELIVERY, new double[] {60, 35, 3, 2, 0},
            IntentGroup.NICHE, new double[] {20, 40, 20, 15, 5},
            IntentGroup.FEATURE, new double[] {25, 35, 15, 15, 10},
            IntentGroup.POLICY, new double[] {15, 27, 8, 22, 28}));

    private static final Register[] DRAWN =
            {Register.TERSE, Register.PLAIN, Register.POLITE, Register.RAMBLING, Register.ANGRY};

    private static final Set<String> QUESTION_WORDS = Set.of("what", "what's", "whats", "where", "where's",
            "when", "why", "how", "who", "which", "is", "are", "do", "does", "did", "can", "could", "will",
            "would", "should", "has", "have", "was", "were", "am", "any", "got", "so", "wait", "r");

    /** Sentence starts that stay capitalized after a comma. */
    private static final Set<String> KEEP_CAPITAL = Set.of("Brightcart", "Amazon", "Target", "Plus");

    /** Share of users who make typing errors at all; the others type cleanly. */
    private static final double TYPO_PRONE = 0.6;

    private final Vocabulary vocabulary;
    private final TemplateExpander expander;
    private final TypoInjector typos;

    MessageStyler(Vocabulary vocabulary, TemplateExpander expander, TypoInjector typos) {
        this.vocabulary = vocabulary;
        this.expander = expander;
        this.typos = typos;
    }

    Register drawRegister(IntentGroup group, SplittableRandom rng) {
        double[] odds = REGISTER_ODDS.get(group);
        double total = 0;
        for (double o : odds) {
            total += o;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < odds.length; i++) {
            u -= odds[i];
            if (u < 0) {
                return DRAWN[i];
            }
        }
        return DRAWN[DRAWN.length - 1];
    }

    /** A message for {@code intent} in {@code register}; slot values land in {@code bindings}. */
    String write(Intent intent, Register register, Bindings bindings, SplittableRandom rng) {
        String ask = expander.expand(SlotFiller.pick(intent.asks(), rng), bindings, rng);
        List<String> sentences = new ArrayList<>();
        switch (register) {
            case TERSE -> sentences.add(ask);
            case PLAIN, CLEAN -> {
                if (register == Register.CLEAN && !intent.contexts().isEmpty() && rng.nextInt(3) == 0) {
                    sentences.add(sentence(phrase(intent.contexts(), bindings, rng)));
                }
                sentences.add(sentence(ask));
            }
            case POLITE -> {
                String greeting = phrase(vocabulary.phrases("greeting"), bindings, rng);
                sentences.add(greeting + (rng.nextBoolean() ? "," : "!"));
                if (rng.nextInt(3) == 0) {
                    sentences.add(phrase(vocabulary.phrases("polite_lead"), bindings, rng));
                }
                sentences.add(sentence(ask));
                sentences.add(phrase(vocabulary.phrases("thanks"), bindings, rng));
            }
            case RAMBLING -> {
                int start = 0;
                if (rng.nextBoolean()) {
                    sentences.add(phrase(vocabulary.phrases("greeting"), bindings, rng) + ",");
                    start = 1;
                }
                int contexts = intent.contexts().isEmpty() ? 0 : 1 + rng.nextInt(2);
                List<String> pool = new ArrayList<>(intent.contexts());
                for (int i = 0; i < contexts && !pool.isEmpty(); i++) {
                    sentences.add(sentence(phrase(List.of(pool.remove(rng.nextInt(pool.size()))), bindings, rng)));
                }
                if (contexts == 0 || rng.nextInt(3) == 0) {
                    int at = start + rng.nextInt(sentences.size() - start + 1);
                    sentences.add(at, sentence(phrase(vocabulary.phrases("filler"), bindings, rng)));
                }
                sentences.add(sentence(ask));
                if (rng.nextInt(3) == 0) {
                    sentences.add(phrase(vocabulary.phrases("thanks"), bindings, rng));
                }
            }
            case ANGRY -> {
                if (rng.nextInt(3) > 0) {
                    sentences.add(phrase(vocabulary.phrases("angry_open"), bindings, rng));
                }
                String core = sentence(ask);
                core = core.substring(0, core.length() - 1) + (rng.nextBoolean() ? "!!" : "?!");
                sentences.add(rng.nextInt(3) == 0 ? core.toUpperCase(Locale.ROOT) : core);
                if (rng.nextInt(4) > 0) {
                    sentences.add(phrase(vocabulary.phrases("angry_close"), bindings, rng));
                }
            }
            default -> throw new IllegalStateException(register.name());
        }
        String text = join(sentences);
        text = surface(text, register, rng);
        if (register != Register.CLEAN && rng.nextDouble() < TYPO_PRONE) {
            text = typos.inject(text, TypoInjector.rate(register), rng);
        }
        return text;
    }

    /** Joins sentences; after "Hi," the next sentence continues in lower case ("Hi, my order ..."). */
    static String join(List<String> sentences) {
        StringBuilder out = new StringBuilder();
        for (String s : sentences) {
            if (out.length() > 0) {
                boolean afterComma = out.charAt(out.length() - 1) == ',';
                out.append(' ');
                if (afterComma && continuesLowerCase(s)) {
                    s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
                }
            }
            out.append(s);
        }
        return out.toString();
    }

    /** True unless the sentence starts with "I", a name or an acronym. */
    private static boolean continuesLowerCase(String s) {
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        if (end < 2 || end < s.length() && s.charAt(end) == '-') {
            return false; // "I", "I'm", "Auto-Reorder"
        }
        for (int i = 1; i < end; i++) {
            if (!Character.isLowerCase(s.charAt(i))) {
                return false; // "UPS", "BC"
            }
        }
        return !KEEP_CAPITAL.contains(s.substring(0, end));
    }

    private String phrase(List<String> templates, Bindings bindings, SplittableRandom rng) {
        return expander.expand(SlotFiller.pick(templates, rng), bindings, rng);
    }

    /** Casing and punctuation habits: lower-case typists, dropped apostrophes, no final stop. */
    private static String surface(String text, Register register, SplittableRandom rng) {
        if (register == Register.CLEAN) {
            return text;
        }
        if (register == Register.TERSE || rng.nextInt(8) == 0) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (register != Register.POLITE && rng.nextInt(4) == 0) {
            text = text.replace("'", "");
        }
        if (register == Register.TERSE) {
            int r = rng.nextInt(10);
            if (r == 0) {
                text = text + "?";
            } else if (r == 1) {
                text = text + "??";
            }
        } else if (register == Register.PLAIN) {
            int r = rng.nextInt(10);
            if (r < 2) {
                text = stripFinal(text);
            } else if (r == 2 && text.endsWith("?")) {
                text = text + "??";
            } else if (r == 3) {
                text = stripFinal(text) + "...";
            }
        }
        return text;
    }

    private static String stripFinal(String s) {
        int end = s.length();
        while (end > 0 && ".?!".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Capitalizes the first letter and ends with '?' for questions, '.' otherwise. */
    static String sentence(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String out = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = out.charAt(out.length() - 1);
        if (last == '.' || last == '?' || last == '!') {
            return out;
        }
        int end = 0;
        while (end < out.length() && out.charAt(end) != ' ' && out.charAt(end) != ',') {
            end++;
        }
        String first = out.substring(0, end).toLowerCase(Locale.ROOT);
        return out + (QUESTION_WORDS.contains(first) ? "?" : ".");
    }
}
