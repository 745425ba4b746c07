package dev.evalgap.raters;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consensus of a group of raters on one item ("the 3-human majority"):
 * <ul>
 *   <li>binary, nominal, pairwise: the label given most often, when exactly one label is given most often
 *       (otherwise no consensus);</li>
 *   <li>ordinal: the median, when it is a category (an odd number of ratings, or an even number whose two
 *       middle values are equal; otherwise no consensus);</li>
 *   <li>interval: the mean.</li>
 * </ul>
 * A single rating is its own consensus.
 */
final class Consensus {

    /** How the consensus is formed on each scale, for the report. */
    static String rule(ScaleKind kind) {
        return switch (kind) {
            case ORDINAL -> "median (no consensus when the two middle ratings differ)";
            case INTERVAL -> "mean";
            default -> "majority (no consensus when two labels are given equally often)";
        };
    }

    private Consensus() {
    }

    /** The consensus of {@code verdicts}, or {@code null} when there is none. */
    static Verdict of(List<Verdict> verdicts, CategoryCodes codes) {
        if (verdicts.size() == 1) {
            return verdicts.get(0);
        }
        switch (codes.scale().kind()) {
            case ORDINAL:
                return median(verdicts);
            case INTERVAL:
                double mean = verdicts.stream().mapToDouble(Verdict::value).average().orElseThrow();
                return new Verdict(Scale.number(mean), mean, -1);
            default:
                return majority(verdicts);
        }
    }

    private static Verdict majority(List<Verdict> verdicts) {
        Map<String, Integer> counts = new HashMap<>();
        verdicts.forEach(v -> counts.merge(v.label(), 1, Integer::sum));
        int top = counts.values().stream().max(Integer::compare).orElseThrow();
        if (counts.values().stream().filter(c -> c == top).count() > 1) {
            return null;
        }
        return verdicts.stream().filter(v -> counts.get(v.label()) == top).findFirst().orElseThrow();
    }

    private static Verdict median(List<Verdict> verdicts) {
        Verdict[] sorted = verdicts.toArray(new Verdict[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.value(), b.value()));
        int n = sorted.length;
        Verdict lower = sorted[(n - 1) / 2];
        Verdict upper = sorted[n / 2];
        return lower.value() == upper.value() ? lower : null;
    }
}
