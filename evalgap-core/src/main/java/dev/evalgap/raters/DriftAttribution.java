package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Splits the change of the composite score between two periods into the part of the system's outputs,
 * of the judges and of the humans, by holding each fixed in turn on the anchor set.
 *
 * <p>An anchor item is a fixed output rated again in every period, so a change in its ratings is the
 * raters' change. In period t, let \(\bar J_t\) and \(\bar H_t\) be the judges' and the humans' mean score
 * over the system's (non-anchor) items of t, an item's score being the mean of its raters of that
 * population; the composite is \(C_t = w_J \bar J_t + w_H \bar H_t\) with \(w_J = w_H = ½\) (\(w = 1\) for
 * the only population that rated system items in both periods). Over the anchor items rated by both
 * populations in both periods, \(\Delta J_a\) and \(\Delta H_a\) are the mean changes of an anchor's judge
 * and human score. Holding the raters fixed at period 1 means removing their anchor change from period
 * 2's means (rater drift taken as a shift common to all outputs):
 * <ul>
 *   <li>judges \(= w_J \Delta J_a\), humans \(= w_H \Delta H_a\);</li>
 *   <li>system \(= (C_2 - C_1) - \text{judges} - \text{humans}\), i.e. the change the composite would show
 *       had neither population changed.</li>
 * </ul>
 * The parts add up to the change exactly. Intervals: one bootstrap over the union of the anchor items and
 * the two periods' system items (an item carries all its ratings), the same resamples for all four
 * figures. A rater change that is not a common shift (a judge that starts rewarding length) is split
 * correctly only as far as the anchors resemble the system's outputs (e.g. in length); what differs
 * lands in the system part.
 */
final class DriftAttribution {

    static final List<String> METHOD = List.of(
            "anchor item: a fixed output rated again in every period; a change in its ratings is the raters' change",
            "composite C_t = w_J * mean judge score + w_H * mean human score over the system's (non-anchor) items "
                    + "of period t; w = 1/2 each (1 for the only population that rated system items in both periods)",
            "judges part = w_J * mean change of the judges' score of the anchors rated by both populations in both "
                    + "periods; humans part = w_H * the same for the humans",
            "system part = (C_to - C_from) - judges part - humans part: the change with the raters held fixed",
            "attributed to the largest part whose interval excludes 0 (unclear when none does)");

    private static final double EPS = 1e-12;

    private final ScaleContext context;

    DriftAttribution(ScaleContext context) {
        this.context = context;
    }

    DriftReport run(List<Rating> ratings) {
        List<String> skipped = new ArrayList<>();
        List<DriftStep> steps = new ArrayList<>();
        if (!context.scale().kind().hasMean()) {
            skipped.add("a nominal scale has no mean score to split");
            return new DriftReport(METHOD, steps, skipped, List.of());
        }
        Set<String> anchors = new HashSet<>();
        Map<String, List<Rating>> byPeriod = new TreeMap<>();
        for (Rating r : ratings) {
            if (r.isAnchor()) {
                anchors.add(r.itemId());
            }
            if (r.period() != null) {
                byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
            }
        }
        if (anchors.isEmpty()) {
            skipped.add("no anchor items (anchor: true): rater drift cannot be told from a system change");
            return new DriftReport(METHOD, steps, skipped, List.of());
        }
        Map<String, PeriodScores> scores = new TreeMap<>();
        byPeriod.forEach((p, rs) -> scores.put(p, PeriodScores.of(context.table(rs), anchors)));
        List<String> periods = List.copyOf(scores.keySet());
        for (int i = 1; i < periods.size(); i++) {
            step(scores, periods.get(i - 1), periods.get(i), steps, skipped);
        }
        if (periods.size() > 2) {
            step(scores, periods.get(0), periods.get(periods.size() - 1), steps, skipped);
        }
        if (periods.size() < 2) {
            skipped.add("ratings with a timestamp fall in " + periods.size() + " period(s); a split needs two");
        }
        return new DriftReport(METHOD, steps, skipped, changedAnchorOutputs(ratings, anchors));
    }

    private void step(Map<String, PeriodScores> scores, String from, String to, List<DriftStep> steps,
                      List<String> skipped) {
        PeriodScores a = scores.get(from);
        PeriodScores b = scores.get(to);
        List<Unit> units = new ArrayList<>();
        a.anchors().forEach((item, s1) -> {
            ItemScore s2 = b.anchors().get(item);
            if (s1.complete() && s2 != null && s2.complete()) {
                units.add(new Unit(Role.ANCHOR, s2.judge() - s1.judge(), s2.human() - s1.human()));
            }
        });
        int anchorItems = units.size();
        a.system().values().forEach(s -> units.add(new Unit(Role.FROM, s.judge(), s.human())));
        b.system().values().forEach(s -> units.add(new Unit(Role.TO, s.judge(), s.human())));
        boolean judges = a.hasSystem(ItemScore::judge) && b.hasSystem(ItemScore::judge);
        boolean humans = a.hasSystem(ItemScore::human) && b.hasSystem(ItemScore::human);
        String pair = from + " -> " + to;
        if (!judges && !humans) {
            skipped.add(pair + ": no population rated system (non-anchor) items in both periods");
            return;
        }
        if (anchorItems == 0) {
            skipped.add(pair + ": no anchor item was rated by judges and humans in both periods");
            return;
        }
        double wJ = judges ? (humans ? 0.5 : 1) : 0;
        double wH = 1 - wJ;
        Unit[] all = units.toArray(new Unit[0]);
        Split split = new Split(all, wJ, wH);
        Object[] name = {"drift", from, to};
        AgreementFigure change = context.bootstrap().run(all.length, split::change, name);
        AgreementFigure judgePart = context.bootstrap().run(all.length, split::judges, name);
        AgreementFigure humanPart = context.bootstrap().run(all.length, split::humans, name);
        AgreementFigure system = context.bootstrap().run(all.length, split::system, name);
        steps.add(new DriftStep(from, to, anchorItems, a.system().size(), b.system().size(), wJ, wH,
                a.composite(wJ, wH), b.composite(wJ, wH), change, system, judgePart, humanPart,
                attribution(system, judgePart, humanPart)));
    }

