package dev.evalgap.cli;

import dev.evalgap.trend.GoodhartGauge;
import dev.evalgap.trend.MeanFigure;
import dev.evalgap.trend.OverfitIndex;
import dev.evalgap.trend.SplitScores;
import dev.evalgap.trend.StaleCase;
import dev.evalgap.trend.StaleCases;
import dev.evalgap.trend.TrendResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The timeline's concept-shift and Goodhart sections: stale cases by reason, public vs sealed scores. */
final class TrendSealTable {

    private static final int LINE = 110;

    private TrendSealTable() {
    }

    static void print(TrendResult r, PrintWriter out) {
        printStale(r.staleCases(), out);
        printGoodhart(r.goodhart(), out);
    }

    static void printStale(StaleCases s, PrintWriter out) {
        if (s == null) {
            return;
        }
        out.println();
        String policies = s.policies().isEmpty() ? "none declared" : s.policies().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
        if (s.cases().isEmpty()) {
            out.printf(Locale.ROOT, "stale cases: none of %d (expiry as of %s; current policies: %s)%n", s.setCases(),
                    s.asOf(), policies);
            return;
        }
        out.printf(Locale.ROOT, "stale cases: %d of %d (%.1f%%) %s; expiry as of %s; current policies: %s%n",
                s.cases().size(), s.setCases(), 100 * s.share(), s.excluded()
                        ? "left out of every offline score (--include-stale keeps them)"
                        : "kept in the offline scores (--include-stale)", s.asOf(), policies);
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (StaleCase c : s.cases()) {
            byReason.computeIfAbsent(c.reason(), k -> new ArrayList<>()).add(c.caseId());
        }
        byReason.forEach((reason, ids) -> {
            out.printf(Locale.ROOT, "  %s (%d):%n", reason, ids.size());
            StringBuilder line = new StringBuilder("    ");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i) + (i + 1 < ids.size() ? ", " : "");
                if (line.length() + id.length() > LINE) {
                    out.println(line.toString().stripTrailing());
                    line = new StringBuilder("    ");
                }
                line.append(id);
            }
            out.println(line);
        });
    }

    static void printGoodhart(GoodhartGauge g, PrintWriter out) {
        out.println();
        if (g.skipped() != null) {
            out.println("public vs sealed split (Goodhart gauge): not computed (" + g.skipped() + ")");
            return;
        }
        out.printf(Locale.ROOT, "public vs sealed split (Goodhart gauge): %d public, %d sealed cases; overfit index = "
                + "public gain - sealed gain since %s%n", g.publicCases(), g.sealedCases(), g.baseline());
        out.printf(Locale.ROOT, "  %-8s %-30s %-30s %s%n", "release", "public score (cases)", "sealed score (cases)",
                "overfit index since " + g.baseline() + " (public / sealed gain, paired cases)");
        for (SplitScores s : g.releases()) {
            OverfitIndex o = s.overfit();
            String overfit;
            if (o == null) {
                overfit = "baseline";
            } else if (Double.isNaN(o.value())) {
                overfit = String.format(Locale.ROOT, "undefined (%d public, %d sealed cases scored in both)",
                        o.publicPairs(), o.sealedPairs());
            } else {
                overfit = String.format(Locale.ROOT, "%s (%+.3f / %+.3f, %d/%d)", TrendTable.range(o.value(),
                        o.interval(), "%+.3f"), o.publicGain(), o.sealedGain(), o.publicPairs(), o.sealedPairs());
            }
            out.printf(Locale.ROOT, "  %-8s %-30s %-30s %s%n", s.release().length() > 8
                    ? s.release().substring(0, 7) + "~" : s.release(), score(s.publicScore()), score(s.sealedScore()),
                    overfit);
        }
        out.println("  " + g.rule());
    }

    private static String score(MeanFigure m) {
        if (!m.defined()) {
            return "n/a (0)";
        }
        return TrendTable.range(m.value(), m.interval(), "%.3f") + " (" + m.n() + ")";
    }
}
