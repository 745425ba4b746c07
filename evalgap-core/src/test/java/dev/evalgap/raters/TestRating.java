package dev.evalgap.raters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** Builds {@link Rating}s for tests: {@code TestRating.of("q1", "ann", HUMAN, "pairwise", "A").period(3).build()}. */
final class TestRating {

    private final String item;
    private final String rater;
    private final RaterKind kind;
    private final Scale scale;
    private final String score;
    private String raterVersion;
    private String rubricVersion;
    private Instant ts;
    private Boolean anchor;
    private Long length;
    private String model;
    private Long lengthB;
    private String modelB;
    private String shownFirst;
    private String contrastPair;
    private String contrastSide;

    private TestRating(String item, String rater, RaterKind kind, Scale scale, String score) {
        this.item = item;
        this.rater = rater;
        this.kind = kind;
        this.scale = scale;
        this.score = score;
    }

    static TestRating of(String item, String rater, RaterKind kind, String scale, Object score) {
        return new TestRating(item, rater, kind, Scale.parse(scale), String.valueOf(score));
    }

    /** Dated in ISO week {@code week} of 2026 (Wednesday noon UTC). */
    TestRating week(int week) {
        LocalDate monday = LocalDate.of(2026, 1, 5).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week);
        ts = monday.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return this;
    }

    TestRating at(Instant instant) {
        ts = instant;
        return this;
    }

    TestRating version(String v) {
        raterVersion = v;
        return this;
    }

    TestRating rubric(String v) {
        rubricVersion = v;
        return this;
    }

    TestRating anchor() {
        anchor = true;
        return this;
    }

    TestRating output(long len, String family) {
        length = len;
        model = family;
        return this;
    }

    TestRating outputs(long lenA, String familyA, long lenB, String familyB) {
        length = lenA;
        model = familyA;
        lengthB = lenB;
        modelB = familyB;
        return this;
    }

    TestRating shown(String first) {
        shownFirst = first;
        return this;
    }

    TestRating contrast(String pair, String side) {
        contrastPair = pair;
        contrastSide = side;
        anchor = true;
        return this;
    }

    Rating build() {
        ScoreReading reading = scale.read(score);
        String period = ts == null ? null : ts.atOffset(ZoneOffset.UTC).get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", ts.atOffset(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String id = String.join("|", item, rater, String.valueOf(raterVersion), String.valueOf(rubricVersion),
                String.valueOf(shownFirst), String.valueOf(ts));
        return new Rating(id, item, rater, kind, raterVersion, rubricVersion, scale, score,
                reading == null ? null : reading.label(), reading == null ? null : reading.value(), ts, period, anchor,
                length, model, lengthB, modelB, shownFirst, contrastPair, contrastSide);
    }
}