    private static String attribution(AgreementFigure system, AgreementFigure judges, AgreementFigure humans) {
        record Part(String name, AgreementFigure figure) {
        }
        return List.of(new Part("system", system), new Part("judges", judges), new Part("humans", humans)).stream()
                .filter(p -> p.figure().interval() != null && !p.figure().interval().contains(0)
                        && Math.abs(p.figure().estimate()) > EPS)
                .max(Comparator.comparingDouble(p -> Math.abs(p.figure().estimate())))
                .map(Part::name).orElse("unclear");
    }

    /** Anchors must be fixed outputs: one whose recorded length differs between its ratings is suspect. */
    private static List<String> changedAnchorOutputs(List<Rating> ratings, Set<String> anchors) {
        Map<String, Set<Long>> lengths = new TreeMap<>();
        for (Rating r : ratings) {
            if (anchors.contains(r.itemId()) && r.outputLength() != null) {
                lengths.computeIfAbsent(r.itemId(), k -> new java.util.TreeSet<>()).add(r.outputLength());
            }
        }
        List<String> out = new ArrayList<>();
        lengths.forEach((item, ls) -> {
            if (ls.size() > 1) {
                out.add("anchor item " + item + " has output lengths " + ls + ": an anchor should be a fixed output");
            }
        });
        return out;
    }

    private enum Role { ANCHOR, FROM, TO }

    /** An anchor's judge and human change, or a system item's judge and human score (NaN when absent). */
    private record Unit(Role role, double judge, double human) {
    }

    /** The composite change and its parts on a multiset of units. */
    private record Split(Unit[] units, double wJ, double wH) {

        double judges(int[] idx) {
            return wJ == 0 ? 0 : wJ * mean(idx, Role.ANCHOR, Unit::judge);
        }

        double humans(int[] idx) {
            return wH == 0 ? 0 : wH * mean(idx, Role.ANCHOR, Unit::human);
        }

        double change(int[] idx) {
            double c = 0;
            if (wJ > 0) {
                c += wJ * (mean(idx, Role.TO, Unit::judge) - mean(idx, Role.FROM, Unit::judge));
            }
            if (wH > 0) {
                c += wH * (mean(idx, Role.TO, Unit::human) - mean(idx, Role.FROM, Unit::human));
            }
            return c;
        }

        double system(int[] idx) {
            return change(idx) - judges(idx) - humans(idx);
        }

        /** Mean of the present values of the drawn units of one role; NaN when there is none. */
        private double mean(int[] idx, Role role, ToDoubleFunction<Unit> value) {
            double sum = 0;
            int n = 0;
            for (int i : idx) {
                Unit u = units[i];
                double v = value.applyAsDouble(u);
                if (u.role() == role && !Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /** One item's mean judge and mean human score in one period; NaN for a population that did not rate it. */
    private record ItemScore(double judge, double human) {

        boolean complete() {
            return !Double.isNaN(judge) && !Double.isNaN(human);
        }
    }

    /** The item scores of one period, anchors and system items apart. */
    private record PeriodScores(Map<String, ItemScore> anchors, Map<String, ItemScore> system) {

        static PeriodScores of(VerdictTable table, Set<String> anchorIds) {
            Map<String, List<Verdict>> judges = table.byItem(table.raters(RaterKind.JUDGE));
            Map<String, List<Verdict>> humans = table.byItem(table.raters(RaterKind.HUMAN));
            Map<String, ItemScore> anchors = new TreeMap<>();
            Map<String, ItemScore> system = new TreeMap<>();
            for (String item : table.items()) {
                ItemScore s = new ItemScore(mean(judges.get(item)), mean(humans.get(item)));
                (anchorIds.contains(item) ? anchors : system).put(item, s);
            }
            return new PeriodScores(anchors, system);
        }

        private static double mean(List<Verdict> verdicts) {
            return verdicts == null ? Double.NaN
                    : verdicts.stream().mapToDouble(Verdict::value).average().orElse(Double.NaN);
        }

        boolean hasSystem(ToDoubleFunction<ItemScore> population) {
            return system.values().stream().anyMatch(s -> !Double.isNaN(population.applyAsDouble(s)));
        }

        double composite(double wJ, double wH) {
            double c = 0;
            if (wJ > 0) {
                c += wJ * system.values().stream().mapToDouble(ItemScore::judge).filter(v -> !Double.isNaN(v))
                        .average().orElse(Double.NaN);
            }
            if (wH > 0) {
                c += wH * system.values().stream().mapToDouble(ItemScore::human).filter(v -> !Double.isNaN(v))
                        .average().orElse(Double.NaN);
            }
            return c;
        }
    }
}
