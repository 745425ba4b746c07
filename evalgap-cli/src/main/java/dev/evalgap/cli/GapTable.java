package dev.evalgap.cli;

import dev.evalgap.gap.GapResult;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The human-readable gap table: one row per window, every figure with its n and interval. */
final class GapTable {
    private GapTable() {
    }

    /** A p-value at the resolution the bootstrap allows: never printed as 0. */
    static String formatP(double p, int resamples) {
        double floor = 2.0 / (1 + resamples);
        return p <= floor ? String.format(Locale.ROOT, "<%.3f", floor + 0.0005) : String.format(Locale.ROOT, "%.3f", p);
    }

    static void print(List<GapResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            out.println("no windows to compare");
            return;
        }
        GapResult first = results.get(0);
        ClassifierTwoSampleResult c = first.c2st();
        int level = (int) Math.round(100 * c.aucInterval().confidence());
        out.printf(Locale.ROOT, "gap: eval set '%s' v%d (%d cases) vs production%n%n", first.setName(),
                first.setVersion(), first.evalCases());
        String header = String.format(Locale.ROOT, "%-12s %10s %7s %7s   %-22s %-22s %8s", "window", "records",
                "eval n", "prod n", "AUC [" + level + "% CI]", "gap score [" + level + "% CI]", "p");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (GapResult r : results) {
            ClassifierTwoSampleResult t = r.c2st();
            out.printf(Locale.ROOT, "%-12s %,10d %7d %7d   %-22s %-22s %8s%n", r.window(), r.windowRecords(),
                    r.evalSample(), r.productionSample(),
                    String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", t.auc(), t.aucInterval().low(), t.aucInterval().high()),
                    String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", t.gapScore(), t.gapInterval().low(),
                            t.gapInterval().high()),
                    formatP(t.pValue(), t.bootstrapResamples()));
        }
        out.println();
        out.printf(Locale.ROOT, "gap score = 2*|AUC - 0.5|: 0 = production and the eval set are indistinguishable, "
                + "1 = fully separable.%n");
        out.printf(Locale.ROOT, "C2ST: L2 logistic regression (C=%s), %d stratified folds, balanced classes, "
                + "out-of-fold AUC; identical texts share a fold; %d stratified bootstrap resamples, deviations "
                + "widened x%.2f for cross-validation (Nadeau-Bengio); p tests AUC = 0.5; embedder %s; seed %d.%n",
                c.regularization(), c.folds(), c.bootstrapResamples(), c.intervalInflation(), first.embedder(),
                first.seed());
        out.printf(Locale.ROOT, "samples: %s.%n", first.sampleRule());
    }
}
