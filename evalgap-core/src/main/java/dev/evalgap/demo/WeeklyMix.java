package dev.evalgap.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The share of each intent group among the requests that open a conversation, week by week:
 * <ul>
 *   <li>exploratory: 16% in week 1, fading linearly to under 3% in week 12;</li>
 *   <li>niche long tail: 3.5% growing to 9%;</li>
 *   <li>delivery (tracking, delivery problems): 15% until week 7, the launch week's share the suite was
 *       sampled at; then a carrier-delay wave lifts it to 20, 25, 30, 34, 38%;</li>
 *   <li>feature (Auto-Reorder): 0 before week 7, then 4, 8, 11, 14, 17, 19%;</li>
 *   <li>policy (refund policy v3): 0 before week 9, then 5, 9, 12, 13%;</li>
 *   <li>core: the rest.</li>
 * </ul>
 * Within a group an intent is drawn by its vocabulary weight. Follow-up turns (rephrasing after
 * a retry) are added by the traffic generator, so groups that fail more end up with a bit more
 * traffic than these shares.
 */
final class WeeklyMix {

    private static final double[] DELIVERY = {0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.20, 0.25, 0.30, 0.34, 0.38};
    private static final double[] FEATURE = {0, 0, 0, 0, 0, 0, 0.04, 0.08, 0.11, 0.14, 0.17, 0.19};
    private static final double[] POLICY = {0, 0, 0, 0, 0, 0, 0, 0, 0.05, 0.09, 0.12, 0.13};

    private final Map<IntentGroup, List<Intent>> intents = new EnumMap<>(IntentGroup.class);

    WeeklyMix(Vocabulary vocabulary) {
        for (IntentGroup g : IntentGroup.values()) {
            List<Intent> list = vocabulary.intents(g);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("vocabulary has no intent in group " + g.tag());
            }
            intents.put(g, list);
        }
    }

    /** Share of {@code group} in scenario week {@code week} (1-based). */
    static double share(IntentGroup group, int week) {
        if (week < 1 || week > Timeline.WEEKS) {
            throw new IllegalArgumentException("week " + week + " outside 1.." + Timeline.WEEKS);
        }
        return switch (group) {
            case EXPLORATORY -> 0.16 - 0.012 * (week - 1);
            case NICHE -> 0.035 + 0.005 * (week - 1);
            case DELIVERY -> DELIVERY[week - 1];
            case FEATURE -> FEATURE[week - 1];
            case POLICY -> POLICY[week - 1];
            case CORE -> 1 - share(IntentGroup.EXPLORATORY, week) - share(IntentGroup.NICHE, week)
                    - DELIVERY[week - 1] - FEATURE[week - 1] - POLICY[week - 1];
        };
    }

    /** Draws the intent of a conversation's first request in {@code week}. */
    Intent draw(int week, SplittableRandom rng) {
        double u = rng.nextDouble();
        IntentGroup chosen = IntentGroup.CORE;
        for (IntentGroup g : IntentGroup.values()) {
            u -= share(g, week);
            if (u < 0) {
                chosen = g;
                break;
            }
        }
        return drawWithin(chosen, rng);
    }

    Intent drawWithin(IntentGroup group, SplittableRandom rng) {
        List<Intent> list = intents.get(group);
        double total = 0;
        for (Intent i : list) {
            total += i.weight();
        }
        double u = rng.nextDouble() * total;
        for (Intent i : list) {
            u -= i.weight();
            if (u < 0) {
                return i;
            }
        }
        return list.get(list.size() - 1);
    }
}
