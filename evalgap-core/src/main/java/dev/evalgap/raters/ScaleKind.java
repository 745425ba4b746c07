package dev.evalgap.raters;

import java.util.Locale;

/** What a score means, which decides the agreement statistics that apply to it. */
public enum ScaleKind {
    /** 0/1 (also true/false, yes/no, pass/fail). */
    BINARY("binary"),
    /** Unordered labels, optionally declared: {@code nominal:safe|unsafe}. */
    NOMINAL("nominal"),
    /** Ordered integers, optionally with a declared range: {@code ordinal:1-5}. */
    ORDINAL("ordinal"),
    /** Numbers whose differences mean something, optionally with a declared range: {@code interval:0-10}. */
    INTERVAL("interval"),
    /** A verdict between an item's two outputs: {@code A}, {@code B} or {@code tie}. */
    PAIRWISE("pairwise");

    private final String label;

    ScaleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By label, case-insensitive; {@code null} when unknown. */
    static ScaleKind parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (ScaleKind k : values()) {
            if (k.label.equals(v)) {
                return k;
            }
        }
        return null;
    }

    /** Whether scores have a mean: every kind but nominal (a pairwise verdict counts A = 1, tie = ½, B = 0). */
    public boolean hasMean() {
        return this != NOMINAL;
    }

    /** Whether scores are ordered numbers: weighted kappa (ordinal) and rank correlation apply. */
    public boolean isOrdered() {
        return this == ORDINAL || this == INTERVAL;
    }

    /** Whether scores fall in a finite list of categories (percent agreement and kappa apply). */
    public boolean isCategorical() {
        return this != INTERVAL;
    }
}
