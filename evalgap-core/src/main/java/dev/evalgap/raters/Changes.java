package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed over time in one scale's ratings, in words: each rater's version changes (when it started
 * rating under a new judge version or cohort) and steps between consecutive periods, so a silent judge
 * upgrade shows. A step is reported when the intervals of two consecutive periods do not overlap: the
 * agreement of a judge with the human consensus (κ, or α on an interval scale), or the judges' mean score
 * while the humans' mean did not move the same way.
 */
final class Changes {

    private Changes() {
    }

    static List<String> of(List<Rating> ratings, List<ScopedFigures> byPeriod) {
        List<String> out = new ArrayList<>(versionChanges(ratings));
        for (int i = 1; i < byPeriod.size(); i++) {
            out.addAll(steps(byPeriod.get(i - 1), byPeriod.get(i)));
        }
        return out;
    }

    private static List<String> versionChanges(List<Rating> ratings) {
        Map<String, Map<String, List<String>>> periodsByVersion = new TreeMap<>();
        ratings.stream().filter(r -> r.period() != null).sorted(VerdictTable.CHRONOLOGICAL).forEach(r ->
                periodsByVersion.computeIfAbsent(r.rater(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(Objects.toString(r.raterVersion(), "(none)"), k -> new ArrayList<>())
                        .add(r.period()));
        List<String> out = new ArrayList<>();
        periodsByVersion.forEach((rater, versions) -> {
            if (versions.size() < 2) {
                return;
            }
            List<String> parts = new ArrayList<>();
            versions.forEach((version, periods) -> parts.add(version + " (" + span(periods) + ")"));
            out.add("rater " + rater + " changed version: " + String.join(" then ", parts));
        });
        return out;
    }

    private static String span(List<String> periods) {
        String first = periods.stream().min(String::compareTo).orElseThrow();
        String last = periods.stream().max(String::compareTo).orElseThrow();
        return first.equals(last) ? first : first + ".." + last;
    }

    private static List<String> steps(ScopedFigures a, ScopedFigures b) {
        List<String> out = new ArrayList<>();
        String pair = a.value() + " -> " + b.value();
        for (ConsensusAgreement ca : a.judgesVsHumans()) {
            b.judgesVsHumans().stream().filter(cb -> cb.agreement().second().equals(ca.agreement().second()))
                    .findFirst().ifPresent(cb -> {
                        Coefficient before = headline(ca.agreement());
                        Coefficient after = headline(cb.agreement());
                        if (disjoint(before.figure(), after.figure())) {
                            out.add(String.format(Locale.ROOT, "%s: judge %s's agreement with the human consensus "
                                            + "moved from %s to %s", pair, ca.agreement().second(),
                                    show(before.figure()), show(after.figure())));
                        }
                    });
        }
        if (a.judgeMean() != null && b.judgeMean() != null && disjoint(a.judgeMean(), b.judgeMean())) {
            boolean humansMoved = a.humanMean() != null && b.humanMean() != null
                    && disjoint(a.humanMean(), b.humanMean());
            out.add(String.format(Locale.ROOT, "%s: the judges' mean score moved from %s to %s%s", pair,
                    show(a.judgeMean()), show(b.judgeMean()), a.humanMean() == null || b.humanMean() == null ? ""
                            : humansMoved ? " and the humans' moved too (" + show(a.humanMean()) + " to "
                            + show(b.humanMean()) + ")" : " while the humans' did not (" + show(a.humanMean()) + " to "
                            + show(b.humanMean()) + ")"));
        }
        return out;
    }

    /** κ on categorical scales, α on an interval scale. */
    private static Coefficient headline(PairAgreement p) {
        return p.kappa() != null ? p.kappa() : p.alpha();
    }

    private static boolean disjoint(AgreementFigure x, AgreementFigure y) {
        Interval i = x.interval();
        Interval j = y.interval();
        return i != null && j != null && (i.high() < j.low() || j.high() < i.low());
    }

    private static String show(AgreementFigure f) {
        return f.interval() == null ? String.format(Locale.ROOT, "%.3f", f.estimate())
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", f.estimate(), f.interval().low(),
                f.interval().high());
    }
}
