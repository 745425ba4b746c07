package dev.evalgap.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Online feedback of one interaction. A latent "was the user helped" is drawn first, with a
 * probability that depends on the intent group and the release live at the time; the observable
 * signals follow from it:
 * <ul>
 *   <li>implicit, on every record: retried (regenerate or rephrase), edited (the user edited the
 *       answer before using it), abandoned (left without resolution);</li>
 *   <li>explicit, on few records: thumbs on about 5% (unhappy users click a little more often), CSAT 1–5
 *       on about 1.5%.</li>
 * </ul>
 * Releases r1–r4 improve every group a little; from r5 on the core and delivery intents degrade with
 * every release (prompt tuning against the suite), the delivery requests fastest, just as the
 * carrier-delay wave makes them a large share of the traffic; r8's drop on delivery is the one the
 * suite's delivery cases show too ({@link RunScorer}). The Auto-Reorder and refund-policy requests, which the assistant
 * cannot answer, are mostly failures. Each of r5–r8 is live for one or two weeks, so only 100–300 of its
 * interactions get a thumb: the expected steps r4 → r8 are about 0.09 in thumbs-up rate each, about
 * twice a step's sampling deviation, so that the per-release decline shows through that noise.
 */
final class FeedbackModel {

    /** P(helped) per group and release r1 … r8. */
    private static final Map<IntentGroup, double[]> HELPED = new EnumMap<>(Map.of(
            IntentGroup.EXPLORATORY, new double[] {0.80, 0.81, 0.82, 0.83, 0.83, 0.83, 0.83, 0.83},
            IntentGroup.CORE, new double[] {0.80, 0.81, 0.82, 0.83, 0.74, 0.69, 0.66, 0.55},
            IntentGroup.DELIVERY, new double[] {0.80, 0.81, 0.82, 0.83, 0.74, 0.60, 0.50, 0.32},
            IntentGroup.NICHE, new double[] {0.60, 0.60, 0.61, 0.61, 0.60, 0.59, 0.58, 0.58},
            IntentGroup.FEATURE, new double[] {0.38, 0.38, 0.38, 0.38, 0.38, 0.38, 0.38, 0.38},
            IntentGroup.POLICY, new double[] {0.28, 0.28, 0.28, 0.28, 0.28, 0.28, 0.28, 0.28}));

    private static final double ANGRY_PENALTY = 0.12;

    /** The signals of one interaction; {@code thumbsUp} and {@code csat} are null when not given. */
    record Feedback(boolean helped, boolean retried, boolean edited, boolean abandoned,
                    Boolean thumbsUp, Integer csat) {
    }

    static double helpedProbability(IntentGroup group, int releaseIndex, Register register) {
        double p = HELPED.get(group)[releaseIndex];
        return register == Register.ANGRY ? p - ANGRY_PENALTY : p;
    }

    Feedback draw(IntentGroup group, int releaseIndex, Register register, SplittableRandom rng) {
        boolean helped = rng.nextDouble() < helpedProbability(group, releaseIndex, register);
        boolean unknownTopic = group == IntentGroup.FEATURE || group == IntentGroup.POLICY;
        boolean retried = rng.nextDouble() < (helped ? 0.02 : unknownTopic ? 0.45 : 0.28);
        boolean edited = rng.nextDouble() < (helped ? 0.05 : 0.12);
        boolean abandoned = rng.nextDouble() < (helped ? 0.015 : 0.18);
        Boolean thumbsUp = null;
        if (rng.nextDouble() < (helped ? 0.048 : 0.058)) {
            thumbsUp = rng.nextDouble() < (helped ? 0.95 : 0.10);
        }
        Integer csat = null;
        if (rng.nextDouble() < (helped ? 0.013 : 0.02)) {
            double u = rng.nextDouble();
            csat = helped ? (u < 0.55 ? 5 : u < 0.9 ? 4 : 3) : (u < 0.45 ? 1 : u < 0.8 ? 2 : 3);
        }
        return new Feedback(helped, retried, edited, abandoned, thumbsUp, csat);
    }
}
