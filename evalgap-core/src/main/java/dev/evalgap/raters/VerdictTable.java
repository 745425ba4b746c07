package dev.evalgap.raters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdict of every rater on every item they rated within one scope (all time, a period, a version),
 * from the usable ratings of one scale. When a rater rated an item more than once in the scope:
 * <ul>
 *   <li>graded scales: the latest rating counts (by {@code ts}, undated first, then by id);</li>
 *   <li>pairwise: the latest rating of each presentation order counts, and when the orders disagree the
 *       verdict is {@code tie}: a preference that depends on the order shown is no preference (the
 *       convention of Zheng et al. 2023, "Judging LLM-as-a-judge with MT-Bench and Chatbot Arena").</li>
 * </ul>
 */
final class VerdictTable {

    static final Comparator<Rating> CHRONOLOGICAL = Comparator
            .comparing(Rating::ts, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Rating::id);

    private final CategoryCodes codes;
    private final Map<String, Map<String, Verdict>> byRater;
    private final Map<String, RaterKind> kinds;

    private VerdictTable(CategoryCodes codes, Map<String, Map<String, Verdict>> byRater, Map<String, RaterKind> kinds) {
        this.codes = codes;
        this.byRater = byRater;
        this.kinds = kinds;
    }

    /** The verdicts of {@code ratings} (unusable ones are skipped); {@code kinds} gives each rater's kind. */
    static VerdictTable of(List<Rating> ratings, CategoryCodes codes, Map<String, RaterKind> kinds) {
        Map<String, Map<String, List<Rating>>> grouped = new TreeMap<>();
        for (Rating r : ratings) {
            if (r.usable()) {
                grouped.computeIfAbsent(r.rater(), k -> new TreeMap<>())
                        .computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, Verdict>> byRater = new TreeMap<>();
        grouped.forEach((rater, items) -> {
            Map<String, Verdict> verdicts = new TreeMap<>();
            items.forEach((item, rs) -> verdicts.put(item, combine(rs, codes)));
            byRater.put(rater, verdicts);
        });
        return new VerdictTable(codes, byRater, kinds);
    }

    private static Verdict combine(List<Rating> ratings, CategoryCodes codes) {
        List<Rating> sorted = new ArrayList<>(ratings);
        sorted.sort(CHRONOLOGICAL);
        if (codes.scale().kind() != ScaleKind.PAIRWISE) {
            Rating latest = sorted.get(sorted.size() - 1);
            return codes.verdict(latest.label(), latest.value());
        }
        Map<String, Rating> latestPerOrder = new HashMap<>();
        sorted.forEach(r -> latestPerOrder.put(Objects.toString(r.shownFirst(), ""), r));
        long labels = latestPerOrder.values().stream().map(Rating::label).distinct().count();
        Rating any = latestPerOrder.values().iterator().next();
        return labels == 1 ? codes.verdict(any.label(), any.value()) : codes.verdict("tie", 0.5);
    }

    /** Raters with at least one verdict, sorted. */
    List<String> raters() {
        return List.copyOf(byRater.keySet());
    }

    /** Raters of {@code kind} with at least one verdict, sorted. */
    List<String> raters(RaterKind kind) {
        return byRater.keySet().stream().filter(r -> kinds.get(r) == kind).toList();
    }

    /** Item → verdict of one rater; empty when the rater has none here. */
    Map<String, Verdict> of(String rater) {
        return byRater.getOrDefault(rater, Collections.emptyMap());
    }

    /** Every item with a verdict, sorted. */
    List<String> items() {
        TreeSet<String> items = new TreeSet<>();
        byRater.values().forEach(v -> items.addAll(v.keySet()));
        return List.copyOf(items);
    }

    /** Item → the verdicts of the given raters on it, for items at least one of them rated (sorted). */
    Map<String, List<Verdict>> byItem(List<String> raters) {
        Map<String, List<Verdict>> out = new TreeMap<>();
        for (String rater : raters) {
            of(rater).forEach((item, v) -> out.computeIfAbsent(item, k -> new ArrayList<>()).add(v));
        }
        return out;
    }

    /**
     * Item → the consensus of the given raters ({@link Consensus}), for items where one exists;
     * {@code itemsWithout} receives the items they rated but did not agree on.
     */
    Map<String, Verdict> consensus(List<String> raters, List<String> itemsWithout) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        byItem(raters).forEach((item, verdicts) -> {
            Verdict c = Consensus.of(verdicts, codes);
            if (c == null) {
                itemsWithout.add(item);
            } else {
                out.put(item, c);
            }
        });
        return out;
    }
}
