package dev.evalgap.raters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rater-integrity report over all ratings (usable or not), one {@link ScaleReport} per scale: ratings
 * on different scales are never compared. A rater's kind is the first one its ratings state.
 */
public final class RatersAnalysis {

    private static final int UNUSABLE_EXAMPLES = 3;
    private static final int EXAMPLE_CHARS = 60;

    private final RatersRequest request;

    public RatersAnalysis(RatersRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    public RatersReport run(List<Rating> ratings) {
        Map<String, RaterKind> kinds = new TreeMap<>();
        ratings.forEach(r -> {
            if (r.raterKind() != null) {
                kinds.putIfAbsent(r.rater(), r.raterKind());
            }
        });
        Map<String, List<Rating>> byScale = new TreeMap<>();
        ratings.forEach(r -> byScale.computeIfAbsent(r.scale().label(), k -> new ArrayList<>()).add(r));
        FigureBootstrap bootstrap = new FigureBootstrap(request.bootstrapResamples(), request.confidence(),
                request.seed());
        List<ScaleReport> scales = new ArrayList<>();
        byScale.values().forEach(rs -> scales.add(scale(rs, kinds, bootstrap)));
        int unusable = (int) ratings.stream().filter(r -> !r.usable()).count();
        return new RatersReport(ratings.size(), ratings.size() - unusable, unusable, raters(ratings, kinds), scales,
                notes(ratings, kinds), request.bootstrapResamples(), request.confidence(), request.seed());
    }

    private static ScaleReport scale(List<Rating> ratings, Map<String, RaterKind> kinds, FigureBootstrap bootstrap) {
        ScaleContext context = ScaleContext.of(ratings, kinds, bootstrap);
        VerdictTable table = context.table(ratings);
        Agreements agreements = context.agreements();
        List<String> raters = table.raters();
        List<PairAgreement> pairs = new ArrayList<>();
        for (int i = 0; i < raters.size(); i++) {
            for (int j = i + 1; j < raters.size(); j++) {
                String a = raters.get(i);
                String b = raters.get(j);
                if (table.of(a).keySet().stream().anyMatch(table.of(b)::containsKey)) {
                    pairs.add(agreements.pair(a, table.of(a), b, table.of(b), "all"));
                }
            }
        }
        List<String> humans = table.raters(RaterKind.HUMAN);
        List<String> judges = table.raters(RaterKind.JUDGE);
        List<ConsensusAgreement> vsHumans = humans.isEmpty() ? List.of()
                : judges.stream().map(j -> agreements.consensus(table, "human", humans, j, "all")).toList();
        List<MultiRaterAgreement> multi = new ArrayList<>();
        if (humans.size() >= 2) {
            multi.add(agreements.multi(table, "humans", humans, "all"));
        }
        if (judges.size() >= 2) {
            multi.add(agreements.multi(table, "judges", judges, "all"));
        }
        if (raters.size() > Math.max(humans.size(), judges.size()) && raters.size() >= 2) {
            multi.add(agreements.multi(table, "all raters", raters, "all"));
        }
        List<ScopedFigures> byPeriod = new ArrayList<>();
        slices(ratings, Rating::period).forEach((p, rs) -> byPeriod.add(ScopedFigures.of(context, "period", p, rs)));
        int usable = (int) ratings.stream().filter(Rating::usable).count();
        int undated = (int) ratings.stream().filter(r -> r.usable() && r.period() == null).count();
        return new ScaleReport(context.scale().label(), context.codes().categories(), table.items().size(),
                ratings.size(), ratings.size() - usable, undated, pairs, vsHumans, multi, byPeriod, byVersion(context, ratings, kinds),
                Changes.of(ratings, byPeriod), new DriftAttribution(context).run(ratings),
                new JudgeBias(context).run(ratings), new Homogenization(context).run(ratings));
    }

    /**
     * Per judge version (all human ratings with the judge ratings of that version), per human cohort (the
     * cohort's ratings with all judge ratings) and per rubric version (its ratings), where there are two or
     * more.
     */
    private static List<ScopedFigures> byVersion(ScaleContext context, List<Rating> ratings,
                                                 Map<String, RaterKind> kinds) {
        Predicate<Rating> judge = r -> kinds.get(r.rater()) == RaterKind.JUDGE;
        Predicate<Rating> human = r -> kinds.get(r.rater()) == RaterKind.HUMAN;
        List<ScopedFigures> out = new ArrayList<>();
        Map<String, List<Rating>> judgeVersions = slices(ratings.stream().filter(judge).toList(), Rating::raterVersion);
        if (judgeVersions.size() >= 2) {
            judgeVersions.forEach((v, rs) -> out.add(ScopedFigures.of(context, "judge version", v,
                    concat(ratings.stream().filter(human).toList(), rs))));
        }
        Map<String, List<Rating>> cohorts = slices(ratings.stream().filter(human).toList(), Rating::raterVersion);
        if (cohorts.size() >= 2) {
            cohorts.forEach((c, rs) -> out.add(ScopedFigures.of(context, "human cohort", c,
                    concat(rs, ratings.stream().filter(judge).toList()))));
        }
        Map<String, List<Rating>> rubrics = slices(ratings, Rating::rubricVersion);
        if (rubrics.size() >= 2) {
            rubrics.forEach((v, rs) -> out.add(ScopedFigures.of(context, "rubric version", v, rs)));
        }
        return out;
    }

    private static Map<String, List<Rating>> slices(List<Rating> ratings, Function<Rating, String> key) {
        Map<String, List<Rating>> out = new TreeMap<>();
        ratings.forEach(r -> {
            String k = key.apply(r);
            if (k != null) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        });
        return out;
    }

    private static List<Rating> concat(List<Rating> a, List<Rating> b) {
        List<Rating> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<RaterSummary> raters(List<Rating> ratings, Map<String, RaterKind> kinds) {
        Map<String, List<Rating>> byRater = new TreeMap<>();
        ratings.forEach(r -> byRater.computeIfAbsent(r.rater(), k -> new ArrayList<>()).add(r));
        List<RaterSummary> out = new ArrayList<>();
        byRater.forEach((rater, rs) -> {
            RaterKind kind = kinds.get(rater);
            List<String> examples = rs.stream().filter(r -> !r.usable()).map(Rating::rawScore).distinct()
                    .limit(UNUSABLE_EXAMPLES).map(RatersAnalysis::cut).toList();
            out.add(new RaterSummary(rater, kind == null ? null : kind.label(),
                    List.copyOf(new TreeSet<>(rs.stream().map(Rating::raterVersion).filter(Objects::nonNull).toList())),
                    rs.size(), (int) rs.stream().filter(r -> !r.usable()).count(),
                    (int) rs.stream().map(Rating::itemId).distinct().count(), examples));
        });
        return out;
    }

    private static String cut(String raw) {
        return raw.length() <= EXAMPLE_CHARS ? raw : raw.substring(0, EXAMPLE_CHARS - 3) + "...";
    }

    private static List<String> notes(List<Rating> ratings, Map<String, RaterKind> kinds) {
        List<String> notes = new ArrayList<>();
        if (ratings.isEmpty()) {
            notes.add("no ratings: ingest them with `evalgap ingest ratings FILE`");
        }
        List<String> unknown = ratings.stream().map(Rating::rater).filter(r -> !kinds.containsKey(r)).distinct()
                .sorted().toList();
        if (!unknown.isEmpty()) {
            notes.add("rater_kind unknown for " + String.join(", ", unknown)
                    + ": they count in rater pairs, but not as judges or humans");
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        ratings.stream().filter(r -> kinds.get(r.rater()) == RaterKind.JUDGE).forEach(r -> {
            String v = r.raterVersion() == null ? r.rater() : r.raterVersion();
            if (v.toLowerCase(Locale.ROOT).contains("latest")) {
                aliases.putIfAbsent(r.rater(), v);
            }
        });
        aliases.forEach((rater, v) -> notes.add("judge " + rater + " is versioned as '" + v + "': an alias can change "
                + "model underneath, so its ratings over time are not comparable; record the dated model and the "
                + "prompt version in rater_version"));
        return notes;
    }
}
