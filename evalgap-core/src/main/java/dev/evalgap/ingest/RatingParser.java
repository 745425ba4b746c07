package dev.evalgap.ingest;

import dev.evalgap.raters.RaterKind;
import dev.evalgap.raters.Rating;
import dev.evalgap.raters.Scale;
import dev.evalgap.raters.ScoreReading;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Rating records into {@link Rating}s.
 *
 * <ul>
 *   <li>{@code item_id}, {@code rater} and {@code score} required; a {@code score} that is present but
 *       blank or not readable on its scale (a judge that wrote garbage) is <em>not</em> a bad record: it
 *       is stored with its raw text as an unusable rating and counted;</li>
 *   <li>{@code scale}: see {@link Scale} ({@code ordinal:1-5}, {@code pairwise}, …); absent means
 *       {@code nominal}; an unknown scale is a bad record;</li>
 *   <li>{@code rater_kind}: {@code human} or {@code judge}; {@code shown_first}: {@code A} or {@code B};
 *       {@code contrast_side}: {@code better} or {@code worse}; {@code anchor} a boolean;
 *       {@code output_len}, {@code output_len_b} non-negative integers;</li>
 *   <li>{@code ts} optional (or {@link IngestOptions#defaultTs()}); its window is the rating's period;</li>
 *   <li>{@code id} = {@code sha256("ratings", item_id, rater, rater_version, rubric_version, shown_first,
 *       ts)} truncated to 32 hex characters: a re-ingested corrected score replaces the old one, while
 *       the same item rated again in another period or in the other order is a rating of its own.</li>
 * </ul>
 */
public final class RatingParser extends RecordParser<Rating> {

    private static final List<String> KINDS = List.of(RaterKind.HUMAN.label(), RaterKind.JUDGE.label());
    private static final List<String> SIDES = List.of("a", "b");
    private static final List<String> CONTRAST_SIDES = List.of("better", "worse");

    public RatingParser(String file, IngestOptions options) {
        super(StreamKind.RATINGS, file, options, null, null);
    }

    @Override
    Rating build(Fields f) {
        String itemId = f.requiredId("item_id");
        String rater = f.requiredId("rater");
        String raw = f.requiredVerbatim("score").trim();
        String kind = f.oneOf("rater_kind", KINDS);
        String raterVersion = f.id("rater_version");
        String rubricVersion = f.id("rubric_version");
        Scale scale = scale(f);
        Instant ts = f.timestamp("ts");
        if (ts == null) {
            ts = options().defaultTs();
        }
        Boolean anchor = f.flag("anchor");
        Long outputLength = f.count("output_len");
        String outputModel = f.id("output_model");
        Long outputLengthB = f.count("output_len_b");
        String outputModelB = f.id("output_model_b");
        String shownFirst = f.oneOf("shown_first", SIDES);
        String contrastPair = f.id("contrast_pair");
        String contrastSide = f.oneOf("contrast_side", CONTRAST_SIDES);
        if (contrastPair != null && contrastSide == null) {
            throw f.missing("contrast_side", "missing: an item of a contrast pair is its better or its worse side");
        }
        shownFirst = shownFirst == null ? null : shownFirst.toUpperCase(Locale.ROOT);
        ScoreReading reading = scale.read(raw);
        String id = ContentId.of("ratings", itemId, rater, raterVersion, rubricVersion, shownFirst,
                ts == null ? null : ts.toString());
        return new Rating(id, itemId, rater, RaterKind.parse(kind), raterVersion, rubricVersion, scale, raw,
                reading == null ? null : reading.label(), reading == null ? null : reading.value(), ts,
                ts == null ? null : options().window().label(ts), anchor, outputLength, outputModel, outputLengthB,
                outputModelB, shownFirst, contrastPair, contrastSide);
    }

    private static Scale scale(Fields f) {
        String declared = f.id("scale");
        if (declared == null) {
            return Scale.NOMINAL;
        }
        try {
            return Scale.parse(declared);
        } catch (IllegalArgumentException e) {
            throw f.invalid("scale", e.getMessage());
        }
    }
}
