package dev.evalgap.gap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds on gap figures, for CI gates ({@code --fail-on NAME=VALUE}). Each compares the point
 * estimate with the threshold and reports both with the sample size.
 */
public final class GapGate {

    /** A threshold that can be set, and which way it fails. */
    public enum Threshold {
        GAP("gap", "gap score", true),
        COVERAGE("coverage", "relative coverage", false),
        UNCOVERED("uncovered", "uncovered share", true),
        NO_CASE("no-case", "share of production in topics without an eval case", true);

        private final String key;
        private final String figure;
        private final boolean failsAbove;

        Threshold(String key, String figure, boolean failsAbove) {
            this.key = key;
            this.figure = figure;
            this.failsAbove = failsAbove;
        }

        public String key() {
            return key;
        }

        public static Threshold parse(String key) {
            for (Threshold t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown threshold '" + key + "'; valid: gap, coverage, uncovered, no-case");
        }
    }

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

    public static List<Check> evaluate(Map<Threshold, Double> thresholds, GapFigures f) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<Threshold, Double> e : thresholds.entrySet()) {
            Threshold t = e.getKey();
            double limit = e.getValue();
            double value;
            int n;
            switch (t) {
                case GAP -> {
                    value = f.c2st().gapScore();
                    n = f.c2st().nA() + f.c2st().nB();
                }
                case COVERAGE -> {
                    value = f.coverage() == null ? Double.NaN : f.coverage().relativeCoverage();
                    n = f.coverage() == null ? 0 : f.coverage().productionItems();
                }
                case UNCOVERED -> {
                    value = f.coverage() == null ? Double.NaN : f.coverage().uncoveredShare();
                    n = f.coverage() == null ? 0 : f.coverage().productionItems();
                }
                case NO_CASE -> {
                    value = f.topics().noCaseShare();
                    n = f.topics().productionItems();
                }
                default -> throw new AssertionError(t);
            }
            boolean passed = !Double.isNaN(value) && (t.failsAbove ? value <= limit : value >= limit);
            out.add(new Check(t.figure, value, limit, passed, n,
                    String.format(Locale.ROOT, "fails when %s %.3f", t.failsAbove ? ">" : "<", limit)));
        }
        return out;
    }
}
