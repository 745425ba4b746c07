package dev.evalgap.gap;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One plain-language line a person can act on, built from the figures (never computing new ones). */
final class Verdict {

    private static final int TOP = 2;

    private Verdict() {
    }

    static String of(String window, GapFigures f) {
        StringBuilder sb = new StringBuilder(window).append(": ");
        var c = f.c2st();
        sb.append(c.distinguishable() ? "the eval set is distinguishable from production" :
                "the eval set is not distinguishable from production");
        sb.append(String.format(Locale.ROOT, " (gap score %.2f [%.2f, %.2f])", c.gapScore(), c.gapInterval().low(),
                c.gapInterval().high()));
        CoverageFigures cov = f.coverage();
        if (cov != null) {
            sb.append(String.format(Locale.ROOT, "; it covers production %.2fx as well as an equal-sized production "
                    + "sample would", cov.relativeCoverage()));
            if (cov.relativeCoverageInterval() != null) {
                sb.append(String.format(Locale.ROOT, " [%.2f, %.2f]", cov.relativeCoverageInterval().low(),
                        cov.relativeCoverageInterval().high()));
            }
            double expected = 1 - cov.uncoveredQuantile();
            if (cov.uncoveredShareInterval() != null && cov.uncoveredShareInterval().low() > expected) {
                sb.append(String.format(Locale.ROOT, "; %.0f%% of traffic is farther from every eval case than "
                        + "production usually is from itself (%.0f%% expected)", 100 * cov.uncoveredShare(),
                        100 * expected));
            }
        }
        TopicMap topics = f.topics();
        List<Topic> missing = topics.topics().stream()
                .filter(t -> t.evalItems() == 0 || t.ratio() != null && t.ratio() < 0.5)
                .limit(TOP).toList();
        if (topics.noCaseShare() > 0) {
            sb.append(String.format(Locale.ROOT, "; %.0f%% falls in topics with no eval case",
                    100 * topics.noCaseShare()));
        }
        if (!missing.isEmpty()) {
            sb.append("; top under-covered: ").append(missing.stream().map(Verdict::describe)
                    .collect(Collectors.joining(", ")));
        }
        return sb.append('.').toString();
    }

    private static String describe(Topic t) {
        String label = t.keywords().isEmpty() ? "topic " + t.id()
                : "\"" + String.join(", ", t.keywords().subList(0, Math.min(3, t.keywords().size()))) + "\"";
        return String.format(Locale.ROOT, "%s (%.0f%% of traffic, %.0f%% of the eval set)", label,
                100 * t.productionShare(), 100 * t.evalShare());
    }
}
