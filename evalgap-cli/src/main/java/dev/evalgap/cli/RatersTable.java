package dev.evalgap.cli;

import dev.evalgap.raters.Coefficient;
import dev.evalgap.raters.ConsensusAgreement;
import dev.evalgap.raters.DriftReport;
import dev.evalgap.raters.DriftStep;
import dev.evalgap.raters.HomogenizationReport;
import dev.evalgap.raters.JudgeBiasReport;
import dev.evalgap.raters.LengthBias;
import dev.evalgap.raters.MultiRaterAgreement;
import dev.evalgap.raters.PairAgreement;
import dev.evalgap.raters.PeriodSpread;
import dev.evalgap.raters.PositionBias;
import dev.evalgap.raters.RaterSummary;
import dev.evalgap.raters.RatersReport;
import dev.evalgap.raters.ScaleReport;
import dev.evalgap.raters.ScopedFigures;
import dev.evalgap.raters.SelfPreference;
import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.RankCorrelationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human-readable rater report: every figure with its n and interval, scale by scale. */
final class RatersTable {

    private RatersTable() {
    }

    static void print(RatersReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "raters: %,d ratings (%,d usable, %,d unusable) by %d raters; %d%% intervals (item "
                        + "bootstrap B = %d, seed %d)%n", r.ratings(), r.usable(), r.unusable(), r.raters().size(),
                Math.round(100 * r.confidence()), r.bootstrapResamples(), r.seed());
        printRaters(r.raters(), out);
        for (ScaleReport s : r.scales()) {
            printScale(s, out);
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(n -> out.println("note: " + n));
        }
    }

    private static void printRaters(List<RaterSummary> raters, PrintWriter out) {
        if (raters.isEmpty()) {
            return;
        }
        out.println();
        String header = String.format(Locale.ROOT, "  %-22s %-7s %-28s %9s %9s %7s  %s", "rater", "kind", "versions",
                "ratings", "unusable", "items", "unusable scores, e.g.");
        out.println(header);
        out.println("  " + "-".repeat(header.length() - 2));
        for (RaterSummary s : raters) {
            out.printf(Locale.ROOT, "  %-22s %-7s %-28s %,9d %,9d %,7d  %s%n", cut(s.rater(), 22),
                    s.kind() == null ? "?" : s.kind(), cut(String.join(", ", s.versions()), 28), s.ratings(),
                    s.unusable(), s.items(), s.unusableExamples().stream().map(e -> "\"" + e + "\"").toList()
                            .toString().replace("[", "").replace("]", ""));
        }
    }

    private static void printScale(ScaleReport s, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "scale %s%s: %,d items, %,d ratings (%,d unusable, left out; %,d usable undated: in "
                        + "no period)%n", s.scale(),
                s.categories().isEmpty() || s.scale().contains(":") ? ""
                        : " (categories " + String.join(", ", s.categories()) + ")", s.items(),
                s.ratings(), s.unusable(), s.undated());
        if (!s.judgesVsHumans().isEmpty()) {
            ConsensusAgreement first = s.judgesVsHumans().get(0);
            out.printf(Locale.ROOT, "%n  human consensus vs each judge (%d humans; %s)%n", first.groupRaters(),
                    first.rule());
            for (ConsensusAgreement c : s.judgesVsHumans()) {
                out.printf(Locale.ROOT, "    %-22s %s%s%n", cut(c.agreement().second(), 22), figures(c.agreement()),
                        c.itemsWithout() == 0 ? "" : "; " + c.itemsWithout() + " item(s) without consensus left out");
            }
        }
        if (!s.raterPairs().isEmpty()) {
            out.printf(Locale.ROOT, "%n  rater pairs%n");
            for (PairAgreement p : s.raterPairs()) {
                out.printf(Locale.ROOT, "    %-22s %-22s %s%n", cut(p.first(), 22), cut(p.second(), 22), figures(p));
            }
        }
        if (!s.multiRater().isEmpty()) {
            out.printf(Locale.ROOT, "%n  many raters%n");
            for (MultiRaterAgreement m : s.multiRater()) {
                out.printf(Locale.ROOT, "    %-12s %d raters, %,d items: alpha %s%s%n", m.group(), m.raters(),
                        m.items(), coefficient(m.alpha()), m.fleissKappa() == null ? ""
                                : String.format(Locale.ROOT, "; Fleiss kappa %s (%,d items with %d ratings)",
                                coefficient(m.fleissKappa()), m.fleissItems(), m.fleissRaters()));
            }
        }
        printScoped("by period", s.byPeriod(), out);
        printScoped("by version", s.byVersion(), out);
        if (!s.changes().isEmpty()) {
            out.printf(Locale.ROOT, "%n  changes%n");
            s.changes().forEach(c -> out.println("    " + c));
        }
        printDrift(s.drift(), out);
        printBias(s.judgeBias(), out);
        printHomogenization(s.homogenization(), out);
    }

    private static void printScoped(String title, List<ScopedFigures> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n  %s%n", title);
        for (ScopedFigures f : rows) {
            List<String> parts = new ArrayList<>();
            parts.add(String.format(Locale.ROOT, "%,d items", f.items()));
            if (f.judgeMean() != null) {
                parts.add("judge mean " + figure(f.judgeMean()));
            }
            if (f.humanMean() != null) {
                parts.add("human mean " + figure(f.humanMean()));
            }
            for (ConsensusAgreement c : f.judgesVsHumans()) {
                PairAgreement p = c.agreement();
                String headline = p.kappa() != null ? "kappa " + coefficient(p.kappa()) : "alpha " + coefficient(p.alpha());
                parts.add(p.second() + " vs humans: " + headline + " n=" + p.items());
            }
            if (f.humans() != null) {
                parts.add("humans alpha " + coefficient(f.humans().alpha()));
            }
            out.printf(Locale.ROOT, "    %-14s %-16s %s%n", f.scope(), cut(f.value(), 16), String.join("; ", parts));
        }
    }

    private static void printDrift(DriftReport d, PrintWriter out) {
        out.printf(Locale.ROOT, "%n  drift attribution on the anchor set%n");
        for (DriftStep st : d.steps()) {
            out.printf(Locale.ROOT, "    %s -> %s: composite %.3f -> %.3f, change %s = system %s + judges %s + "
                            + "humans %s -> %s (%d anchors, %d + %d system items)%n", st.from(), st.to(),
                    st.compositeFrom(), st.compositeTo(), signed(st.change()), signed(st.system()),
                    signed(st.judges()), signed(st.humans()), st.attributedTo(), st.anchorItems(),
                    st.systemItemsFrom(), st.systemItemsTo());
        }
        d.skipped().forEach(s -> out.println("    skipped: " + s));
        d.warnings().forEach(w -> out.println("    warning: " + w));
        if (!d.steps().isEmpty()) {
            d.method().forEach(m -> out.println("    method: " + m));
        }
    }

    private static void printBias(JudgeBiasReport b, PrintWriter out) {
        out.printf(Locale.ROOT, "%n  judge bias%n");
        for (LengthBias l : b.length()) {
            String judge = cut(l.version() == null ? l.judge() : l.judge() + " " + l.version(), 22);
            if (l.judgeScoreVsLength() != null) {
                out.printf(Locale.ROOT, "    length    %-22s score vs length: rho %s; (judge - humans) vs length: "
                                + "rho %s; humans vs length: rho %s%n", judge, rank(l.judgeScoreVsLength()),
                        rank(l.judgeExcessVsLength()), rank(l.humanScoreVsLength()));
            } else {
                out.printf(Locale.ROOT, "    length    %-22s picks the longer output %s; humans %s (n=%d)%n",
                        judge, figure(l.judgePicksLonger()), figure(l.humansPickLonger()),
                        l.decisiveItems());
            }
        }
        for (PositionBias p : b.position()) {
            out.printf(Locale.ROOT, "    position  %-22s verdict changes with the order %s (%d reversals of %d items);"
                            + " first shown wins %s (n=%d)%n", cut(p.judge(), 22), figure(p.verdictChanges()),
                    p.reversals(), p.itemsBothOrders(), figure(p.firstShownWins()), p.decisiveRatings());
        }
        for (SelfPreference sp : b.selfPreference()) {
            out.printf(Locale.ROOT, "    self      %-22s %s%-18s judge %s, humans %s, difference %s%n",
                    cut(sp.judge(), 22), sp.ownFamily() ? "OWN " : "    ", cut(sp.family(), 18),
                    figure(sp.judgeScore()), figure(sp.humanScore()), signed(sp.difference()));
        }
        b.notes().forEach(n -> out.println("    note: " + n));
    }

    private static void printHomogenization(HomogenizationReport h, PrintWriter out) {
        if (h.periods().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n  labeler homogenization (humans, per period)%n");
        for (PeriodSpread p : h.periods()) {
            out.printf(Locale.ROOT, "    %-12s %d raters, %,d items: alpha %s; variance %s; entropy %s bits; "
                            + "discrimination %s%n", p.period(), p.raters(), p.items(),
                    p.agreement() == null ? "n/a" : coefficient(p.agreement()),
                    p.variance() == null ? "n/a" : figure(p.variance()), figure(p.entropyBits()),
                    p.discrimination() == null ? "n/a (no contrast pairs)"
                            : figure(p.discrimination()) + " on " + p.contrastPairs() + " pairs");
        }
        h.flags().forEach(f -> out.println("    FLAG " + f));
    }

    /** Every figure of a pair that applies to its scale. */
    static String figures(PairAgreement p) {
        List<String> parts = new ArrayList<>();
        parts.add("n=" + p.items());
        if (p.percentAgreement() != null) {
            parts.add("agreement " + figure(p.percentAgreement()));
        }
        if (p.kappa() != null) {
            parts.add("kappa " + coefficient(p.kappa()));
        }
        if (p.linearKappa() != null) {
            parts.add("linear kappa " + coefficient(p.linearKappa()));
        }
        if (p.quadraticKappa() != null) {
            parts.add("quadratic kappa " + coefficient(p.quadraticKappa()));
        }
        parts.add("alpha " + coefficient(p.alpha()));
        if (p.spearman() != null) {
            parts.add("Spearman " + rank(p.spearman()));
            parts.add("Kendall " + rank(p.kendall()));
        }
        if (p.withoutTies() != null) {
            parts.add(String.format(Locale.ROOT, "without ties (n=%d): agreement %s, kappa %s", p.withoutTies().items(),
                    figure(p.withoutTies().percentAgreement()), coefficient(p.withoutTies().kappa())));
        }
        return String.join("; ", parts);
    }

    private static String coefficient(Coefficient c) {
        return c.reading() == null ? figure(c.figure()) : figure(c.figure()) + " " + c.reading();
    }

    private static String figure(AgreementFigure f) {
        if (f == null || !f.defined()) {
            return "undefined";
        }
        return GapTable.range(f.estimate(), f.interval(), "%.3f");
    }

    private static String signed(AgreementFigure f) {
        if (!f.defined()) {
            return "undefined";
        }
        return GapTable.range(f.estimate(), f.interval(), "%+.3f");
    }

    private static String rank(RankCorrelationResult r) {
        if (r == null || !r.defined()) {
            return "undefined";
        }
        return GapTable.range(r.estimate(), r.interval(), "%.2f") + " n=" + r.n();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
