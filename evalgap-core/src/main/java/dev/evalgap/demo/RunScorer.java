package dev.evalgap.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Offline scores of every release on every case, as an LLM judge would give them. Each case has a
 * fixed difficulty (hand-written cases are easier, incident cases harder but improving fastest,
 * terse or angry inputs a little harder); each score adds per-run noise. The release offset is
 * calibrated so that the suite mean of release k is exactly {@link #TARGET_MEANS}[k] (to rounding):
 * the offline score rises steadily from r1 to r8, whatever production does.
 */
final class RunScorer {

    static final String GRADER = "judge:gpt-4o-2024-08-06/rubric-v3";
    static final double[] TARGET_MEANS = {0.62, 0.66, 0.69, 0.73, 0.76, 0.79, 0.83, 0.86};

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
        for (int c = 0; c < n; c++) {
            DemoCase dc = cases.get(c);
            base[c] = CASE_SD * Gaussian.next(rng) + switch (dc.origin()) {
                case DemoCase.HANDWRITTEN -> 0.05;
                case DemoCase.INCIDENT -> -0.12;
                default -> dc.register() == Register.TERSE || dc.register() == Register.ANGRY ? -0.03 : 0.0;
            };
            incidentGain[c] = DemoCase.INCIDENT.equals(dc.origin()) ? 0.02 : 0.0;
        }
        List<RunRecord> out = new ArrayList<>(n * releases.size());
        for (int r = 0; r < releases.size(); r++) {
            double[] raw = new double[n];
            for (int c = 0; c < n; c++) {
                raw[c] = base[c] + incidentGain[c] * r + RUN_SD * Gaussian.next(rng);
            }
            double offset = calibrate(raw, TARGET_MEANS[r]);
            for (int c = 0; c < n; c++) {
                out.add(new RunRecord(releases.get(r), cases.get(c).caseId(), score(raw[c] + offset), GRADER));
            }
        }
        return out;
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
