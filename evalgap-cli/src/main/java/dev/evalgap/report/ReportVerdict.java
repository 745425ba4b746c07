package dev.evalgap.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.check.CheckItem;
import dev.evalgap.check.CheckResult;
import dev.evalgap.trend.ProductionWeightedScore;
import dev.evalgap.trend.Rate;
import dev.evalgap.trend.ReleaseTrend;
import dev.evalgap.trend.ReleaseWeightedScore;
import dev.evalgap.trend.TrendResult;
import dev.evalgap.trend.WindowTrend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header of the report: a few plain sentences a reader understands without the docs — how the
 * offline score, the gap and the user feedback moved, what the shown window's traffic is missing, and
 * whether the gate passes.
 */
public final class ReportVerdict {

    /** Moves smaller than this (on a 0–1 figure) read as "stayed". */
    private static final double STEADY = 0.005;

    private ReportVerdict() {
    }

    /**
     * @param trend the timeline
     * @param gap   the stored gap result of the shown window (masked), or null
     * @param check the gate on that window, or null
     */
    public static List<String> lines(TrendResult trend, JsonNode gap, CheckResult check) {
        List<String> out = new ArrayList<>();
        headline(trend).ifPresent(out::add);
        if (gap != null && gap.hasNonNull("verdict")) {
            out.add(gap.get("verdict").asText());
        }
        weighted(trend.productionWeighted()).ifPresent(out::add);
        trend.agreement().alerts().stream().limit(2).forEach(out::add);
        if (check != null) {
            out.add(gate(check));
        }
        if (out.isEmpty()) {
            out.add("Nothing to compare yet: ingest runs (offline scores per release), traffic and cases, then run "
                    + "`evalgap gap --window all`.");
        }
        return out;
    }

    private static java.util.Optional<String> headline(TrendResult trend) {
        List<ReleaseTrend> scored = trend.releases().stream().filter(r -> r.offline() != null).toList();
        List<WindowTrend> gaps = trend.windows().stream().filter(w -> w.gap() != null).toList();
        if (scored.size() < 2) {
            return java.util.Optional.empty();
        }
        ReleaseTrend first = scored.get(0);
        ReleaseTrend last = scored.get(scored.size() - 1);
        double scoreFrom = first.offline().mean();
        double scoreTo = last.offline().mean();
        StringBuilder s = new StringBuilder("The offline score " + move(scoreFrom, first.release(), scoreTo,
                last.release(), "%.2f", 1, "rose", "fell"));
        List<String> against = new ArrayList<>();
        if (gaps.size() >= 2) {
            WindowTrend g0 = gaps.get(0);
            WindowTrend g1 = gaps.get(gaps.size() - 1);
            double from = g0.gap().gapScore();
            double to = g1.gap().gapScore();
            against.add("the gap to production " + move(from, g0.window(), to, g1.window(), "%.2f", 1, "grew",
                    "shrank"));
        }
        Rate up0 = first.online() == null ? null : first.online().thumbsUp();
        Rate up1 = last.online() == null ? null : last.online().thumbsUp();
        if (up0 != null && up1 != null && up0.n() > 0 && up1.n() > 0) {
            against.add("the thumbs-up rate " + move(up0.value(), "n=" + up0.n(), up1.value(), "n=" + up1.n(), "%.0f%%",
                    100, "rose", "fell"));
        }
        if (!against.isEmpty()) {
            s.append(" while ").append(String.join(" and ", against));
        }
        s.append('.');
        boolean scoreUp = scoreTo - scoreFrom > STEADY;
        boolean gapUp = gaps.size() >= 2
                && gaps.get(gaps.size() - 1).gap().gapScore() - gaps.get(0).gap().gapScore() > STEADY;
        boolean feedbackDown = up0 != null && up1 != null && up0.n() > 0 && up1.n() > 0
                && up0.value() - up1.value() > STEADY;
        if (scoreUp && (gapUp || feedbackDown)) {
            s.append(" The score gain is not evidence of a better product: the eval set no longer looks like what "
                    + "users ask.");
        }
        return java.util.Optional.of(s.toString());
    }

    private static java.util.Optional<String> weighted(ProductionWeightedScore w) {
        if (w == null || w.releases() == null || w.releases().size() < 2) {
            return java.util.Optional.empty();
        }
        if (w.fall() != null && w.fall().detected()) {
            return java.util.Optional.of(w.fall().message());
        }
        ReleaseWeightedScore a = w.releases().get(0);
        ReleaseWeightedScore b = w.releases().get(w.releases().size() - 1);
        return java.util.Optional.of("Re-weighted to the topic mix of " + w.window() + "'s production, the offline "
                + "score " + move(a.weighted(), a.release(), b.weighted(), b.release(), "%.2f", 1, "rose", "fell")
                + "; unweighted it " + move(a.unweighted(), a.release(), b.unweighted(), b.release(), "%.2f", 1, "rose",
                "fell") + ".");
    }

    private static String gate(CheckResult check) {
        List<String> failed = check.checks().stream().filter(c -> c.status() == CheckItem.Status.FAIL)
                .map(CheckItem::message).toList();
        if (failed.isEmpty()) {
            return String.format(Locale.ROOT, "evalgap check on %s: PASSED (%d checks, %d skipped).", check.window(),
                    check.checks().size(), check.skipped());
        }
        return String.format(Locale.ROOT, "evalgap check on %s: FAILED %d of %d checks: %s", check.window(),
                failed.size(), check.checks().size(), String.join("; ", failed));
    }

    /** "rose from 0.62 (r1) to 0.86 (r8)", or "stayed at 0.62 (r1 to r8)"; values shown as {@code scale * value}. */
    private static String move(double from, String fromLabel, double to, String toLabel, String format, double scale,
                               String up, String down) {
        String a = String.format(Locale.ROOT, format, scale * from);
        String b = String.format(Locale.ROOT, format, scale * to);
        if (Math.abs(to - from) <= STEADY) {
            return "stayed at " + b + " (" + fromLabel + " to " + toLabel + ")";
        }
        return (to > from ? up : down) + " from " + a + " (" + fromLabel + ") to " + b + " (" + toLabel + ")";
    }
}
