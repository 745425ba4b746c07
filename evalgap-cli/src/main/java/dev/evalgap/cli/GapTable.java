package dev.evalgap.cli;

import dev.evalgap.gap.CoverageFigures;
import dev.evalgap.gap.GapGate;
import dev.evalgap.gap.VectorGapResult;
import dev.evalgap.gap.GapResult;
import dev.evalgap.gap.SegmentGap;
import dev.evalgap.gap.Topic;
import dev.evalgap.gap.TopicMap;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.Interval;
import dev.evalgap.stats.MmdResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The human-readable gap report: every figure with its n and interval, then what to act on. */
final class GapTable {

    private static final int TOPICS_SHOWN = 8;
    private static final int TEXT_WIDTH = 70;

    private GapTable() {
    }

    /** A p-value at the resolution the resampling allows: never printed as 0. */
    static String formatP(double p, int resamples) {
        double floor = 2.0 / (1 + resamples);
        return p <= floor ? String.format(Locale.ROOT, "<%.3f", floor + 0.0005) : String.format(Locale.ROOT, "%.3f", p);
    }

    static String range(double value, Interval i, String format) {
        if (i == null) {
            return String.format(Locale.ROOT, format + " [undefined]", value);
        }
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", value, i.low(), i.high());
    }

    static void print(List<GapResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            out.println("no windows to compare");
            return;
        }
        GapResult first = results.get(0);
        ClassifierTwoSampleResult c = first.figures().c2st();
        int level = (int) Math.round(100 * c.aucInterval().confidence());
        out.printf(Locale.ROOT, "gap: eval set '%s' v%d (%d cases) vs production%n%n", first.setName(),
                first.setVersion(), first.evalCases());
        String header = String.format(Locale.ROOT, "%-10s %8s %6s %6s  %-21s %-21s %7s  %-18s  %-21s %-21s",
                "window", "records", "eval n", "prod n", "gap score [" + level + "% CI]", "AUC [" + level + "% CI]",
                "p", "MMD^2 (p)", "rel. coverage", "uncovered share");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (GapResult r : results) {
            ClassifierTwoSampleResult t = r.figures().c2st();
            CoverageFigures cov = r.figures().coverage();
            out.printf(Locale.ROOT, "%-10s %,8d %6d %6d  %-21s %-21s %7s  %-18s  %-21s %-21s%n", r.window(),
                    r.windowRecords(), r.evalSample(), r.productionSample(), range(t.gapScore(), t.gapInterval(), "%.3f"),
                    range(t.auc(), t.aucInterval(), "%.3f"), formatP(t.pValue(), t.bootstrapResamples()),
                    mmd(r.figures().mmd()),
                    cov == null ? "n/a" : range(cov.relativeCoverage(), cov.relativeCoverageInterval(), "%.2f"),
                    cov == null ? "n/a" : range(cov.uncoveredShare(), cov.uncoveredShareInterval(), "%.3f"));
        }
        for (GapResult r : results) {
            out.println();
            out.println(r.verdict());
            printTopics(r.figures().topics(), results.size() == 1 ? TOPICS_SHOWN : 5, out);
            printSegments(r.figures().segments(), out);
        }
        out.println();
        printDefinitions(first, out);
    }

    static String mmd(MmdResult m) {
        if (m == null) {
            return "n/a";
        }
        String p = m.exceedances() == 0 ? String.format(Locale.ROOT, "<%.4f", m.pValue() + 0.00005)
                : String.format(Locale.ROOT, "%.3f", m.pValue());
        return String.format(Locale.ROOT, "%.2e (%s)", m.mmd2(), p);
    }

    static void printVectors(VectorGapResult r, PrintWriter out) {
        ClassifierTwoSampleResult t = r.figures().c2st();
        CoverageFigures cov = r.figures().coverage();
        out.printf(Locale.ROOT, "gap on precomputed vectors: A = %s (%d rows), B = %s (%d rows), %d dimensions%n%n",
                r.evalFile(), r.evalItems(), r.productionFile(), r.productionItems(), r.dimension());
        out.printf(Locale.ROOT, "  gap score          %s   (AUC %s, p %s)%n", range(t.gapScore(), t.gapInterval(), "%.3f"),
                range(t.auc(), t.aucInterval(), "%.3f"), formatP(t.pValue(), t.bootstrapResamples()));
        MmdResult m = r.figures().mmd();
        if (m != null) {
            out.printf(Locale.ROOT, "  MMD^2              %.6g, sigma %.6g, p %s (%d permutations)%n", m.mmd2(), m.sigma(),
                    mmd(m).replaceAll(".*\\((.*)\\)", "$1"), m.permutations());
        }
        if (cov != null) {
            out.printf(Locale.ROOT, "  relative coverage  %s   (%d scored rows of B, %d reference rows of B, %d rows of A)%n",
                    range(cov.relativeCoverage(), cov.relativeCoverageInterval(), "%.3f"), cov.productionItems(),
                    cov.referenceItems(), cov.evalItems());
            out.printf(Locale.ROOT, "  uncovered share    %s%n", range(cov.uncoveredShare(), cov.uncoveredShareInterval(), "%.3f"));
        }
        TopicMap map = r.figures().topics();
        out.printf(Locale.ROOT, "  topics             k = %d, Jensen-Shannon divergence (base 2) %.4f, %.1f%% of B in "
                + "topics without a row of A%n", map.k(), map.jsDivergence(), 100 * map.noCaseShare());
        out.println();
        out.println(r.verdict());
        out.printf(Locale.ROOT, "seed %d%n", r.seed());
    }

    static void printChecks(List<GapGate.Check> checks, PrintWriter out) {
        for (GapGate.Check c : checks) {
            out.printf(Locale.ROOT, "%s: %s %.3f (n = %d), %s%n", c.passed() ? "PASS" : "FAIL", c.figure(), c.value(),
                    c.n(), c.rule());
        }
    }

    private static void printTopics(TopicMap map, int shown, PrintWriter out) {
        out.printf(Locale.ROOT, "  topics: k = %d, %d production + %d eval items%s; Jensen-Shannon divergence "
                + "(base 2) of the topic histograms %.3f; %.1f%% of production in topics without an eval case%n",
                map.k(), map.productionItems(), map.evalItems(), map.weighted() ? " (production weighted)" : "",
                map.jsDivergence(), 100 * map.noCaseShare());
        if (map.withheldEvalTexts() + map.withheldProductionTexts() > 0) {
            out.printf(Locale.ROOT, "  texts withheld (sealed split): %d eval case(s) and %d production record(s) "
                    + "containing a sealed case's text are never shown%n", map.withheldEvalTexts(),
                    map.withheldProductionTexts());
        }
        out.printf(Locale.ROOT, "  %5s %-20s %7s %10s %-45s %s%n", "topic", "production share", "eval",
                "uncovered", "keywords", "example");
        for (Topic t : map.topics().subList(0, Math.min(shown, map.topics().size()))) {
            out.printf(Locale.ROOT, "  %5d %-20s %6.1f%% %10s %-45s %s%n", t.id(),
                    range(100 * t.productionShare(), scale(t.productionShareInterval()), "%.1f"),
                    100 * t.evalShare(), t.uncoveredShare() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * t.uncoveredShare()),
                    truncate(String.join(", ", t.keywords()), 45), quote(t.medoid()));
        }
        if (map.topics().size() > shown) {
            out.printf(Locale.ROOT, "  ... %d more topics (--json for all)%n", map.topics().size() - shown);
        }
    }

    private static void printSegments(List<SegmentGap> segments, PrintWriter out) {
        if (segments.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-14s %6s  %-21s %-21s %6s %s%n", "segment", "prod n", "gap score", "uncovered share",
                "JS", "most under-sampled topic");
        for (SegmentGap s : segments) {
            out.printf(Locale.ROOT, "  %-14s %6d  %-21s %-21s %6.3f %d%n", truncate(s.segment(), 14), s.productionItems(),
                    s.c2st() == null ? "too few items" : range(s.c2st().gapScore(), s.c2st().gapInterval(), "%.3f"),
                    s.uncoveredShare() == null ? "n/a" : range(s.uncoveredShare(), s.uncoveredShareInterval(), "%.3f"),
                    s.jsDivergence(), s.topMissingTopic());
        }
    }

    private static void printDefinitions(GapResult first, PrintWriter out) {
        ClassifierTwoSampleResult c = first.figures().c2st();
        out.printf(Locale.ROOT, "gap score = 2*|AUC - 0.5| of a classifier telling eval cases from production "
                + "(0 = indistinguishable, 1 = fully separable): L2 logistic regression (C=%s), %d stratified folds "
                + "(identical texts share a fold), balanced classes, out-of-fold AUC; %d bootstrap resamples, "
                + "deviations widened x%.2f for cross-validation (Nadeau-Bengio); p tests AUC = 0.5.%n",
                c.regularization(), c.folds(), c.bootstrapResamples(), c.intervalInflation());
        MmdResult m = first.figures().mmd();
        if (m != null) {
            out.printf(Locale.ROOT, "MMD^2: unbiased, Gaussian kernel, sigma = median pairwise distance of the pooled "
                    + "sample (%.4g); p = (1 + #{permuted >= observed}) / (1 + %d).%n", m.sigma(), m.permutations());
        }
        CoverageFigures cov = first.figures().coverage();
        if (cov != null) {
            out.printf(Locale.ROOT, "coverage: nearest eval case vs nearest item of a %d-record production reference "
                    + "sample (cosine distance); relative coverage 1 = as good as an equal-sized production sample; "
                    + "uncovered = farther than the %.0fth percentile of production-to-reference distances.%n",
                    first.referenceSample(), 100 * cov.uncoveredQuantile());
        }
        out.printf(Locale.ROOT, "topics: %s%n", first.figures().topics().kRule());
        out.printf(Locale.ROOT, "embedder %s; seed %d; samples: %s.%n", first.embedder(), first.seed(), first.sampleRule());
    }

    private static Interval scale(Interval i) {
        return i == null ? null : new Interval(100 * i.low(), 100 * i.high(), i.confidence());
    }

    private static String quote(String text) {
        return text == null ? "" : "\"" + truncate(text.replaceAll("\\s+", " "), TEXT_WIDTH) + "\"";
    }

    private static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
