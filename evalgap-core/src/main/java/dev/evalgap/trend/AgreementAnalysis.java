package dev.evalgap.trend;

import dev.evalgap.Seeds;
import dev.evalgap.stats.RankCorrelation;
import dev.evalgap.stats.RankCorrelationResult;
import dev.evalgap.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Offline↔online agreement across releases: rank correlations, sign agreement, alerts. */
public final class AgreementAnalysis {

    /** Fewer releases than this and no correlation is reported as meaningful. */
    static final int MIN_RELEASES = 3;

    private AgreementAnalysis() {
    }

    /** One KPI as a per-release series. */
    private record Series(String kpi, String source, Direction direction, Function<ReleaseTrend, Double> value) {
    }

    /**
     * Agreement over {@code releases} (in timeline order), e.g. a prefix of {@link TrendResult#releases()}
     * for the timeline as of an earlier window ({@code evalgap check --window}).
     */
    public static Agreement compute(List<ReleaseTrend> releases, Map<String, Direction> directions, int lastReleases,
                             int bootstrap, double confidence, long seed) {
        List<Series> series = new ArrayList<>();
        series.add(new Series("thumbs_up_rate", "traffic", Direction.HIGHER_IS_BETTER,
                r -> rate(r.online() == null ? null : r.online().thumbsUp())));
        series.add(new Series("retry_rate", "traffic", Direction.LOWER_IS_BETTER,
                r -> rate(r.online() == null ? null : r.online().retry())));
        series.add(new Series("edit_rate", "traffic", Direction.LOWER_IS_BETTER,
                r -> rate(r.online() == null ? null : r.online().edit())));
        series.add(new Series("abandonment_rate", "traffic", Direction.LOWER_IS_BETTER,
                r -> rate(r.online() == null ? null : r.online().abandonment())));
        series.add(new Series("csat_mean", "traffic", Direction.HIGHER_IS_BETTER,
                r -> r.online() == null || !r.online().csat().defined() ? null : r.online().csat().value()));
        TreeSet<String> metrics = new TreeSet<>();
        releases.forEach(r -> r.ingested().forEach(k -> metrics.add(k.metric())));
        for (String metric : metrics) {
            series.add(new Series(metric, "ingested", directions.getOrDefault(metric, Direction.UNKNOWN),
                    r -> r.ingested().stream().filter(k -> k.metric().equals(metric)).map(IngestedKpi::value)
                            .findFirst().orElse(null)));
        }
        List<KpiAgreement> all = new ArrayList<>();
        List<KpiAgreement> recent = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (Series s : series) {
            Map<String, double[]> pairs = new LinkedHashMap<>();
            for (ReleaseTrend r : releases) {
                Double online = s.value().apply(r);
                if (r.offline() != null && !Double.isNaN(r.offline().mean()) && online != null && !online.isNaN()) {
                    pairs.put(r.release(), new double[] {r.offline().mean(), online});
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(pairs.keySet());
            KpiAgreement a = compare(s, names, pairs, "all", bootstrap, confidence, seed);
            all.add(a);
            List<String> last = names.subList(Math.max(0, names.size() - lastReleases), names.size());
            KpiAgreement b = compare(s, last, pairs, "last " + lastReleases, bootstrap, confidence, seed);
            recent.add(b);
            if (a.alert() != null) {
                alerts.add(a.alert());
            }
            if (b.alert() != null && last.size() < names.size()) {
                alerts.add(b.alert());
            }
        }
        return new Agreement(Agreement.CONVENTION, lastReleases, List.copyOf(all), List.copyOf(recent),
                List.copyOf(alerts));
    }

    private static Double rate(Rate r) {
        return r == null || !r.defined() ? null : r.value();
    }

    private static KpiAgreement compare(Series s, List<String> names, Map<String, double[]> pairs, String scope,
                                        int bootstrap, double confidence, long seed) {
        int n = names.size();
        double[] offline = new double[n];
        double[] online = new double[n];
        for (int i = 0; i < n; i++) {
            offline[i] = pairs.get(names.get(i))[0];
            online[i] = pairs.get(names.get(i))[1];
        }
        RankCorrelation base = RankCorrelation.withDefaults().withBootstrap(bootstrap).withConfidence(confidence);
        RankCorrelationResult spearman = base.with(RankCorrelation.Method.SPEARMAN)
                .withSeed(Seeds.derive(seed, "spearman", s.kpi(), scope)).test(offline, online);
        RankCorrelationResult kendall = base.with(RankCorrelation.Method.KENDALL_TAU_B)
                .withSeed(Seeds.derive(seed, "kendall", s.kpi(), scope)).test(offline, online);
        SignAgreement signs = signs(offline, online, s.direction(), confidence);
        AgreementStatus status = status(spearman, s.direction(), n);
        String alert = null;
        if (status.alert()) {
            String range = names.isEmpty() ? "" : names.get(0) + ".." + names.get(n - 1);
            alert = String.format(Locale.ROOT, "%s (%s, %d releases %s): Spearman rho %.2f %s, sign agreement %s: %s",
                    s.kpi(), scope, n, range, spearman.estimate(), interval(spearman), share(signs),
                    status == AgreementStatus.INVERTED
                            ? "the offline score moves against the online KPI (" + words(s.direction()) + ")"
                            : "the offline score no longer predicts the online KPI (interval includes 0)");
        }
        return new KpiAgreement(s.kpi(), s.source(), s.direction(), List.copyOf(names), boxed(offline), boxed(online),
                spearman, kendall, signs, status, alert);
    }

    static AgreementStatus status(RankCorrelationResult spearman, Direction direction, int n) {
        if (n < MIN_RELEASES || !spearman.defined()) {
            return AgreementStatus.UNDEFINED;
        }
        if (direction.sign() == 0) {
            return spearman.includesZero() ? AgreementStatus.COLLAPSED : AgreementStatus.RELATED;
        }
        double oriented = direction.sign() * spearman.estimate();
        if (oriented < 0) {
            return AgreementStatus.INVERTED;
        }
        return spearman.includesZero() ? AgreementStatus.COLLAPSED : AgreementStatus.AGREES;
    }

    static SignAgreement signs(double[] offline, double[] online, Direction direction, double confidence) {
        int orientation = direction.sign() == 0 ? 1 : direction.sign();
        int pairs = Math.max(0, offline.length - 1);
        int ties = 0;
        int agreeing = 0;
        for (int i = 1; i < offline.length; i++) {
            int so = Double.compare(offline[i], offline[i - 1]);
            int sk = Double.compare(online[i], online[i - 1]);
            if (so == 0 || sk == 0) {
                ties++;
            } else if (so * sk * orientation > 0) {
                agreeing++;
            }
        }
        int moves = pairs - ties;
        double share = moves == 0 ? Double.NaN : agreeing / (double) moves;
        return new SignAgreement(pairs, ties, agreeing, share,
                moves == 0 ? null : WilsonInterval.of(share, moves, confidence));
    }

    private static String words(Direction d) {
        return switch (d) {
            case HIGHER_IS_BETTER -> "higher is better";
            case LOWER_IS_BETTER -> "lower is better";
            case UNKNOWN -> "direction unknown";
        };
    }

    private static String interval(RankCorrelationResult r) {
        return r.interval() == null ? "[undefined]"
                : String.format(Locale.ROOT, "[%.2f, %.2f]", r.interval().low(), r.interval().high());
    }

    private static String share(SignAgreement s) {
        return Double.isNaN(s.share()) ? "undefined"
                : String.format(Locale.ROOT, "%d/%d", s.agreeing(), s.pairs() - s.ties());
    }

    private static List<Double> boxed(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return List.copyOf(out);
    }
}
