package dev.evalgap.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Human and LLM-judge ratings of the assistant's answers, for the rater-integrity view
 * ({@code evalgap raters}). Every week, {@value #SYSTEM_ITEMS_PER_WEEK} answers of the live release and a
 * fixed set of {@value #ANCHORS} anchor answers (the same outputs every week, {@value #CONTRAST_PAIRS}
 * known-contrast pairs among them) are rated on {@value #SCALE} by three human raters and by the judge.
 *
 * <p>Every answer has a true quality q on the 1–5 scale, slightly higher for longer answers; the anchors'
 * never changes. A rater scores q plus its own offset and noise, rounded to the nearest of 1..5. What
 * changes is the raters:
 * <ul>
 *   <li>week {@value #JUDGE_UPGRADE_WEEK}: the judge is upgraded silently (same rater id, new
 *       {@code rater_version} {@value #JUDGE_AFTER}) to a model that rewards length, adding
 *       {@value #LENGTH_LIFT}·ln(length / {@value #LIFT_NEUTRAL_LENGTH}) to its score (+0.8 at the median
 *       length);</li>
 *   <li>week {@value #NEW_COHORT_WEEK}: one human rater leaves, and a slightly more lenient rater of cohort
 *       {@value #NEW_COHORT} takes their place.</li>
 * </ul>
 * and, less, the system: its true quality rises with the releases up to r5, r6 (week 8) regresses, and from
 * week 7 questions about the new feature cost a little. Between weeks 8 and 9 the system barely moves, so
 * the change of the composite score there is the judge's. {@value #UNUSABLE_REPLIES} of the judge's replies
 * carry no score (the prose it returned is written instead).
 *
 * <p>Draws only from the generator given to {@link #generate}: adding the ratings changed no other demo
 * file.
 */
final class RatingsGenerator {

    static final String SCALE = "ordinal:1-5";
    static final String RUBRIC = "rubric-v3";
    static final String JUDGE = "llm-judge";
    static final String JUDGE_BEFORE = "gpt-4o-2024-08-06/rubric-v3";
    static final String JUDGE_AFTER = "gpt-4.1-2025-04-14/rubric-v3";
    static final int JUDGE_UPGRADE_WEEK = 9;
    static final String COHORT = "support-qa-2026a";
    static final String NEW_COHORT = "support-qa-2026b";
    static final int NEW_COHORT_WEEK = 10;
    static final int SYSTEM_ITEMS_PER_WEEK = 40;
    static final int ANCHORS = 30;
    static final int CONTRAST_PAIRS = 5;
    static final int UNUSABLE_REPLIES = 3;
    static final double LENGTH_LIFT = 1.0;
    static final double LIFT_NEUTRAL_LENGTH = 200;

    /** True mean quality of each release's answers (r1 … r8), before the new feature's cost. */
    private static final double[] RELEASE_QUALITY = {2.95, 3.05, 3.15, 3.25, 3.30, 3.15, 3.10, 3.05};
    /** What the week-7 feature costs from then on: questions about it the assistant was never taught. */
    private static final double FEATURE_COST = 0.10;
    private static final double SYSTEM_SD = 0.75;
    private static final double ANCHOR_MEAN = 3.0;
    private static final double ANCHOR_SD = 0.8;
    /** The better side of a contrast pair: the same answer without its mistake. */
    private static final double CONTRAST_GAP = 1.3;
    /** Longer answers are a little more complete: quality rises by this per SD of log length. */
    private static final double LENGTH_QUALITY = 0.10;
    private static final double MEDIAN_LENGTH = 450;
    private static final double LOG_LENGTH_SD = 0.6;
    private static final double HUMAN_SD = 0.40;
    private static final double JUDGE_SD = 0.35;
    private static final double JUDGE_OFFSET = 0.10;
    private static final double NEW_COHORT_LENIENCY = 0.35;
    private static final List<String> UNUSABLE = List.of("The response is good",
            "The response is good and polite.", "The response is good; it answers the customer's question.");

    /** A rater and the weeks it rated in. */
    private record Rater(String id, String kind, String cohort, double offset, int firstWeek, int lastWeek) {

        boolean ratesIn(int week) {
            return week >= firstWeek && week <= lastWeek;
        }
    }

    private static final List<Rater> HUMANS = List.of(
            new Rater("qa-amara", "human", COHORT, 0.0, 1, Timeline.WEEKS),
            new Rater("qa-bo", "human", COHORT, -0.10, 1, Timeline.WEEKS),
            new Rater("qa-chiara", "human", COHORT, 0.05, 1, NEW_COHORT_WEEK - 1),
            new Rater("qa-dev", "human", NEW_COHORT, NEW_COHORT_LENIENCY, NEW_COHORT_WEEK, Timeline.WEEKS));

    /**
     * One line of {@code ratings.jsonl}.
     *
     * @param score         1..5, or {@code null} when the judge replied {@code reply} instead
     * @param contrastPair  the known-contrast pair of an anchor, or {@code null}
     * @param contrastSide  {@code better} or {@code worse} within it, or {@code null}
     */
    record RatingRecord(String itemId, String rater, String raterKind, String raterVersion, Integer score,
                        String reply, Instant ts, boolean anchor, int outputLength, String contrastPair,
                        String contrastSide) {
    }

    /** A rated answer. */
    private record Output(String id, double quality, int length, boolean anchor, String contrastPair,
                          String contrastSide) {
    }

    private final Timeline timeline;

    RatingsGenerator(Timeline timeline) {
        this.timeline = timeline;
    }

    List<RatingRecord> generate(SplittableRandom rng) {
        List<Output> anchors = anchors(rng);
        int[] unusableItem = unusableReplies(rng);
        List<RatingRecord> out = new ArrayList<>();
        for (int week = 1; week <= Timeline.WEEKS; week++) {
            List<Output> outputs = new ArrayList<>(anchors);
            outputs.addAll(systemOutputs(week, rng));
            for (int h = 0; h < HUMANS.size(); h++) {
                Rater human = HUMANS.get(h);
                if (!human.ratesIn(week)) {
                    continue;
                }
                Instant session = Timeline.weekStart(week).plus(Duration.ofDays(4).plusHours(9 + h));
                for (int i = 0; i < outputs.size(); i++) {
                    Output o = outputs.get(i);
                    int score = score(o.quality() + human.offset() + HUMAN_SD * Gaussian.next(rng));
                    out.add(record(o, human.id(), human.kind(), human.cohort(), score, null,
                            session.plusSeconds(60L * i)));
                }
            }
            boolean upgraded = week >= JUDGE_UPGRADE_WEEK;
            Instant nightly = Timeline.weekStart(week).plus(Duration.ofDays(4).plusHours(22));
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                double lift = upgraded ? LENGTH_LIFT * Math.log(o.length() / LIFT_NEUTRAL_LENGTH) : 0;
                int score = score(o.quality() + JUDGE_OFFSET + lift + JUDGE_SD * Gaussian.next(rng));
                boolean noScore = unusableItem[week] >= 0 && i == anchors.size() + unusableItem[week];
                String reply = noScore ? UNUSABLE.get(week % UNUSABLE.size()) : null;
                out.add(record(o, JUDGE, "judge", upgraded ? JUDGE_AFTER : JUDGE_BEFORE, reply == null ? score : null,
                        reply, nightly.plusSeconds(5L * i)));
            }
        }
        return out;
    }

    /** The anchor set: {@value #CONTRAST_PAIRS} contrast pairs first, then single answers. */
    private static List<Output> anchors(SplittableRandom rng) {
        List<Output> anchors = new ArrayList<>();
        for (int p = 1; p <= CONTRAST_PAIRS; p++) {
            String pair = String.format(Locale.ROOT, "contrast-%d", p);
            double worse = ANCHOR_MEAN - CONTRAST_GAP / 2 + 0.5 * Gaussian.next(rng);
            double logLength = LOG_LENGTH_SD * Gaussian.next(rng);
            // the better side is the same answer corrected: about as long
            anchors.add(new Output(anchorId(anchors.size()), worse + CONTRAST_GAP, length(logLength + 0.05), true,
                    pair, "better"));
            anchors.add(new Output(anchorId(anchors.size()), worse, length(logLength), true, pair, "worse"));
        }
        while (anchors.size() < ANCHORS) {
            double z = Gaussian.next(rng);
            anchors.add(new Output(anchorId(anchors.size()), ANCHOR_MEAN + ANCHOR_SD * Gaussian.next(rng)
                    + LENGTH_QUALITY * z, length(LOG_LENGTH_SD * z), true, null, null));
        }
        return anchors;
    }

    private static String anchorId(int index) {
        return String.format(Locale.ROOT, "anchor-%02d", index + 1);
    }

    /**
     * The week's sample of the live system's answers, each from the release live when it was written (a
     * release can go live mid-week): ids name the week and the release.
     */
    private List<Output> systemOutputs(int week, SplittableRandom rng) {
        double drift = week >= Timeline.FEATURE_WEEK ? FEATURE_COST : 0;
        long weekSeconds = Duration.ofDays(4).toSeconds(); // answers of Monday … Thursday, rated on Friday
        List<Output> outputs = new ArrayList<>(SYSTEM_ITEMS_PER_WEEK);
        for (int i = 0; i < SYSTEM_ITEMS_PER_WEEK; i++) {
            int release = timeline.releaseIndexAt(Timeline.weekStart(week).plusSeconds(rng.nextLong(weekSeconds)));
            double z = Gaussian.next(rng);
            double quality = RELEASE_QUALITY[release] - drift + SYSTEM_SD * Gaussian.next(rng) + LENGTH_QUALITY * z;
            String id = String.format(Locale.ROOT, "out-%s-%s-%03d", Timeline.isoWeek(week),
                    timeline.releaseNames().get(release), i + 1);
            outputs.add(new Output(id, quality, length(LOG_LENGTH_SD * z), false, null, null));
        }
        return outputs;
    }

    /**
     * For each week (1-based), the index of the system answer whose judge reply carries no score, or -1:
     * {@value #UNUSABLE_REPLIES} distinct weeks.
     */
    private static int[] unusableReplies(SplittableRandom rng) {
        int[] item = new int[Timeline.WEEKS + 1];
        Arrays.fill(item, -1);
        for (int placed = 0; placed < UNUSABLE_REPLIES; ) {
            int week = 1 + rng.nextInt(Timeline.WEEKS);
            if (item[week] < 0) {
                item[week] = rng.nextInt(SYSTEM_ITEMS_PER_WEEK);
                placed++;
            }
        }
        return item;
    }

    /** Characters of an answer with log-length deviation {@code logDeviation} from the median. */
    private static int length(double logDeviation) {
        return (int) Math.max(40, Math.min(4000, Math.round(MEDIAN_LENGTH * Math.exp(logDeviation))));
    }

    /** A latent score as a rater writes it: the nearest of 1..5. */
    private static int score(double x) {
        return (int) Math.max(1, Math.min(5, Math.round(x)));
    }

    private static RatingRecord record(Output o, String rater, String kind, String version, Integer score,
                                       String reply, Instant ts) {
        return new RatingRecord(o.id(), rater, kind, version, score, reply, ts, o.anchor(), o.length(),
                o.contrastPair(), o.contrastSide());
    }
}
