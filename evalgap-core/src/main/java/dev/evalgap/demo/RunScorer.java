package dev.evalgap.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Offline scores of every release on every case, as an LLM judge would give them. Each case has a
 * fixed difficulty (hand-written cases are easier, incident cases harder but improving fastest,
 * terse or angry inputs a little harder); each score adds per-run noise.
 *
 * <p>Two release offsets are calibrated per release. The delivery cases (order tracking, delivery
 * problems) get the mean {@link #DELIVERY_MEANS}[k]: they improve with the rest up to r6, slip in r7
 * and break in r8 (a prompt rewrite tuned on the rest of the suite). The other cases get whatever mean
 * makes the suite mean of release k exactly {@link #TARGET_MEANS}[k] (to rounding), so the offline
 * score rises steadily from r1 to r8, whatever production does. Only the production-weighted score
 * sees r8's regression: the delivery cases are 12–15% of the suite but, in week 12, the carrier-delay
 * wave makes delivery requests nearly 40% of the traffic. The r8 drop is deep (0.86 → 0.25) because
 * the topics that weight the cases mix delivery requests with others, which dilutes it.
 */
final class RunScorer {

    static final String GRADER = "judge:gpt-4o-2024-08-06/rubric-v3";
    static final double[] TARGET_MEANS = {0.62, 0.66, 0.69, 0.73, 0.76, 0.79, 0.83, 0.86};
    static final double[] DELIVERY_MEANS = {0.62, 0.69, 0.76, 0.83, 0.88, 0.90, 0.86, 0.25};

    private static final double CASE_SD = 0.11;
    private static final double RUN_SD = 0.07;

    /** One line of {@code runs.jsonl}. */
    record RunRecord(String release, String caseId, double score, String grader) {
    }

    List<RunRecord> score(List<DemoCase> cases, List<String> releases, SplittableRandom rng) {
        if (releases.size() != TARGET_MEANS.length) {
            throw new IllegalArgumentException("expected " + TARGET_MEANS.length + " releases");
        }
        int n = cases.size();
        double[] base = new double[n];
        double[] incidentGain = new double[n];
        boolean[] delivery = new boolean[n];
        for (int c = 0; c < n; c++) {
            DemoCase dc = cases.get(c);
            base[c] = CASE_SD * Gaussian.next(rng) + switch (dc.origin()) {
                case DemoCase.HANDWRITTEN -> 0.05;
                case DemoCase.INCIDENT -> -0.12;
                default -> dc.register() == Register.TERSE || dc.register() == Register.ANGRY ? -0.03 : 0.0;
            };
            incidentGain[c] = DemoCase.INCIDENT.equals(dc.origin()) ? 0.02 : 0.0;
            delivery[c] = dc.tags().contains(IntentGroup.DELIVERY.tag());
        }
        List<RunRecord> out = new ArrayList<>(n * releases.size());
        for (int r = 0; r < releases.size(); r++) {
            double[] raw = new double[n];
            for (int c = 0; c < n; c++) {
                raw[c] = base[c] + incidentGain[c] * r + RUN_SD * Gaussian.next(rng);
            }
            double[] offset = offsets(raw, delivery, DELIVERY_MEANS[r], TARGET_MEANS[r]);
            for (int c = 0; c < n; c++) {
                out.add(new RunRecord(releases.get(r), cases.get(c).caseId(),
                        score(raw[c] + offset[delivery[c] ? 1 : 0]), GRADER));
            }
        }
        return out;
    }

    /**
     * The offsets {other cases, delivery cases}: the delivery cases' scores have mean
     * {@code deliveryMean}, and all scores together mean {@code suiteMean}.
     */
    static double[] offsets(double[] raw, boolean[] delivery, double deliveryMean, double suiteMean) {
        int deliveryCases = 0;
        for (boolean d : delivery) {
            deliveryCases += d ? 1 : 0;
        }
        double[] deliveryRaw = new double[deliveryCases];
        double[] otherRaw = new double[raw.length - deliveryCases];
        for (int c = 0, i = 0, j = 0; c < raw.length; c++) {
            if (delivery[c]) {
                deliveryRaw[i++] = raw[c];
            } else {
                otherRaw[j++] = raw[c];
            }
        }
        double deliveryOffset = deliveryCases == 0 ? 0 : calibrate(deliveryRaw, deliveryMean);
        double deliverySum = 0;
        for (double x : deliveryRaw) {
            deliverySum += score(x + deliveryOffset);
        }
        double otherOffset = calibrate(otherRaw, (suiteMean * raw.length - deliverySum) / otherRaw.length);
        return new double[] {otherOffset, deliveryOffset};
    }

    /** Score as the judge reports it: clamped to [0, 1], two decimals. */
    static double score(double x) {
        return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100.0;
    }

    /** The offset whose rounded, clamped scores have mean {@code target}; bisection (the mean is monotone). */
    static double calibrate(double[] raw, double target) {
        double lo = -2;
        double hi = 2;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            double sum = 0;
            for (double x : raw) {
                sum += score(x + mid);
            }
            if (sum / raw.length < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
