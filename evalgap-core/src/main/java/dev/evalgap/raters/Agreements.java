package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import dev.evalgap.stats.CohensKappa;
import dev.evalgap.stats.FleissKappa;
import dev.evalgap.stats.KappaWeights;
import dev.evalgap.stats.KrippendorffAlpha;
import dev.evalgap.stats.PercentAgreement;
import dev.evalgap.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes the agreement figures of one scale: two sides on their shared items, a group's consensus
 * against a rater, and many raters at once. Every interval resamples items ({@link FigureBootstrap}); the
 * {@code scope} parts name the figure for its seed (e.g. the period).
 */
final class Agreements {

    private final CategoryCodes codes;
    private final FigureBootstrap bootstrap;

    Agreements(CategoryCodes codes, FigureBootstrap bootstrap) {
        this.codes = codes;
        this.bootstrap = bootstrap;
    }

    private ScaleKind kind() {
        return codes.scale().kind();
    }

    /** Two sides on the items both rated. */
    PairAgreement pair(String first, Map<String, Verdict> a, String second, Map<String, Verdict> b, Object scope) {
        List<String> shared = a.keySet().stream().filter(b::containsKey).sorted().toList();
        int n = shared.size();
        int[] ca = new int[n];
        int[] cb = new int[n];
        double[] xa = new double[n];
        double[] xb = new double[n];
        for (int i = 0; i < n; i++) {
            Verdict va = a.get(shared.get(i));
            Verdict vb = b.get(shared.get(i));
            ca[i] = va.code();
            cb[i] = vb.code();
            xa[i] = va.value();
            xb[i] = vb.value();
        }
        AgreementFigure percent = null;
        Coefficient kappa = null;
        Coefficient linear = null;
        Coefficient quadratic = null;
        if (kind().isCategorical()) {
            percent = bootstrap.run(n, idx -> PercentAgreement.of(FigureBootstrap.pick(ca, idx),
                    FigureBootstrap.pick(cb, idx)), "percent", scope, first, second);
            kappa = kappa(ca, cb, codes.size(), KappaWeights.NONE, "kappa", scope, first, second);
            if (kind() == ScaleKind.ORDINAL) {
                linear = kappa(ca, cb, codes.size(), KappaWeights.LINEAR, "linear kappa", scope, first, second);
                quadratic = kappa(ca, cb, codes.size(), KappaWeights.QUADRATIC, "quadratic kappa", scope, first,
                        second);
            }
        }
        double[][] units = new double[n][];
        for (int i = 0; i < n; i++) {
            units[i] = new double[] {alphaValue(xa[i], ca[i]), alphaValue(xb[i], cb[i])};
        }
        Coefficient alpha = alpha(units, "alpha", scope, first, second);
        boolean ranks = kind().isOrdered();
        var spearman = ranks ? bootstrap.rank(RankCorrelation.Method.SPEARMAN, xa, xb, "spearman", scope, first, second)
                : null;
        var kendall = ranks ? bootstrap.rank(RankCorrelation.Method.KENDALL_TAU_B, xa, xb, "kendall", scope, first,
                second) : null;
        DecisiveAgreement decisive = kind() == ScaleKind.PAIRWISE ? decisive(ca, cb, scope, first, second) : null;
        return new PairAgreement(first, second, n, percent, kappa, linear, quadratic, alpha, spearman, kendall,
                decisive);
    }

    /** A group's consensus against one rater. */
    ConsensusAgreement consensus(VerdictTable table, String group, List<String> groupRaters, String rater,
                                 Object scope) {
        List<String> without = new ArrayList<>();
        Map<String, Verdict> consensus = table.consensus(groupRaters, without);
        PairAgreement agreement = pair(group + " consensus", consensus, rater, table.of(rater), scope);
        return new ConsensusAgreement(group, groupRaters.size(), Consensus.rule(kind()), without.size(), agreement);
    }

