package dev.evalgap.raters;

import dev.evalgap.stats.RankCorrelation;
import dev.evalgap.stats.RankCorrelationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judge biases of one scale as figures: length (score against output length, raw and after controlling
 * for the human score), position (pairwise: verdicts that change with the order shown, and the share won
 * by the output shown first) and self-preference (the judge against the humans on outputs of each model
 * family). The human side is the human consensus ({@link Consensus}).
 */
final class JudgeBias {

    private final ScaleContext context;

    JudgeBias(ScaleContext context) {
        this.context = context;
    }

    JudgeBiasReport run(List<Rating> ratings) {
        VerdictTable table = context.table(ratings);
        List<String> judges = table.raters(RaterKind.JUDGE);
        List<String> humans = table.raters(RaterKind.HUMAN);
        Map<String, Verdict> consensus = humans.isEmpty() ? Map.of() : table.consensus(humans, new ArrayList<>());
        Map<String, ItemOutput> outputs = ItemOutput.of(ratings);
        List<String> notes = new ArrayList<>();
        List<LengthBias> length = new ArrayList<>();
        List<PositionBias> position = new ArrayList<>();
        List<SelfPreference> self = new ArrayList<>();
        ScaleKind kind = context.scale().kind();
        if (judges.isEmpty()) {
            notes.add("no judge ratings (rater_kind: judge)");
        } else if (!kind.hasMean()) {
            notes.add("length bias and self-preference need scores with a mean; a nominal scale has none");
        }
        if (outputs.values().stream().noneMatch(o -> o.length() != null) && !judges.isEmpty() && kind.hasMean()) {
            notes.add("no output_len: length bias not computed");
        }
        if (outputs.values().stream().noneMatch(o -> o.model() != null) && !judges.isEmpty() && kind.hasMean()) {
            notes.add("no output_model: self-preference not computed");
        }
        for (String judge : judges) {
            Map<String, Verdict> verdicts = table.of(judge);
            if (kind.hasMean()) {
                List<String> versions = versions(judge, ratings);
                for (String version : versions) {
                    Map<String, Verdict> ofVersion = versions.size() == 1 ? verdicts : context.table(ratings.stream()
                            .filter(r -> !r.rater().equals(judge) || Objects.equals(r.raterVersion(), version))
                            .toList()).of(judge);
                    LengthBias l = kind == ScaleKind.PAIRWISE
                            ? pairwiseLength(judge, version, ofVersion, consensus, outputs)
                            : gradedLength(judge, version, ofVersion, consensus, outputs);
                    if (l != null) {
                        length.add(l);
                    }
                }
                self.addAll(selfPreference(judge, ownNames(judge, ratings), verdicts, consensus, outputs));
            }
            if (kind == ScaleKind.PAIRWISE) {
                PositionBias p = position(judge, ratings);
                if (p != null) {
                    position.add(p);
                }
            }
        }
        if (kind == ScaleKind.PAIRWISE && !judges.isEmpty() && position.isEmpty()) {
            notes.add("no shown_first on judge ratings: position bias not computed");
        }
        return new JudgeBiasReport(length, position, self, notes);
    }

    /** The judge's versions in the order they first rated (by period); null stands for unversioned verdicts. */
    private static List<String> versions(String judge, List<Rating> ratings) {
        Set<String> versions = new LinkedHashSet<>();
        ratings.stream().filter(r -> r.rater().equals(judge))
                .sorted(Comparator.comparing(Rating::period, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(r -> versions.add(r.raterVersion()));
        return new ArrayList<>(versions);
    }

    private LengthBias gradedLength(String judge, String version, Map<String, Verdict> verdicts,
                                    Map<String, Verdict> consensus, Map<String, ItemOutput> outputs) {
        List<double[]> raw = new ArrayList<>();
        List<double[]> controlled = new ArrayList<>();
        verdicts.forEach((item, v) -> {
            Long len = outputs.get(item).length();
            if (len == null) {
                return;
            }
            raw.add(new double[] {len, v.value()});
            Verdict h = consensus.get(item);
            if (h != null) {
                controlled.add(new double[] {len, v.value() - h.value(), h.value()});
            }
        });
        if (raw.isEmpty()) {
            return null;
        }
        return new LengthBias(judge, version, raw.size(),
                spearman(raw, 1, "length", judge, version),
                controlled.isEmpty() ? null : spearman(controlled, 1, "length excess", judge, version),
                controlled.isEmpty() ? null : spearman(controlled, 2, "length humans", judge, version), 0, null, null);
    }

    private RankCorrelationResult spearman(List<double[]> rows, int column, Object... name) {
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[column]).toArray();
        return context.bootstrap().rank(RankCorrelation.Method.SPEARMAN, x, y, name);
    }

    private LengthBias pairwiseLength(String judge, String version, Map<String, Verdict> verdicts,
                                      Map<String, Verdict> consensus, Map<String, ItemOutput> outputs) {
        List<double[]> rows = new ArrayList<>();
        verdicts.forEach((item, v) -> {
            ItemOutput o = outputs.get(item);
            Verdict h = consensus.get(item);
            if (o.length() == null || o.lengthB() == null || o.length().equals(o.lengthB()) || h == null
                    || v.value() == 0.5 || h.value() == 0.5) {
                return;
            }
            double longerIsA = o.length() > o.lengthB() ? 1 : 0;
            rows.add(new double[] {v.value() == longerIsA ? 1 : 0, h.value() == longerIsA ? 1 : 0});
        });
        if (rows.isEmpty()) {
            return null;
        }
        double[] judgeLonger = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] humansLonger = rows.stream().mapToDouble(r -> r[1]).toArray();
        return new LengthBias(judge, version, rows.size(), null, null, null, rows.size(),
                context.bootstrap().run(rows.size(), idx -> FigureBootstrap.mean(judgeLonger, idx), "longer", judge,
                        version),
                context.bootstrap().run(rows.size(), idx -> FigureBootstrap.mean(humansLonger, idx), "longer", judge,
                        version));
    }

