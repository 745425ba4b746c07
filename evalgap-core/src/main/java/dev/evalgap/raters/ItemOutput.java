package dev.evalgap.raters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the ratings say about an item's output(s): length and model family (of output A and B for a
 * pairwise item) and its known-contrast pair. Taken from the item's latest rating that carries each
 * field, as the latest rating is also the one whose verdict counts.
 *
 * @param length        output length (output A when pairwise), or {@code null}
 * @param model         model family of the output (output A when pairwise), or {@code null}
 * @param lengthB       pairwise: length of output B, or {@code null}
 * @param modelB        pairwise: model family of output B, or {@code null}
 * @param contrastPair  the known-contrast pair, or {@code null}
 * @param contrastSide  {@code better} or {@code worse}, or {@code null}
 */
record ItemOutput(Long length, String model, Long lengthB, String modelB, String contrastPair, String contrastSide) {

    /** Item → what its ratings say about it. */
    static Map<String, ItemOutput> of(List<Rating> ratings) {
        Map<String, List<Rating>> byItem = new TreeMap<>();
        ratings.forEach(r -> byItem.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r));
        Map<String, ItemOutput> out = new TreeMap<>();
        byItem.forEach((item, rs) -> {
            List<Rating> latestFirst = new ArrayList<>(rs);
            latestFirst.sort(VerdictTable.CHRONOLOGICAL.reversed());
            out.put(item, new ItemOutput(first(latestFirst, Rating::outputLength),
                    first(latestFirst, Rating::outputModel), first(latestFirst, Rating::outputLengthB),
                    first(latestFirst, Rating::outputModelB),
                    first(latestFirst, Rating::contrastPair), first(latestFirst, Rating::contrastSide)));
        });
        return out;
    }

    private static <T> T first(List<Rating> ratings, Function<Rating, T> field) {
        return ratings.stream().map(field).filter(v -> v != null).findFirst().orElse(null);
    }
}
