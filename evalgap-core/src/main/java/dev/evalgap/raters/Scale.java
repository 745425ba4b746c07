package dev.evalgap.raters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale of a rating as declared in its {@code scale} field: {@code binary}, {@code nominal},
 * {@code ordinal}, {@code interval} or {@code pairwise}. Ordinal and interval scales may declare their
 * range ({@code ordinal:1-5}, {@code interval:0-10}, {@code interval:-1..1}), a nominal scale its
 * labels ({@code nominal:safe|unsafe}). A score outside a declared range or list is unusable.
 *
 * @param kind       what the score means
 * @param low        lower end of the declared range, or {@code null}
 * @param high       upper end of the declared range, or {@code null}
 * @param categories declared nominal labels in the order given, or {@code null}
 */
public record Scale(ScaleKind kind, Double low, Double high, List<String> categories) {

    /** The labels of a pairwise verdict, in the order A &lt; tie &lt; B of their codes. */
    public static final List<String> PAIRWISE_LABELS = List.of("A", "tie", "B");

    private static final Pattern RANGE = Pattern.compile(
            "(-?\\d+(?:\\.\\d+)?)\\s*(?:\\.\\.|-)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Nominal with labels as they come: the scale of a rating that names none. */
    public static final Scale NOMINAL = new Scale(ScaleKind.NOMINAL, null, null, null);

    public Scale {
        Objects.requireNonNull(kind, "kind");
        categories = categories == null ? null : List.copyOf(categories);
    }

    /**
     * Reads a declaration such as {@code ordinal:1-5}.
     *
     * @throws IllegalArgumentException with a message for the user when it is not one
     */
    public static Scale parse(String text) {
        String s = text.trim();
        int colon = s.indexOf(':');
        ScaleKind kind = ScaleKind.parse(colon < 0 ? s : s.substring(0, colon));
        if (kind == null) {
            throw new IllegalArgumentException("not a scale (binary, nominal, ordinal, interval or pairwise; "
                    + "e.g. ordinal:1-5)");
        }
        if (colon < 0) {
            return new Scale(kind, null, null, null);
        }
        String spec = s.substring(colon + 1).trim();
        switch (kind) {
            case NOMINAL:
                return new Scale(kind, null, null, nominalLabels(spec));
            case ORDINAL:
            case INTERVAL:
                return ranged(kind, spec);
            default:
                throw new IllegalArgumentException("a " + kind.label() + " scale takes no range or labels");
        }
    }

    private static List<String> nominalLabels(String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split("\\|")) {
            String label = part.trim().toLowerCase(Locale.ROOT);
            if (label.isEmpty() || out.contains(label)) {
                throw new IllegalArgumentException("nominal labels must be distinct and non-empty, separated by |");
            }
            out.add(label);
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException(
                    "a nominal scale declares at least two labels, e.g. nominal:safe|unsafe");
        }
        return out;
    }

    private static Scale ranged(ScaleKind kind, String spec) {
        Matcher m = RANGE.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a range (e.g. " + kind.label() + ":1-5)");
        }
        double lo = Double.parseDouble(m.group(1));
        double hi = Double.parseDouble(m.group(2));
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the range's low end must be below its high end");
        }
        if (kind == ScaleKind.ORDINAL && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
            throw new IllegalArgumentException("an ordinal range has integer ends");
        }
        return new Scale(kind, lo, hi, null);
    }

    /** The declaration, canonical: {@code ordinal:1-5}, {@code nominal:safe|unsafe}, {@code pairwise}. */
    public String label() {
        if (categories != null) {
            return kind.label() + ":" + String.join("|", categories);
        }
        if (low != null) {
            return kind.label() + ":" + number(low) + (low < 0 || high < 0 ? ".." : "-") + number(high);
        }
        return kind.label();
    }

    /**
     * The categories in code order when they are known before any rating is seen: binary {@code 0, 1},
     * pairwise {@code A, tie, B}, a declared nominal list, or the integers of a declared ordinal range;
     * {@code null} otherwise (the observed labels are used).
     */
    public List<String> declaredCategories() {
        switch (kind) {
            case BINARY:
                return List.of("0", "1");
            case PAIRWISE:
                return PAIRWISE_LABELS;
            case NOMINAL:
                return categories;
            case ORDINAL:
                if (low == null) {
                    return null;
                }
                List<String> out = new ArrayList<>();
                for (long v = low.longValue(); v <= high.longValue(); v++) {
                    out.add(Long.toString(v));
                }
                return out;
            default:
                return null;
        }
    }

    /**
     * Reads a score written on this scale.
     *
     * @param raw the score as written (trimmed here)
     * @return the reading, or {@code null} when the score is not readable on this scale (a judge that
     *     wrote something else): such a rating is kept and counted as unusable
     */
    public ScoreReading read(String raw) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        switch (kind) {
            case BINARY:
                return binary(lower);
            case PAIRWISE:
                return switch (lower) {
                    case "a" -> new ScoreReading("A", 1.0);
                    case "b" -> new ScoreReading("B", 0.0);
                    case "tie" -> new ScoreReading("tie", 0.5);
                    default -> null;
                };
            case NOMINAL:
                return categories == null || categories.contains(lower) ? new ScoreReading(lower, null) : null;
            default:
                return numeric(s);
        }
    }

    private static ScoreReading binary(String lower) {
        boolean number = NUMBER.matcher(lower).matches();
        if (lower.equals("true") || lower.equals("yes") || lower.equals("pass")
                || number && Double.parseDouble(lower) == 1) {
            return new ScoreReading("1", 1.0);
        }
        if (lower.equals("false") || lower.equals("no") || lower.equals("fail")
                || number && Double.parseDouble(lower) == 0) {
            return new ScoreReading("0", 0.0);
        }
        return null;
    }

    private ScoreReading numeric(String s) {
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v) || low != null && (v < low || v > high)
                || kind == ScaleKind.ORDINAL && v != Math.rint(v)) {
            return null;
        }
        return new ScoreReading(number(v), v);
    }

    /** {@code 3} for 3.0, {@code 2.5} for 2.5: the shortest decimal that reads back as the value. */
    static String number(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
