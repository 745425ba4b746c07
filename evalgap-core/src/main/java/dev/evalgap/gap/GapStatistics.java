package dev.evalgap.gap;

import dev.evalgap.Progress;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.ClassifierTwoSampleTest;
import dev.evalgap.stats.Coverage;
import dev.evalgap.stats.CoverageResult;
import dev.evalgap.stats.JensenShannon;
import dev.evalgap.stats.MmdPermutationTest;
import dev.evalgap.stats.MmdResult;
import dev.evalgap.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Computes every gap figure from vectors. Shared by the workspace analysis and by
 * {@code gap --vectors}, so both print the same statistics.
 */
public final class GapStatistics {

    /**
     * The MMD keeps all pairwise distances (6 bytes a pair): beyond this many rows a side it runs on a
     * seeded random subset (its m and n say so), keeping memory near 0.5 GB.
     */
    static final int MMD_MAX_ROWS_PER_SIDE = 6000;

    private GapStatistics() {
    }

    private static float[][] atMost(float[][] rows, int max, long seed) {
        if (rows.length <= max) {
            return rows;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        float[][] copy = rows.clone();
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(copy.length - i);
            float[] swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return java.util.Arrays.copyOf(copy, max);
    }

    /** The figures and the topic of every item behind them. */
    record Detailed(GapFigures figures, TopicMapper.Fit topics) {
    }

    public static GapFigures compute(GapSamples s, GapOptions o, Progress progress) {
        return detailed(s, o, progress).figures();
    }

    static Detailed detailed(GapSamples s, GapOptions o, Progress progress) {
        progress.update("gap statistics", 0, 3);
        // The classifier test, the MMD and coverage-then-topics are independent: run concurrently, they
        // keep both cores busy through each other's single-threaded stretches and JIT warm-up
        CompletableFuture<ClassifierTwoSampleResult> c2st = CompletableFuture.supplyAsync(
                () -> c2st(s.eval(), s.production(), o), GapStatistics::newThread);
        CompletableFuture<CoveredTopics> coveredTopics = CompletableFuture.supplyAsync(
                () -> coveredTopics(s, o), GapStatistics::newThread);
        MmdResult mmd = MmdPermutationTest.withDefaults().withPermutations(o.permutations()).withSeed(o.seed())
                .test(atMost(s.eval(), MMD_MAX_ROWS_PER_SIDE, o.seed()),
                        atMost(s.production(), MMD_MAX_ROWS_PER_SIDE, o.seed() + 1));
        progress.update("gap statistics", 1, 3);
        CoveredTopics ct = join(coveredTopics);
        ClassifierTwoSampleResult c2stResult = join(c2st);
        progress.update("gap statistics", 2, 3);
        List<SegmentGap> segments = segments(s, o, ct.topics(), ct.uncovered());
        progress.update("gap statistics", 3, 3);
        return new Detailed(new GapFigures(c2stResult, mmd, ct.coverage() == null ? null
                : CoverageFigures.of(ct.coverage()), ct.topics().map(), segments), ct.topics());
    }

    private record CoveredTopics(CoverageResult coverage, boolean[] uncovered, TopicMapper.Fit topics) {
    }

    private static CoveredTopics coveredTopics(GapSamples s, GapOptions o) {
        CoverageResult coverage = s.reference() == null ? null : coverage(s, o);
        boolean[] uncovered = null;
        if (coverage != null && s.coverageOnProduction()) {
            uncovered = new boolean[s.production().length];
            for (int i = 0; i < uncovered.length; i++) {
                uncovered[i] = coverage.uncovered(i);
            }
        }
        return new CoveredTopics(coverage, uncovered, topics(s, o, uncovered));
    }

    /** The topic map and every item's topic ({@code uncovered} adds each topic's uncovered share). */
    private static TopicMapper.Fit topics(GapSamples s, GapOptions o, boolean[] uncovered) {
        return TopicMapper.map(s.eval(), s.evalTexts(), s.production(), s.productionTexts(), s.weights(), uncovered,
                o.topics(), o.seed(), o.confidence());
    }

    private static void newThread(Runnable task) {
        Thread t = new Thread(task, "evalgap-gap");
        t.setDaemon(true);
        t.start();
    }

    /** The result, or the task's own exception (an invalid sample reads the same as when run inline). */
    private static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static CoverageResult coverage(GapSamples s, GapOptions o) {
        Coverage coverage = Coverage.withDefaults().withBootstrap(o.bootstrap()).withConfidence(o.confidence())
                .withSeed(o.seed());
        return s.weights() == null ? coverage.test(s.coverageProduction(), s.coverageEval(), s.reference())
                : coverage.test(s.coverageProduction(), s.coverageEval(), s.reference(), s.weights());
    }

    private static ClassifierTwoSampleResult c2st(float[][] eval, float[][] production, GapOptions o) {
        return ClassifierTwoSampleTest.withDefaults().withFolds(o.folds()).withBootstrap(o.bootstrap())
                .withConfidence(o.confidence()).withSeed(o.seed()).test(eval, production);
    }

    private static List<SegmentGap> segments(GapSamples s, GapOptions o, TopicMapper.Fit topics, boolean[] uncovered) {
        if (s.segments() == null) {
            return List.of();
        }
        Map<String, List<Integer>> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < s.segments().length; i++) {
            if (s.segments()[i] != null) {
                bySegment.computeIfAbsent(s.segments()[i], key -> new ArrayList<>()).add(i);
            }
        }
        if (bySegment.isEmpty() || bySegment.size() == 1 && bySegment.values().iterator().next().size()
                == s.production().length) {
            return List.of();
        }
        int k = topics.map().k();
        double[] evalHist = new double[k];
        for (int label : topics.evalLabels()) {
            evalHist[label]++;
        }
        List<SegmentGap> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : bySegment.entrySet()) {
            List<Integer> rows = e.getValue();
            float[][] vectors = rows.stream().map(i -> s.production()[i]).toArray(float[][]::new);
            ClassifierTwoSampleResult test = rows.size() >= SegmentGap.MIN_ITEMS_FOR_TEST && s.eval().length >= o.folds()
                    ? c2st(s.eval(), vectors, o) : null;
            double[] hist = new double[k];
            double mass = 0;
            double uncoveredMass = 0;
            double squares = 0;
            for (int i : rows) {
                double w = s.weights() == null ? 1 : s.weights()[i];
                hist[topics.productionLabels()[i]] += w;
                mass += w;
                squares += w * w;
                if (uncovered != null && uncovered[i]) {
                    uncoveredMass += w;
                }
            }
            int topMissing = 0;
            double worst = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < k; t++) {
                double missing = hist[t] / mass - evalHist[t] / s.eval().length;
                if (missing > worst) {
                    worst = missing;
                    topMissing = t;
                }
            }
            Double share = uncovered == null ? null : uncoveredMass / mass;
            out.add(new SegmentGap(e.getKey(), rows.size(), test, share,
                    share == null ? null : WilsonInterval.of(share, mass * mass / squares, o.confidence()),
                    JensenShannon.divergence(hist, evalHist), topMissing));
        }
        out.sort(Comparator.comparingInt(SegmentGap::productionItems).reversed());
        return List.copyOf(out);
    }
}