    /** Many raters at once: Krippendorff's α and, on categorical scales, Fleiss' κ. */
    MultiRaterAgreement multi(VerdictTable table, String group, List<String> raters, Object scope) {
        Map<String, Verdict[]> rows = new TreeMap<>();
        for (int r = 0; r < raters.size(); r++) {
            int column = r;
            table.of(raters.get(r)).forEach((item, v) ->
                    rows.computeIfAbsent(item, k -> new Verdict[raters.size()])[column] = v);
        }
        List<Verdict[]> pairable = rows.values().stream()
                .filter(row -> present(row) >= 2).toList();
        double[][] units = new double[pairable.size()][raters.size()];
        for (int u = 0; u < units.length; u++) {
            for (int r = 0; r < raters.size(); r++) {
                Verdict v = pairable.get(u)[r];
                units[u][r] = v == null ? Double.NaN : alphaValue(v.value(), v.code());
            }
        }
        Coefficient alpha = alpha(units, "alpha", scope, group);
        Coefficient fleiss = null;
        int fleissItems = 0;
        int fleissRaters = 0;
        if (kind().isCategorical() && !pairable.isEmpty()) {
            fleissRaters = mostCommonRaterCount(pairable);
            int m = fleissRaters;
            int[][] counts = pairable.stream().filter(row -> present(row) == m).map(this::categoryCounts)
                    .toArray(int[][]::new);
            fleissItems = counts.length;
            fleiss = Coefficient.of(bootstrap.run(counts.length, idx -> FleissKappa.of(
                    Arrays.stream(idx).mapToObj(i -> counts[i]).toArray(int[][]::new)), "fleiss", scope, group));
        }
        return new MultiRaterAgreement(group, raters.size(), pairable.size(), alpha, fleiss, fleissItems, fleissRaters);
    }

    private DecisiveAgreement decisive(int[] ca, int[] cb, Object scope, String first, String second) {
        int tie = codes.categories().indexOf("tie");
        int a = codes.categories().indexOf("A");
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < ca.length; i++) {
            if (ca[i] != tie && cb[i] != tie) {
                pairs.add(new int[] {ca[i] == a ? 0 : 1, cb[i] == a ? 0 : 1});
            }
        }
        int[] da = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] db = pairs.stream().mapToInt(p -> p[1]).toArray();
        AgreementFigure percent = bootstrap.run(da.length, idx -> PercentAgreement.of(FigureBootstrap.pick(da, idx),
                FigureBootstrap.pick(db, idx)), "decisive percent", scope, first, second);
        return new DecisiveAgreement(da.length, percent,
                kappa(da, db, 2, KappaWeights.NONE, "decisive kappa", scope, first, second));
    }

    private Coefficient kappa(int[] a, int[] b, int categories, KappaWeights weights, Object... name) {
        return Coefficient.of(bootstrap.run(a.length, idx -> CohensKappa.of(FigureBootstrap.pick(a, idx),
                FigureBootstrap.pick(b, idx), categories, weights), name));
    }

    private Coefficient alpha(double[][] units, Object... name) {
        KrippendorffAlpha.Prepared prepared = KrippendorffAlpha.prepare(units, level());
        return Coefficient.of(bootstrap.run(units.length, prepared::alpha, name));
    }

    private KrippendorffAlpha.Level level() {
        return switch (kind()) {
            case ORDINAL -> KrippendorffAlpha.Level.ORDINAL;
            case INTERVAL -> KrippendorffAlpha.Level.INTERVAL;
            default -> KrippendorffAlpha.Level.NOMINAL;
        };
    }

    /** What α sees of a verdict: its value on ordered scales, its category code on the others. */
    private double alphaValue(double value, int code) {
        return kind().isOrdered() ? value : code;
    }

    private int[] categoryCounts(Verdict[] row) {
        int[] counts = new int[codes.size()];
        for (Verdict v : row) {
            if (v != null) {
                counts[v.code()]++;
            }
        }
        return counts;
    }

    private static int present(Verdict[] row) {
        return (int) Arrays.stream(row).filter(Objects::nonNull).count();
    }

    /** The number of ratings per item that most items have (the larger one on a tie). */
    private static int mostCommonRaterCount(List<Verdict[]> rows) {
        Map<Integer, Integer> frequency = new HashMap<>();
        rows.forEach(row -> frequency.merge(present(row), 1, Integer::sum));
        return frequency.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }
}
