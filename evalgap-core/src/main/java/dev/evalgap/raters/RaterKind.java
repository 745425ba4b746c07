package dev.evalgap.raters;

import java.util.Locale;

/** Who gave a rating: a person or an LLM judge. */
public enum RaterKind {
    HUMAN("human"),
    JUDGE("judge");

    private final String label;

    RaterKind(String label) {
        this.label = label;
    }

    /** As written in a ratings file: {@code human} or {@code judge}. */
    public String label() {
        return label;
    }

    /** By label, case-insensitive; {@code null} when {@code s} is neither. */
    public static RaterKind parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (RaterKind k : values()) {
            if (k.label.equals(v)) {
                return k;
            }
        }
        return null;
    }
}
