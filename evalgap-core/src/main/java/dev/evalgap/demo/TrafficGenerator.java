package dev.evalgap.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates the production log: conversations (sessions) of one to four turns, started at
 * realistic times of day, each turn a styled message of an intent drawn from the week's mix, the
 * assistant's reply and the user's feedback. A turn that was retried is usually followed by a
 * rephrasing of the same request; a greeting is often followed by a real question.
 */
final class TrafficGenerator {

    /** Relative traffic Monday … Sunday. */
    private static final double[] DAY_WEIGHTS = {1.05, 1.0, 1.0, 0.98, 0.95, 0.85, 0.9};
    /** Relative traffic per UTC hour (mostly North American customers). */
    private static final double[] HOUR_WEIGHTS = {7.5, 7, 6, 4.5, 3, 2, 1.3, 1, 1, 1.2, 1.6, 2.2,
        3, 4, 5, 5.5, 6, 6.2, 6.4, 6.6, 7, 7.5, 8, 8};

    private static final String[] SEGMENTS = {"free", "plus", "business"};
    private static final double[] SEGMENT_MEDIAN_VALUE = {38, 72, 310};
    private static final double[] SEGMENT_VALUE_SIGMA = {0.7, 0.6, 0.7};
    private static final int MAX_TURNS = 4;

    private final Timeline timeline;
    private final WeeklyMix mix;
    private final MessageStyler styler;
    private final TemplateExpander expander;
    private final FeedbackModel feedback;

    TrafficGenerator(Timeline timeline, WeeklyMix mix, MessageStyler styler, TemplateExpander expander,
                     FeedbackModel feedback) {
        this.timeline = timeline;
        this.mix = mix;
        this.styler = styler;
        this.expander = expander;
        this.feedback = feedback;
    }

    /**
     * All weeks' records, sorted by time, with ids {@code ix-000001} … in that order. Each week
     * has its own generator split from {@code rng} up front, so weeks are generated in parallel
     * and the result does not depend on scheduling.
     */
    List<TrafficRecord> generate(SplittableRandom rng) {
        int sessionSalt = rng.nextInt();
        List<SplittableRandom> weekRngs = new ArrayList<>();
        for (int week = 1; week <= Timeline.WEEKS; week++) {
            weekRngs.add(rng.split());
        }
        List<TrafficRecord> all = IntStream.rangeClosed(1, Timeline.WEEKS).parallel()
                .mapToObj(week -> week(week, weekRngs.get(week - 1), sessionSalt))
                .flatMap(List::stream)
                .sorted(Comparator.comparing(TrafficRecord::ts)) // stable: ties keep generation order
                .toList();
        List<TrafficRecord> withIds = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            withIds.add(all.get(i).withId(id(i + 1)));
        }
        return withIds;
    }

    /** {@code ix-000042}. */
    static String id(int n) {
        String digits = Integer.toString(n);
        return "ix-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    /** Records wanted in a week: about 2,750 growing by 40 a week, with noise; within 2,550–3,400. */
    static int targetRecords(int week, SplittableRandom rng) {
        long n = Math.round(2750 + 40.0 * (week - 1) + 60 * Gaussian.next(rng));
        return (int) Math.max(2550, Math.min(3400, n));
    }

    private List<TrafficRecord> week(int week, SplittableRandom rng, int sessionSalt) {
        int sessionCounter = week << 20; // unique across weeks: fewer than 2^20 sessions a week
        int target = targetRecords(week, rng);
        Instant weekEnd = Timeline.weekEnd(week);
        List<TrafficRecord> out = new ArrayList<>(target);
        while (out.size() < target) {
            Instant ts = sessionStart(week, rng);
            Intent intent = mix.draw(week, rng);
            int segment = drawSegment(intent.group(), rng);
            double weight = orderValue(segment, rng);
            String session = sessionId(mix32(++sessionCounter ^ sessionSalt));
            Bindings bindings = new Bindings(date(ts));
            for (int turn = 0; turn < MAX_TURNS && out.size() < target && ts.isBefore(weekEnd); turn++) {
                int release = timeline.releaseIndexAt(ts);
                Register register = styler.drawRegister(intent.group(), rng);
                String text = styler.write(intent, register, bindings, rng);
                // the reply may name things the user did not (a carrier, a date): draw those on a copy
                String response = expander.expandReply(SlotFiller.pick(intent.replies(), rng),
                        bindings.copy(bindings.today()), rng);
                FeedbackModel.Feedback fb = feedback.draw(intent.group(), release, register, rng);
                out.add(new TrafficRecord(null, week, ts, text, response, timeline.releaseNames().get(release),
                        session, SEGMENTS[segment], weight, fb, intent, register, bindings));

                ts = ts.plusMillis(rng.nextInt(20_000, 240_000));
                if (fb.retried() && rng.nextDouble() < 0.85) {
                    bindings = bindings.copy(date(ts)); // rephrase the same request
                } else if (rng.nextDouble() < (intent.group() == IntentGroup.EXPLORATORY ? 0.45 : 0.12)) {
                    intent = mix.draw(week, rng);
                    bindings = new Bindings(date(ts));
                } else {
                    break;
                }
            }
        }
        return out;
    }

    private static Instant sessionStart(int week, SplittableRandom rng) {
        int day = weighted(DAY_WEIGHTS, rng);
        int hour = weighted(HOUR_WEIGHTS, rng);
        long millis = rng.nextLong(3_600_000L);
        return Timeline.weekStart(week).plus(Duration.ofDays(day).plusHours(hour).plusMillis(millis));
    }

    private static int drawSegment(IntentGroup group, SplittableRandom rng) {
        double[] odds = switch (group) {
            case FEATURE -> new double[] {0.45, 0.33, 0.22};
            case NICHE -> new double[] {0.50, 0.28, 0.22};
            default -> new double[] {0.62, 0.27, 0.11};
        };
        return weighted(odds, rng);
    }

    /** Basket value in dollars: log-normal around the segment's median. */
    private static double orderValue(int segment, SplittableRandom rng) {
        double v = SEGMENT_MEDIAN_VALUE[segment] * Math.exp(SEGMENT_VALUE_SIGMA[segment] * Gaussian.next(rng));
        return Math.round(v * 100) / 100.0;
    }

    private static LocalDate date(Instant ts) {
        return LocalDate.ofInstant(ts, ZoneOffset.UTC);
    }

    static int weighted(double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code s-} and eight hex digits. */
    private static String sessionId(int h) {
        String hex = Integer.toHexString(h);
        return "s-" + "00000000".substring(hex.length()) + hex;
    }

    /** MurmurHash3's 32-bit finalizer: a bijection, so distinct counters give distinct session ids. */
    private static int mix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
