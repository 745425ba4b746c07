package dev.evalgap.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands a template of the vocabulary: {@code {slot}} is replaced by the message's value of that
 * slot (drawn once per message; {@code {slot:2}} is a second, independent value), {@code (a|b|c)}
 * by one alternative chosen uniformly, {@code (a|)} makes {@code a} optional. Alternatives nest.
 */
final class TemplateExpander {

    private final SlotFiller filler;
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();

    TemplateExpander(SlotFiller filler) {
        this.filler = filler;
    }

    /** How a slot the message has not bound yet is filled. */
    private enum Mode {
        /** Draw a value and bind it (user messages). */
        DRAW,
        /** Draw a value, except for what the user would have named: the item (assistant replies). */
        REPLY,
        /** Draw nothing; alternatives take their first option (reference answers). */
        BOUND
    }

    /** Expands {@code template}, drawing values of unbound slots and recording them in {@code bindings}. */
    String expand(String template, Bindings bindings, SplittableRandom rng) {
        StringBuilder out = new StringBuilder();
        node(template).render(out, bindings, rng, this, Mode.DRAW);
        return tidy(out);
    }

    /**
     * Expands an assistant reply: like {@link #expand}, but an item the user did not name reads
     * as "item" instead of a random product, so a reply never talks about a product out of nowhere.
     */
    String expandReply(String template, Bindings bindings, SplittableRandom rng) {
        StringBuilder out = new StringBuilder();
        node(template).render(out, bindings, rng, this, Mode.REPLY);
        return tidy(out);
    }

    /**
     * Expands {@code template} without drawing anything new: slots not bound by the message read
     * as a generic phrase ({@link SlotFiller#generic}); alternatives take their first option.
     * Used for reference answers, which must speak only of what the request mentioned.
     */
    String expandBound(String template, Bindings bindings) {
        StringBuilder out = new StringBuilder();
        node(template).render(out, bindings, null, this, Mode.BOUND);
        return tidy(out);
    }

    private Node node(String template) {
        return parsed.computeIfAbsent(template, TemplateExpander::parse);
    }

    private String slotValue(String key, Bindings bindings, SplittableRandom rng, Mode mode) {
        String value = bindings.get(key);
        if (value == null) {
            int colon = key.indexOf(':');
            String name = colon < 0 ? key : key.substring(0, colon);
            if (mode == Mode.BOUND || mode == Mode.REPLY && SlotFiller.isItem(name)) {
                return SlotFiller.generic(name);
            }
            value = filler.fill(name, rng, bindings.today());
            String first = colon < 0 ? null : bindings.get(name);
            for (int retry = 0; retry < 8 && value.equals(first); retry++) {
                value = filler.fill(name, rng, bindings.today()); // {color:2} differs from {color}
            }
            bindings.put(key, value);
        }
        return value;
    }

    /**
     * Collapses runs of spaces, removes spaces before punctuation (left by empty alternatives) and
     * makes "a"/"an" agree with the next word ("a electric kettle" becomes "an electric kettle").
     */
    static String tidy(CharSequence in) {
        return articles(spaces(in));
    }

    private static String spaces(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        boolean pendingSpace = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace && ",.?!;".indexOf(c) < 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    private static String articles(String s) {
        StringBuilder out = null;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            boolean wordStart = i == 0 || s.charAt(i - 1) == ' ';
            if (!wordStart) {
                continue;
            }
            int len = s.startsWith("a ", i) || s.startsWith("A ", i) ? 1
                    : s.startsWith("an ", i) || s.startsWith("An ", i) ? 2 : 0;
            if (len == 0 || i + len + 1 >= s.length()) {
                continue;
            }
            boolean vowel = startsWithVowelSound(s, i + len + 1);
            boolean consonant = Character.isLowerCase(s.charAt(i + len + 1)) && !vowel;
            if (len == 1 && vowel || len == 2 && consonant) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 4);
                }
                out.append(s, from, i).append(s.charAt(i)).append(len == 1 ? "n" : "");
                from = i + len;
            }
        }
        return out == null ? s : out.append(s, from, s.length()).toString();
    }

    /** Lower-case words starting with a vowel sound: a, e, i, o, and "un"/"up" ("an unopened box"). */
    private static boolean startsWithVowelSound(String s, int at) {
        char c = s.charAt(at);
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || s.startsWith("un", at) || s.startsWith("up", at);
    }

    // ---- parsing ------------------------------------------------------------------------------

    private sealed interface Node permits Text, Slot, Choice, Seq {
        void render(StringBuilder out, Bindings b, SplittableRandom rng, TemplateExpander x, Mode mode);
    }

    private record Text(String text) implements Node {
        public void render(StringBuilder out, Bindings b, SplittableRandom rng, TemplateExpander x, Mode mode) {
            out.append(text);
        }
    }

    private record Slot(String key) implements Node {
        public void render(StringBuilder out, Bindings b, SplittableRandom rng, TemplateExpander x, Mode mode) {
            out.append(x.slotValue(key, b, rng, mode));
        }
    }

    private record Choice(List<Node> options) implements Node {
        public void render(StringBuilder out, Bindings b, SplittableRandom rng, TemplateExpander x, Mode mode) {
            Node chosen = mode == Mode.BOUND ? options.get(0) : options.get(rng.nextInt(options.size()));
            chosen.render(out, b, rng, x, mode);
        }
    }

    private record Seq(List<Node> parts) implements Node {
        public void render(StringBuilder out, Bindings b, SplittableRandom rng, TemplateExpander x, Mode mode) {
            for (Node part : parts) {
                part.render(out, b, rng, x, mode);
            }
        }
    }

    static Node parse(String template) {
        int[] pos = {0};
        Node node = parseSeq(template, pos, false);
        if (pos[0] != template.length()) {
            throw new IllegalArgumentException("unbalanced ')' in template: " + template);
        }
        return node;
    }

    private static Node parseSeq(String t, int[] pos, boolean inChoice) {
        List<Node> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos[0] < t.length()) {
            char c = t.charAt(pos[0]);
            if (c == '|' || c == ')') {
                if (!inChoice) {
                    throw new IllegalArgumentException("'" + c + "' outside (...) in template: " + t);
                }
                break;
            }
            pos[0]++;
            if (c == '{') {
                int end = t.indexOf('}', pos[0]);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in template: " + t);
                }
                flush(text, parts);
                parts.add(new Slot(t.substring(pos[0], end).strip()));
                pos[0] = end + 1;
            } else if (c == '(') {
                flush(text, parts);
                List<Node> options = new ArrayList<>();
                while (true) {
                    options.add(parseSeq(t, pos, true));
                    if (pos[0] >= t.length()) {
                        throw new IllegalArgumentException("unclosed '(' in template: " + t);
                    }
                    char sep = t.charAt(pos[0]++);
                    if (sep == ')') {
                        break;
                    }
                }
                parts.add(new Choice(List.copyOf(options)));
            } else {
                text.append(c);
            }
        }
        flush(text, parts);
        return parts.size() == 1 ? parts.get(0) : new Seq(List.copyOf(parts));
    }

    private static void flush(StringBuilder text, List<Node> parts) {
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }
}
