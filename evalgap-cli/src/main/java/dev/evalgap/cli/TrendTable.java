package dev.evalgap.cli;

import dev.evalgap.stats.Interval;
import dev.evalgap.stats.RankCorrelationResult;
import dev.evalgap.trend.Agreement;
import dev.evalgap.trend.FeedbackKpis;
import dev.evalgap.trend.GapPoint;
import dev.evalgap.trend.IngestedKpi;
import dev.evalgap.trend.KpiAgreement;
import dev.evalgap.trend.MeanFigure;
import dev.evalgap.trend.OfflineScore;
import dev.evalgap.trend.ProductionWeightedScore;
import dev.evalgap.trend.Rate;
import dev.evalgap.trend.ReleaseTrend;
import dev.evalgap.trend.ReleaseWeightedScore;
import dev.evalgap.trend.ScoreGapFlag;
import dev.evalgap.trend.SignAgreement;
import dev.evalgap.trend.TagScore;
import dev.evalgap.trend.TrendResult;
import dev.evalgap.trend.WindowTrend;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The human-readable timeline: every figure with its n and interval, then flags and alerts. */
final class TrendTable {

    private static final int TAGS_SHOWN = 12;

    private TrendTable() {
    }

    static void print(TrendResult r, PrintWriter out) {
        int level = (int) Math.round(100 * r.confidence());
        out.printf(Locale.ROOT, "trend: %s; %d releases, %d windows; %d%% intervals (bootstrap B = %d, seed %d; "
                        + "rates: Wilson)%n%n",
                r.setName() == null ? "no eval set (offline scores over every scored case)"
                        : String.format(Locale.ROOT, "eval set '%s' v%d (%d cases)", r.setName(), r.setVersion(),
                        r.setCases()),
                r.releases().size(), r.windows().size(), level, r.bootstrapResamples(), r.seed());
        printWindows(r.windows(), out);
        out.println();
        printReleases(r.releases(), out);
        printTags(r.releases(), out);
        printFlags(r.scoreUpGapUp(), out);
        printAgreement(r.agreement(), out);
        printWeighted(r.productionWeighted(), out);
        TrendSealTable.print(r, out);
        printIngested(r.ingested(), out);
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(n -> out.println("note: " + n));
        }
        out.println();
        out.println("Rates are shares of the records carrying the signal (absent feedback is not negative feedback); "
                + "! = explicit feedback on fewer than 5% of interactions (selection bias). A window's offline score is "
                + "the newest release live in it; its gap is the latest stored `evalgap gap` result.");
    }

    private static void printWindows(List<WindowTrend> windows, PrintWriter out) {
        out.println("by window");
        String header = String.format(Locale.ROOT, "%-9s %-12s %-27s %-21s %-17s %-30s %-30s %-27s %s", "window",
                "releases", "offline (newest release)", "gap score", "rel. coverage", "thumbs-up", "retry",
                "CSAT", "explicit");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (WindowTrend w : windows) {
            GapPoint g = w.gap();
            out.printf(Locale.ROOT, "%-9s %-12s %-27s %-21s %-17s %-30s %-30s %-27s %s%n", w.window(),
                    truncate(String.join(",", w.releases()), 12),
                    w.offlineScore() == null ? "n/a"
                            : w.release() + " " + range(w.offlineScore(), w.offlineInterval(), "%.3f"),
                    g == null ? "not computed" : range(g.gapScore(), g.gapInterval(), "%.3f"),
                    g == null || g.relativeCoverage() == null ? "n/a"
                            : range(g.relativeCoverage(), g.relativeCoverageInterval(), "%.2f"),
                    rate(w.online().thumbsUp()), rate(w.online().retry()), mean(w.online().csat()),
                    explicit(w.online()));
        }
    }

    private static void printReleases(List<ReleaseTrend> releases, PrintWriter out) {
        out.println("by release (in order of first traffic)");
        String header = String.format(Locale.ROOT, "%-8s %-17s %-28s %-30s %-30s %-30s %-30s %-27s %s", "release",
                "windows", "offline score (cases)", "thumbs-up", "retry", "edit", "abandonment", "CSAT", "explicit");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (ReleaseTrend r : releases) {
            OfflineScore o = r.offline();
            FeedbackKpis k = r.online();
            out.printf(Locale.ROOT, "%-8s %-17s %-28s %-30s %-30s %-30s %-30s %-27s %s%n", truncate(r.release(), 8),
                    windows(r.windows()),
                    o == null ? "no runs" : range(o.mean(), o.interval(), "%.3f") + " (" + o.cases() + ")",
                    k == null ? "no traffic" : rate(k.thumbsUp()), k == null ? "" : rate(k.retry()),
                    k == null ? "" : rate(k.edit()), k == null ? "" : rate(k.abandonment()),
                    k == null ? "" : mean(k.csat()), k == null ? "" : explicit(k));
        }
    }

    /** Per tag: the first and the last release with a score, so a slice that fell while the mean rose shows. */
    private static void printTags(List<ReleaseTrend> releases, PrintWriter out) {
        List<ReleaseTrend> scored = releases.stream().filter(r -> r.offline() != null).toList();
        if (scored.size() < 2 || scored.get(0).offline().byTag().isEmpty()) {
            return;
        }
        ReleaseTrend first = scored.get(0);
        ReleaseTrend last = scored.get(scored.size() - 1);
        Map<String, TagScore> from = new TreeMap<>();
        first.offline().byTag().forEach(t -> from.put(t.tag(), t));
        out.println();
        out.printf(Locale.ROOT, "offline score by case tag, %s -> %s (all releases: --json)%n", first.release(),
                last.release());
        out.printf(Locale.ROOT, "  %-24s %-30s %-30s %s%n", "tag", first.release() + " (cases)",
                last.release() + " (cases)", "change");
        List<TagScore> tags = last.offline().byTag().stream()
                .sorted((a, b) -> Integer.compare(b.cases(), a.cases())).toList();
        for (TagScore t : tags.subList(0, Math.min(TAGS_SHOWN, tags.size()))) {
            TagScore f = from.get(t.tag());
            out.printf(Locale.ROOT, "  %-24s %-30s %-30s %s%n", truncate(t.tag(), 24),
                    f == null ? "n/a" : range(f.mean(), f.interval(), "%.3f") + " (" + f.cases() + ")",
                    range(t.mean(), t.interval(), "%.3f") + " (" + t.cases() + ")",
                    f == null ? "" : String.format(Locale.ROOT, "%+.3f", t.mean() - f.mean()));
        }
        if (tags.size() > TAGS_SHOWN) {
            out.printf(Locale.ROOT, "  ... %d more tags (--json for all)%n", tags.size() - TAGS_SHOWN);
        }
    }

    private static void printFlags(List<ScoreGapFlag> flags, PrintWriter out) {
        out.println();
        if (flags.isEmpty()) {
            out.println("score up while gap up: no such step between windows with stored gap results");
            return;
        }
        out.println("score up while gap up (between consecutive windows with stored gap results)");
        for (ScoreGapFlag f : flags) {
            out.println((f.gapDetected() ? "  FLAG  " : "  weak  ") + f.message());
        }
    }

    private static void printAgreement(Agreement a, PrintWriter out) {
        out.println();
        out.println("offline <-> online agreement across releases");
        out.println("  convention: " + a.convention());
        printAgreementRows("all releases", a.allReleases(), out);
        printAgreementRows("last " + a.lastReleases() + " releases", a.recent(), out);
        if (a.allReleases().isEmpty()) {
            out.println("  no release has both an offline score and an online KPI");
        }
        for (String alert : a.alerts()) {
            out.println("  ALERT " + alert);
        }
    }

    private static void printAgreementRows(String title, List<KpiAgreement> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-18s %-9s %-7s %-27s %-27s %-26s %s%n", title, "better", "n", "Spearman rho",
                "Kendall tau-b", "sign agreement", "status");
        for (KpiAgreement k : rows) {
            out.printf(Locale.ROOT, "  %-18s %-9s %-7s %-27s %-27s %-26s %s%n", truncate(k.kpi(), 18),
                    switch (k.direction()) {
                        case HIGHER_IS_BETTER -> "higher";
                        case LOWER_IS_BETTER -> "lower";
                        case UNKNOWN -> "unknown";
                    }, k.releases().size(), correlation(k.spearman()), correlation(k.kendall()), signs(k.signs()),
                    k.status());
        }
    }

    private static void printWeighted(ProductionWeightedScore p, PrintWriter out) {
        out.println();
        if (p.skipped() != null) {
            out.println("production-weighted offline score: skipped (" + p.skipped() + ")");
            return;
        }
        out.printf(Locale.ROOT, "production-weighted offline score (topic shares of %s)%n", p.window());
        out.println("  method: " + p.method());
        out.printf(Locale.ROOT, "  %-8s %-28s %-10s %-7s %s%n", "release", "weighted", "unweighted", "cases",
                "production share with a case (topics)");
        for (ReleaseWeightedScore r : p.releases()) {
            out.printf(Locale.ROOT, "  %-8s %-28s %-10s %-7d %.1f%% (%d of %d)%n", truncate(r.release(), 8),
                    range(r.weighted(), r.interval(), "%.3f"), String.format(Locale.ROOT, "%.3f", r.unweighted()),
                    r.cases(), 100 * r.representedShare(), r.topicsWithCases(), p.topics());
        }
        if (p.fall() != null) {
            out.println((p.fall().detected() ? "  FLAG  " : "  weak  ") + p.fall().message());
        }
    }

    private static void printIngested(List<IngestedKpi> kpis, PrintWriter out) {
        if (kpis.isEmpty()) {
            return;
        }
        out.println();
        out.println("ingested KPIs (interval: Wilson when the value is a proportion in [0, 1] with its n)");
        out.printf(Locale.ROOT, "  %-22s %-10s %-10s %-30s %s%n", "metric", "release", "window", "value", "n");
        for (IngestedKpi k : kpis) {
            out.printf(Locale.ROOT, "  %-22s %-10s %-10s %-30s %s%n", truncate(k.metric(), 22),
                    k.release() == null ? "-" : truncate(k.release(), 10), k.window() == null ? "-" : k.window(),
                    k.interval() == null ? String.format(Locale.ROOT, "%.4g", k.value())
                            : range(k.value(), k.interval(), "%.4f"),
                    k.n() == null ? "n/a" : String.format(Locale.ROOT, "%,d", k.n()));
        }
    }

    // ---- formatting ------------------------------------------------------------------------

    static String range(double value, Interval i, String format) {
        return GapTable.range(value, i, format);
    }

    static String rate(Rate r) {
        if (!r.defined()) {
            return "n/a (n = 0)";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d", r.value(), r.interval().low(), r.interval().high(),
                r.n());
    }

    static String mean(MeanFigure m) {
        if (!m.defined()) {
            return "n/a (n = 0)";
        }
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] n=%d", m.value(), m.interval().low(), m.interval().high(),
                m.n());
    }

    private static String explicit(FeedbackKpis k) {
        if (!k.explicitFeedback().defined()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%%%s", 100 * k.explicitFeedback().value(),
                k.selectionBiasWarning() ? " !" : "");
    }

    private static String correlation(RankCorrelationResult r) {
        if (!r.defined()) {
            return "undefined";
        }
        return range(r.estimate(), r.interval(), "%.2f");
    }

    private static String signs(SignAgreement s) {
        if (Double.isNaN(s.share())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%d/%d [%.2f, %.2f]", s.agreeing(), s.pairs() - s.ties(), s.interval().low(),
                s.interval().high());
    }

    private static String windows(List<String> windows) {
        if (windows.isEmpty()) {
            return "-";
        }
        String first = windows.get(0);
        String last = windows.get(windows.size() - 1);
        if (first.equals(last)) {
            return first;
        }
        int dash = last.indexOf('-');
        String suffix = first.substring(0, Math.max(0, dash)).equals(last.substring(0, Math.max(0, dash)))
                ? last.substring(dash + 1) : last;
        return first + ".." + suffix;
    }

    private static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
