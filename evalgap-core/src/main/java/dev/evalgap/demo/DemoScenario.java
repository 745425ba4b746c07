package dev.evalgap.demo;

import dev.evalgap.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A realistic, fully synthetic scenario for demos and end-to-end tests: the customer-support
 * assistant of "Brightcart", an online retailer, over twelve ISO weeks from Monday 2026-08-31.
 *
 * <p>The eval suite is built from week 1. Then production moves: exploratory questions fade, a
 * long tail of niche requests grows, the Auto-Reorder feature launches in week 7 and refund
 * policy v3 takes effect in week 9. Offline scores keep rising release after release while
 * online feedback worsens after week 6, mostly on the requests the suite does not cover.
 *
 * <p>Everything is drawn from one seed: the same seed writes byte-identical files.
 * <pre>{@code
 * DemoFiles files = DemoScenario.withSeed(42).generate(Path.of("demo"));
 * }</pre>
 */
public final class DemoScenario {

    /** The seed the documentation and the sample workspace use. */
    public static final long DEFAULT_SEED = 20260831L;

    public static final String TRAFFIC_FILE = "traffic.jsonl.gz";
    public static final String CASES_FILE = "cases.jsonl";
    public static final String RUNS_FILE = "runs.jsonl";
    public static final String TRUTH_FILE = "truth.jsonl.gz";
    public static final String RATINGS_FILE = "ratings.jsonl";

    private static final DemoScenario DEFAULT = new DemoScenario(DEFAULT_SEED);

    private final long seed;

    private DemoScenario(long seed) {
        this.seed = seed;
    }

    public static DemoScenario withDefaults() {
        return DEFAULT;
    }

    public static DemoScenario withSeed(long seed) {
        return new DemoScenario(seed);
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes {@value #TRAFFIC_FILE}, {@value #CASES_FILE}, {@value #RUNS_FILE}, {@value #TRUTH_FILE} and
     * {@value #RATINGS_FILE} into {@code dir} (created if missing; existing files are replaced).
     */
    public DemoFiles generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Vocabulary vocabulary = Vocabulary.standard();
        TemplateExpander expander = new TemplateExpander(new SlotFiller(vocabulary));
        MessageStyler styler = new MessageStyler(vocabulary, expander, new TypoInjector());
        Timeline timeline = new Timeline();

        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom trafficRng = root.split();
        SplittableRandom casesRng = root.split();
        SplittableRandom runsRng = root.split();

        List<TrafficRecord> traffic = new TrafficGenerator(timeline, new WeeklyMix(vocabulary), styler, expander,
                new FeedbackModel()).generate(trafficRng);
        List<DemoCase> cases = new CaseBuilder(vocabulary, styler, expander).build(traffic, casesRng);
        List<RunScorer.RunRecord> runs = new RunScorer().score(cases, timeline.releaseNames(), runsRng);
        // a stream of its own, not a split of root: the other files stay as they were before ratings existed
        List<RatingsGenerator.RatingRecord> ratings = new RatingsGenerator(timeline)
                .generate(new SplittableRandom(Seeds.derive(seed, "demo", "ratings")));

        Path trafficPath = dir.resolve(TRAFFIC_FILE);
        Path casesPath = dir.resolve(CASES_FILE);
        Path runsPath = dir.resolve(RUNS_FILE);
        Path truthPath = dir.resolve(TRUTH_FILE);
        Path ratingsPath = dir.resolve(RATINGS_FILE);
        CompletableFuture<Void> truthWritten = CompletableFuture.runAsync(() -> {
            try {
                DemoWriter.truth(truthPath, traffic);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        DemoWriter.traffic(trafficPath, traffic);
        DemoWriter.cases(casesPath, cases);
        DemoWriter.runs(runsPath, runs);
        DemoWriter.ratings(ratingsPath, ratings);
        try {
            truthWritten.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }

        return new DemoFiles(trafficPath, casesPath, runsPath, truthPath, ratingsPath, seed, weeks(traffic),
                timeline.releaseNames(), timeline.releases(), timeline.featureLaunch(), timeline.policyChange(),
                traffic.size(), cases.size(), runs.size(), ratings.size());
    }

    private static List<DemoFiles.Week> weeks(List<TrafficRecord> traffic) {
        int[] records = new int[Timeline.WEEKS + 1];
        List<Set<String>> texts = new ArrayList<>();
        for (int w = 0; w <= Timeline.WEEKS; w++) {
            texts.add(new HashSet<>());
        }
        for (TrafficRecord r : traffic) {
            records[r.week()]++;
            texts.get(r.week()).add(r.text());
        }
        List<DemoFiles.Week> weeks = new ArrayList<>();
        for (int w = 1; w <= Timeline.WEEKS; w++) {
            weeks.add(new DemoFiles.Week(w, Timeline.isoWeek(w), Timeline.weekStart(w), Timeline.weekEnd(w),
                    records[w], texts.get(w).size()));
        }
        return weeks;
    }
}
