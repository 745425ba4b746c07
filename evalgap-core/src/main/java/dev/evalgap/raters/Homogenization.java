package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Labeler homogenization: raters who agree more because they have converged on the rubric look, in
 * agreement alone, like raters who have collapsed onto a few safe labels. The second kind also loses
 * spread (variance, label entropy) and stops telling known-better outputs from known-worse ones.
 *
 * <p>Per period, over the human raters: Krippendorff's α; the variance of their scores and the Shannon
 * entropy (bits) of their labels over all their verdicts; and the discrimination on known-contrast pairs
 * (anchor items sharing a {@code contrast_pair}, one {@code better}, one {@code worse}): the share of pairs
 * whose better side has the higher mean human score, a tie counting ½. Intervals resample items
 * (contrast pairs for the discrimination).
 */
final class Homogenization {

    static final String METHOD = "flag between consecutive periods when agreement (alpha) rises and score variance "
            + "falls, each beyond its noise (the difference exceeds z * sqrt(se1^2 + se2^2), standard errors read off "
            + "the bootstrap intervals), label entropy falls, and discrimination on known-contrast pairs does not "
            + "rise: converged or collapsed?";

    private final ScaleContext context;

    Homogenization(ScaleContext context) {
        this.context = context;
    }

    HomogenizationReport run(List<Rating> ratings) {
        Map<String, List<Rating>> byPeriod = new TreeMap<>();
        ratings.stream().filter(r -> r.period() != null && context.kinds().get(r.rater()) == RaterKind.HUMAN)
                .forEach(r -> byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r));
        Map<String, ItemOutput> outputs = ItemOutput.of(ratings);
        List<PeriodSpread> periods = new ArrayList<>();
        byPeriod.forEach((period, rs) -> periods.add(spread(period, rs, outputs)));
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < periods.size(); i++) {
            String flag = flag(periods.get(i - 1), periods.get(i));
            if (flag != null) {
                flags.add(flag);
            }
        }
        return new HomogenizationReport(METHOD, periods, flags);
    }

    private PeriodSpread spread(String period, List<Rating> ratings, Map<String, ItemOutput> outputs) {
        VerdictTable table = context.table(ratings);
        List<String> humans = table.raters(RaterKind.HUMAN);
        Map<String, List<Verdict>> byItem = table.byItem(humans);
        List<List<Verdict>> items = List.copyOf(byItem.values());
        int verdicts = items.stream().mapToInt(List::size).sum();
        boolean hasMean = context.scale().kind().hasMean();
        AgreementFigure variance = hasMean ? context.bootstrap().run(items.size(), idx -> variance(items, idx),
                "variance", period) : null;
        AgreementFigure entropy = context.bootstrap().run(items.size(), idx -> entropyBits(items, idx), "entropy",
                period);
        double[] contrasts = hasMean && context.scale().kind() != ScaleKind.PAIRWISE
                ? contrastOutcomes(byItem, outputs) : new double[0];
        AgreementFigure discrimination = contrasts.length == 0 ? null
                : context.bootstrap().run(contrasts.length, idx -> FigureBootstrap.mean(contrasts, idx),
                "discrimination", period);
        Coefficient agreement = humans.size() < 2 ? null
                : context.agreements().multi(table, "humans", humans, "homogenization " + period).alpha();
        return new PeriodSpread(period, humans.size(), items.size(), verdicts, agreement, variance, entropy,
                contrasts.length, discrimination);
    }

    private static double variance(List<List<Verdict>> items, int[] idx) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (int i : idx) {
            for (Verdict v : items.get(i)) {
                sum += v.value();
                squares += v.value() * v.value();
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        return Math.max(0, squares / n - mean * mean);
    }

    private static double entropyBits(List<List<Verdict>> items, int[] idx) {
        Map<String, Integer> counts = new HashMap<>();
        long n = 0;
        for (int i : idx) {
            for (Verdict v : items.get(i)) {
                counts.merge(v.label(), 1, Integer::sum);
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = c / (double) n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h + 0.0;
    }

    /** Per contrast pair with human verdicts on both sides: 1 when the better side scored higher, ½ on a tie. */
    private static double[] contrastOutcomes(Map<String, List<Verdict>> byItem, Map<String, ItemOutput> outputs) {
        Map<String, double[]> pairs = new TreeMap<>();
        byItem.forEach((item, verdicts) -> {
            ItemOutput o = outputs.get(item);
            if (o == null || o.contrastPair() == null) {
                return;
            }
            double mean = verdicts.stream().mapToDouble(Verdict::value).average().orElseThrow();
            double[] sides = pairs.computeIfAbsent(o.contrastPair(), k -> new double[] {Double.NaN, Double.NaN});
            sides["better".equals(o.contrastSide()) ? 0 : 1] = mean;
        });
        return pairs.values().stream().filter(s -> !Double.isNaN(s[0]) && !Double.isNaN(s[1]))
                .mapToDouble(s -> s[0] > s[1] ? 1 : s[0] == s[1] ? 0.5 : 0).toArray();
    }

    /**
     * True when {@code higher} exceeds {@code lower} by more than the noise of their difference. The two
     * periods rate different items, so the figures are independent: the difference is beyond noise when it
     * exceeds \(z\sqrt{se_1^2 + se_2^2}\), each standard error read off the figure's percentile bootstrap
     * interval as its width over \(2z\) (a normal approximation), z the interval's two-sided critical value.
     * Without both intervals nothing is beyond noise.
     */
    static boolean beyondNoise(AgreementFigure lower, AgreementFigure higher) {
        if (lower.interval() == null || higher.interval() == null) {
            return false;
        }
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(
                1 - (1 - lower.interval().confidence()) / 2);
        double seLower = (lower.interval().high() - lower.interval().low()) / (2 * z);
        double seHigher = (higher.interval().high() - higher.interval().low()) / (2 * z);
        return higher.estimate() - lower.estimate() > z * Math.sqrt(seLower * seLower + seHigher * seHigher);
    }

    private static String flag(PeriodSpread a, PeriodSpread b) {
        if (a.agreement() == null || b.agreement() == null || a.variance() == null || b.variance() == null
                || !a.agreement().figure().defined() || !b.agreement().figure().defined()) {
            return null;
        }
        double alphaA = a.agreement().figure().estimate();
        double alphaB = b.agreement().figure().estimate();
        boolean spreadFell = beyondNoise(b.variance(), a.variance())
                && b.entropyBits().estimate() < a.entropyBits().estimate();
        if (!(beyondNoise(a.agreement().figure(), b.agreement().figure()) && spreadFell)) {
            return null;
        }
        String head = String.format(Locale.ROOT, "%s -> %s: agreement up (alpha %.2f -> %.2f), variance down "
                        + "(%.3f -> %.3f), label entropy down (%.2f -> %.2f bits)", a.period(), b.period(), alphaA,
                alphaB, a.variance().estimate(), b.variance().estimate(), a.entropyBits().estimate(),
                b.entropyBits().estimate());
        if (a.discrimination() == null || b.discrimination() == null) {
            return head + "; no known-contrast pairs in both periods to tell converged from collapsed: converged or "
                    + "collapsed?";
        }
        double dA = a.discrimination().estimate();
        double dB = b.discrimination().estimate();
        if (dB > dA) {
            return null;
        }
        return head + String.format(Locale.ROOT, ", discrimination not up (%.2f -> %.2f on %d contrast pairs): "
                + "converged or collapsed?", dA, dB, b.contrastPairs());
    }
}
