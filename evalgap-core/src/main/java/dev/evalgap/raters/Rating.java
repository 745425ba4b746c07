package dev.evalgap.raters;

import java.time.Instant;
import java.util.Objects;

/**
 * One rating of one item by one rater, as ingested from the {@code ratings} stream. A score that
 * could not be read on its scale (a judge that wrote garbage) is kept with {@code label} and
 * {@code value} null: {@link #usable()} is false and the rating is counted, never dropped.
 *
 * @param id            content-derived key: (item, rater, rater version, rubric version, shown first,
 *                      ts); a corrected score replaces the old one
 * @param itemId        the rated item (for pairwise ratings: the pair of outputs)
 * @param rater         the rater's id
 * @param raterKind     human or judge; {@code null} when the file does not say
 * @param raterVersion  judge model and prompt version, or the human cohort
 * @param rubricVersion version of the rating instructions
 * @param scale         the declared scale
 * @param rawScore      the score as written ({@code ""} when blank)
 * @param label         the canonical label ({@link ScoreReading#label()}); {@code null} when unusable
 * @param value         the number the score stands for; {@code null} when unusable or nominal
 * @param ts            when the rating was given; {@code null} when unknown
 * @param period        the window of {@code ts} (ISO week by default); {@code null} without {@code ts}
 * @param anchor        whether the item belongs to the fixed anchor set (a fixed output re-rated in
 *                      every period); {@code null} when not said
 * @param outputLength  length of the rated output (of output A for a pairwise rating)
 * @param outputModel   model family that wrote the rated output (output A for a pairwise rating)
 * @param outputLengthB pairwise: length of output B
 * @param outputModelB  pairwise: model family of output B
 * @param shownFirst    pairwise: the output shown first, {@code A} or {@code B}
 * @param contrastPair  known-contrast anchor pair the item belongs to, or {@code null}
 * @param contrastSide  {@code better} or {@code worse}: the item's known side of its contrast pair
 */
public record Rating(
        String id,
        String itemId,
        String rater,
        RaterKind raterKind,
        String raterVersion,
        String rubricVersion,
        Scale scale,
        String rawScore,
        String label,
        Double value,
        Instant ts,
        String period,
        Boolean anchor,
        Long outputLength,
        String outputModel,
        Long outputLengthB,
        String outputModelB,
        String shownFirst,
        String contrastPair,
        String contrastSide) {

    public Rating {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(rater, "rater");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rawScore, "rawScore");
    }

    /** Whether the score was readable on its scale. */
    public boolean usable() {
        return label != null;
    }

    /** Whether the item is in the anchor set. */
    public boolean isAnchor() {
        return Boolean.TRUE.equals(anchor);
    }
}