    private PositionBias position(String judge, List<Rating> ratings) {
        Map<String, Map<String, Rating>> latestPerOrder = new TreeMap<>();
        ratings.stream().filter(r -> r.rater().equals(judge) && r.usable() && r.shownFirst() != null)
                .sorted(VerdictTable.CHRONOLOGICAL)
                .forEach(r -> latestPerOrder.computeIfAbsent(r.itemId(), k -> new HashMap<>()).put(r.shownFirst(), r));
        if (latestPerOrder.isEmpty()) {
            return null;
        }
        List<Double> changed = new ArrayList<>();
        int reversals = 0;
        List<double[]> firstWins = new ArrayList<>();
        for (Map<String, Rating> orders : latestPerOrder.values()) {
            Rating a = orders.get("A");
            Rating b = orders.get("B");
            if (a != null && b != null) {
                changed.add(a.label().equals(b.label()) ? 0.0 : 1.0);
                boolean decisiveBoth = !a.label().equals("tie") && !b.label().equals("tie");
                reversals += decisiveBoth && !a.label().equals(b.label()) ? 1 : 0;
            }
            double wins = 0;
            double decisive = 0;
            for (Rating r : orders.values()) {
                if (!r.label().equals("tie")) {
                    decisive++;
                    wins += r.label().equals(r.shownFirst()) ? 1 : 0;
                }
            }
            firstWins.add(new double[] {wins, decisive});
        }
        double[] changes = changed.stream().mapToDouble(Double::doubleValue).toArray();
        int decisiveRatings = (int) firstWins.stream().mapToDouble(r -> r[1]).sum();
        return new PositionBias(judge, changes.length,
                context.bootstrap().run(changes.length, idx -> FigureBootstrap.mean(changes, idx), "order changes",
                        judge), reversals, decisiveRatings, context.bootstrap().run(firstWins.size(), idx -> {
                    double wins = 0;
                    double decisive = 0;
                    for (int i : idx) {
                        wins += firstWins.get(i)[0];
                        decisive += firstWins.get(i)[1];
                    }
                    return decisive == 0 ? Double.NaN : wins / decisive;
                }, "first shown", judge));
    }

    private List<SelfPreference> selfPreference(String judge, Set<String> ownNames, Map<String, Verdict> verdicts,
                                                Map<String, Verdict> consensus, Map<String, ItemOutput> outputs) {
        boolean pairwise = context.scale().kind() == ScaleKind.PAIRWISE;
        Map<String, List<double[]>> byFamily = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        verdicts.forEach((item, v) -> {
            Verdict h = consensus.get(item);
            ItemOutput o = outputs.get(item);
            if (h == null || o.model() == null) {
                return;
            }
            if (!pairwise) {
                byFamily.computeIfAbsent(o.model(), k -> new ArrayList<>()).add(new double[] {v.value(), h.value()});
            } else if (o.modelB() != null && !o.model().equalsIgnoreCase(o.modelB())) {
                // the family of output A wins with the value, output B's with its complement
                byFamily.computeIfAbsent(o.model(), k -> new ArrayList<>()).add(new double[] {v.value(), h.value()});
                byFamily.computeIfAbsent(o.modelB(), k -> new ArrayList<>())
                        .add(new double[] {1 - v.value(), 1 - h.value()});
            }
        });
        List<SelfPreference> out = new ArrayList<>();
        byFamily.forEach((family, rows) -> {
            double[] j = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] h = rows.stream().mapToDouble(r -> r[1]).toArray();
            double[] d = rows.stream().mapToDouble(r -> r[0] - r[1]).toArray();
            String key = family.toLowerCase(Locale.ROOT);
            boolean own = ownNames.stream().anyMatch(n -> n.contains(key));
            out.add(new SelfPreference(judge, family, own, rows.size(),
                    context.bootstrap().run(j.length, idx -> FigureBootstrap.mean(j, idx), "self", judge, key),
                    context.bootstrap().run(h.length, idx -> FigureBootstrap.mean(h, idx), "self", judge, key),
                    context.bootstrap().run(d.length, idx -> FigureBootstrap.mean(d, idx), "self", judge, key)));
        });
        return out;
    }

    /** The judge's id and versions, lower-case: a family named in one of them is the judge's own. */
    private static Set<String> ownNames(String judge, List<Rating> ratings) {
        Set<String> names = new TreeSet<>();
        names.add(judge.toLowerCase(Locale.ROOT));
        ratings.stream().filter(r -> r.rater().equals(judge)).map(Rating::raterVersion).filter(Objects::nonNull)
                .forEach(v -> names.add(v.toLowerCase(Locale.ROOT)));
        return names;
    }
}
