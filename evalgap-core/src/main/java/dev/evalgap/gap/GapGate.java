package dev.evalgap.gap;

import dev.evalgap.Threshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds on a window's gap figures, for CI gates ({@code gap --fail-on KEY=VALUE}, with the keys of
 * {@code evalgap.yaml thresholds:} that {@link Threshold#onGapFigures()}). Each compares the point
 * estimate with the threshold and reports both with the sample size.
 */
public final class GapGate {

    /**
     * One evaluated threshold.
     *
     * @param figure    what was compared
     * @param value     the figure's point estimate; NaN when the figure is not available
     * @param threshold the threshold
     * @param passed    false when the figure crosses the threshold, or is not available
     * @param n         the sample size behind the figure
     * @param rule      e.g. "fails when > 0.30"
     */
    public record Check(String figure, double value, double threshold, boolean passed, int n, String rule) {
    }

    private GapGate() {
    }

    /**
     * @throws IllegalArgumentException for a threshold that is not on the gap figures
     */
    public static List<Check> evaluate(Map<Threshold, Double> thresholds, GapFigures f) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<Threshold, Double> e : thresholds.entrySet()) {
            Threshold t = e.getKey();
            double limit = e.getValue();
            double value;
            int n;
            switch (t) {
                case MAX_GAP_SCORE -> {
                    value = f.c2st().gapScore();
                    n = f.c2st().nA() + f.c2st().nB();
                }
                case MIN_RELATIVE_COVERAGE -> {
                    value = f.coverage() == null ? Double.NaN : f.coverage().relativeCoverage();
                    n = f.coverage() == null ? 0 : f.coverage().productionItems();
                }
                case MAX_UNCOVERED_SHARE -> {
                    value = f.coverage() == null ? Double.NaN : f.coverage().uncoveredShare();
                    n = f.coverage() == null ? 0 : f.coverage().productionItems();
                }
                case MAX_NO_CASE_SHARE -> {
                    value = f.topics().noCaseShare();
                    n = f.topics().productionItems();
                }
                default -> throw notAGapFigure(t.key());
            }
            out.add(new Check(t.figure(), value, limit, t.passes(value, limit), n,
                    String.format(Locale.ROOT, "fails when %s %.3f", t.failsAbove() ? ">" : "<", limit)));
        }
        return out;
    }

    /**
     * @param key a key of {@code evalgap.yaml thresholds:}
     * @return its threshold, one on the gap figures
     * @throws IllegalArgumentException for any other key, naming the gap thresholds
     */
    public static Threshold parse(String key) {
        for (Threshold t : Threshold.values()) {
            if (t.onGapFigures() && t.key().equals(key)) {
                return t;
            }
        }
        throw notAGapFigure(key);
    }

    private static IllegalArgumentException notAGapFigure(String key) {
        String why = Threshold.keys().contains(key) ? key + " is not a gap figure (`evalgap check` takes it)"
                : "unknown threshold '" + key + "'";
        return new IllegalArgumentException(why + "; gap thresholds: " + String.join(", ",
                Arrays.stream(Threshold.values()).filter(Threshold::onGapFigures).map(Threshold::key).toList()));
    }
}
