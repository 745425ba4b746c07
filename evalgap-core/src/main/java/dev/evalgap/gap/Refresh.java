package dev.evalgap.gap;

import dev.evalgap.Progress;
import dev.evalgap.Provenance;
import dev.evalgap.embed.Embedder;
import dev.evalgap.stats.CosineDistance;
import dev.evalgap.store.Store;
import dev.evalgap.store.TextItem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the gap into work: production items from under-covered topics to label as new cases, and
 * eval cases to retire.
 */
public final class Refresh {

    static final String RULE = "candidates: the topics where production share exceeds eval share, each given a "
            + "number of candidates proportional to that excess (largest remainder); within a topic, farthest-point "
            + "selection over distinct production texts, starting from the item farthest from every eval case and "
            + "then always taking the item farthest (cosine) from the eval set and the items already chosen. "
            + "Retirements: cases in topics holding over twice their production share, or farther from every "
            + "scored production item than the coverage threshold tau_u. A production text that contains a sealed "
            + "case's input or expected answer is never proposed.";

    /** Threads of the nearest-neighbour searches. */
    private static final int THREADS = 2;

    /** Topics whose eval share exceeds this multiple of their production share are over-represented. */
    static final double OVER_REPRESENTED = 2.0;

    private final GapAnalysis analysis;

    public Refresh(Store store, Embedder embedder, Progress progress) {
        this.analysis = new GapAnalysis(store, embedder, progress);
    }

    public RefreshSuggestions suggest(GapRequest request, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1, got " + n);
        }
        GapAnalysis.WindowGap gap = analysis.analyseOne(request);
        TopicMapper.Fit fit = gap.topics();
        List<Topic> topics = fit.map().topics();
        float[][] production = CosineDistance.unit("production", gap.samples().production());
        float[][] eval = CosineDistance.unit("eval", gap.samples().eval());

        List<Topic> under = topics.stream().filter(t -> t.missingShare() > 0).toList();
        int[] quota = quotas(under, n);
        String created = LocalDate.now(ZoneOffset.UTC).toString();
        List<RefreshCandidate> candidates = new ArrayList<>();
        for (int u = 0; u < under.size(); u++) {
            Topic topic = under.get(u);
            for (int i : farthestPoints(production, eval, gap.production(), gap.samples().productionTexts(),
                    fit.productionLabels(), topic.id(), quota[u])) {
                TextItem item = gap.production().get(i);
                String reason = String.format(Locale.ROOT, "topic %d (%s) holds %.1f%% of production in %s and %.1f%% "
                        + "of the eval set", topic.id(), String.join(", ", topic.keywords()),
                        100 * topic.productionShare(), gap.result().window(), 100 * topic.evalShare());
                candidates.add(new RefreshCandidate("cand-" + gap.result().window() + "-" + item.id(), item.text(),
                        List.of("topic-" + topic.id()), "production-sample",
                        "Under-covered production topic: " + reason + ".", created, "traffic:" + item.id(),
                        gap.result().window(), topic.id(), reason));
            }
        }
        List<RetirementCandidate> retirements = retirements(gap, eval, production, fit);
        return new RefreshSuggestions(request.setName(), gap.result().setVersion(), gap.result().window(), RULE,
                List.copyOf(candidates), retirements, gap.result(), Provenance.now());
    }

    /** Largest-remainder apportionment of n over the topics by missing share. */
    private static int[] quotas(List<Topic> under, int n) {
        double total = under.stream().mapToDouble(Topic::missingShare).sum();
        int[] quota = new int[under.size()];
        double[] remainder = new double[under.size()];
        int given = 0;
        for (int u = 0; u < under.size(); u++) {
            double exact = n * under.get(u).missingShare() / total;
            quota[u] = (int) Math.floor(exact);
            remainder[u] = exact - quota[u];
            given += quota[u];
        }
        while (given < n && !under.isEmpty()) {
            int best = 0;
            for (int u = 1; u < under.size(); u++) {
                if (remainder[u] > remainder[best]) {
                    best = u;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    /** Farthest-point selection of up to {@code k} distinct texts of one topic (see {@link #RULE}). */
    private static List<Integer> farthestPoints(float[][] production, float[][] eval, List<TextItem> items,
                                                List<String> shown, int[] labels, int topic, int k) {
        List<Integer> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            // a text withheld as revealing a sealed case is never proposed (it is in the suite already)
            if (labels[i] == topic && shown.get(i) != null && seen.add(items.get(i).text())) {
                members.add(i);
            }
        }
        if (members.isEmpty()) {
            return List.of();
        }
        float[][] rows = members.stream().map(i -> production[i]).toArray(float[][]::new);
        double[] nearest = CosineDistance.nearest(rows, eval, new int[rows.length], THREADS);
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[members.size()];
        while (chosen.size() < Math.min(k, members.size())) {
            int best = -1;
            for (int m = 0; m < members.size(); m++) {
                if (!taken[m] && (best < 0 || nearest[m] > nearest[best])) {
                    best = m;
                }
            }
            taken[best] = true;
            int picked = members.get(best);
            chosen.add(picked);
            for (int m = 0; m < members.size(); m++) {
                nearest[m] = Math.min(nearest[m], CosineDistance.between(rows[m], production[picked]));
            }
        }
        return chosen;
    }

    private static List<RetirementCandidate> retirements(GapAnalysis.WindowGap gap, float[][] eval,
                                                         float[][] production, TopicMapper.Fit fit) {
        CoverageFigures coverage = gap.result().figures().coverage();
        double farThreshold = coverage == null ? Double.POSITIVE_INFINITY : coverage.uncoveredThreshold();
        Topic[] byId = new Topic[fit.map().k()];
        fit.map().topics().forEach(t -> byId[t.id()] = t);
        List<RetirementCandidate> out = new ArrayList<>();
        double[] nearestProduction = CosineDistance.nearest(eval, production, new int[eval.length], THREADS);
        for (int e = 0; e < eval.length; e++) {
            double nearest = nearestProduction[e];
            Topic topic = byId[fit.evalLabels()[e]];
            boolean over = topic.productionShare() == 0 || topic.evalShare() > OVER_REPRESENTED * topic.productionShare();
            boolean far = nearest > farThreshold;
            if (over || far) {
                List<String> reasons = new ArrayList<>();
                if (over) {
                    reasons.add(String.format(Locale.ROOT, "topic %d holds %.1f%% of the eval set but %.1f%% of "
                            + "production", topic.id(), 100 * topic.evalShare(), 100 * topic.productionShare()));
                }
                if (far) {
                    reasons.add(String.format(Locale.ROOT, "no production item of %s within cosine distance %.3f "
                            + "(nearest %.3f)", gap.result().window(), farThreshold, nearest));
                }
                out.add(new RetirementCandidate(gap.eval().get(e).id(), topic.id(), nearest, String.join("; ", reasons)));
            }
        }
        out.sort((a, b) -> Double.compare(b.nearestProduction(), a.nearestProduction()));
        return List.copyOf(out);
    }
}
