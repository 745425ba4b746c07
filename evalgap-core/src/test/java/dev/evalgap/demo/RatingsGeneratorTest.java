package dev.evalgap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's ratings: reproducible from their seed, the documented counts and schedule (anchors every week,
 * the judge's version from week 9, the new cohort from week 10), and the scenario built in: on the fixed
 * anchors the judge's scores jump at its upgrade while the humans' do not.
 */
class RatingsGeneratorTest {

    private static final int WEEKS = 12;
    private static final int RATERS_PER_WEEK = 4; // three humans and the judge
    private static final int ITEMS_PER_WEEK = RatingsGenerator.SYSTEM_ITEMS_PER_WEEK + RatingsGenerator.ANCHORS;

    private static List<RatingsGenerator.RatingRecord> generate(long seed) {
        return new RatingsGenerator(new Timeline()).generate(new SplittableRandom(seed));
    }

    @Test
    void sameSeedSameRatingsOtherSeedOtherRatings() {
        assertThat(generate(7)).isEqualTo(generate(7));
        assertThat(generate(8)).isNotEqualTo(generate(7));
    }

    @Test
    void everyWeekTheSameAnchorsAndFortyNewAnswersOfTheLiveReleaseAreRatedByEveryActiveRater() {
        List<RatingsGenerator.RatingRecord> ratings = generate(7);
        assertThat(ratings).hasSize(WEEKS * ITEMS_PER_WEEK * RATERS_PER_WEEK);
        Timeline timeline = new Timeline();
        Set<String> anchorsOfWeek1 = null;
        Set<String> systemItems = new HashSet<>();
        for (int week = 1; week <= WEEKS; week++) {
            List<RatingsGenerator.RatingRecord> ofWeek = inWeek(ratings, week);
            assertThat(ofWeek).hasSize(ITEMS_PER_WEEK * RATERS_PER_WEEK);
            Map<String, Set<String>> itemsByRater = ofWeek.stream().collect(Collectors.groupingBy(
                    RatingsGenerator.RatingRecord::rater, TreeMap::new,
                    Collectors.mapping(RatingsGenerator.RatingRecord::itemId, Collectors.toSet())));
            assertThat(itemsByRater).hasSize(RATERS_PER_WEEK);
            itemsByRater.values().forEach(items -> assertThat(items).hasSize(ITEMS_PER_WEEK));

            Set<String> anchors = items(ofWeek, RatingsGenerator.RatingRecord::anchor);
            assertThat(anchors).hasSize(RatingsGenerator.ANCHORS);
            if (anchorsOfWeek1 == null) {
                anchorsOfWeek1 = anchors;
            }
            assertThat(anchors).isEqualTo(anchorsOfWeek1);

            Set<String> system = items(ofWeek, r -> !r.anchor());
            assertThat(system).hasSize(RatingsGenerator.SYSTEM_ITEMS_PER_WEEK);
            String isoWeek = Timeline.isoWeek(week);
            // the release live on Monday and any that went live later in the week
            Set<String> live = new HashSet<>();
            live.add(timeline.releaseNames().get(timeline.releaseIndexAt(Timeline.weekStart(week))));
            int w = week;
            timeline.releases().stream().filter(r -> r.week() == w).forEach(r -> live.add(r.name()));
            for (String id : system) {
                assertThat(id).startsWith("out-" + isoWeek + "-");
                assertThat(live).contains(id.split("-")[3]);
            }
            systemItems.addAll(system);
        }
        assertThat(systemItems).as("a system answer is rated in its own week only").hasSize(
                WEEKS * RatingsGenerator.SYSTEM_ITEMS_PER_WEEK);
    }

    @Test
    void anAnchorIsAFixedOutputAndTheContrastPairsHaveOneBetterAndOneWorseSide() {
        List<RatingsGenerator.RatingRecord> ratings = generate(7);
        Map<String, Set<Integer>> lengths = new HashMap<>();
        Map<String, Set<String>> sides = new TreeMap<>();
        for (RatingsGenerator.RatingRecord r : ratings) {
            if (r.anchor()) {
                lengths.computeIfAbsent(r.itemId(), k -> new HashSet<>()).add(r.outputLength());
            }
            if (r.contrastPair() != null) {
                assertThat(r.anchor()).isTrue();
                sides.computeIfAbsent(r.contrastPair(), k -> new HashSet<>()).add(r.itemId() + ":" + r.contrastSide());
            }
        }
        assertThat(lengths.values()).allSatisfy(l -> assertThat(l).hasSize(1));
        assertThat(sides).hasSize(RatingsGenerator.CONTRAST_PAIRS);
        sides.values().forEach(s -> assertThat(s.stream().map(x -> x.substring(x.indexOf(':') + 1)).sorted())
                .containsExactly("better", "worse"));
    }

    @Test
    void theJudgeChangesVersionInWeekNineAndTheNewCohortRatesFromWeekTen() {
        List<RatingsGenerator.RatingRecord> ratings = generate(7);
        for (int week = 1; week <= WEEKS; week++) {
            List<RatingsGenerator.RatingRecord> ofWeek = inWeek(ratings, week);
            Set<String> judgeVersions = ofWeek.stream().filter(r -> r.raterKind().equals("judge"))
                    .map(RatingsGenerator.RatingRecord::raterVersion).collect(Collectors.toSet());
            assertThat(judgeVersions).containsExactly(week < 9 ? RatingsGenerator.JUDGE_BEFORE
                    : RatingsGenerator.JUDGE_AFTER);
            Map<String, String> cohorts = ofWeek.stream().filter(r -> r.raterKind().equals("human")).collect(
                    Collectors.toMap(RatingsGenerator.RatingRecord::rater,
                            RatingsGenerator.RatingRecord::raterVersion, (a, b) -> a, TreeMap::new));
            assertThat(cohorts).hasSize(3);
            long newCohort = cohorts.values().stream().filter(RatingsGenerator.NEW_COHORT::equals).count();
            assertThat(newCohort).isEqualTo(week < 10 ? 0 : 1);
        }
        assertThat(ratings).extracting(RatingsGenerator.RatingRecord::rater).filteredOn("llm-judge"::equals)
                .hasSize(WEEKS * ITEMS_PER_WEEK);
    }

    @Test
    void threeJudgeRepliesCarryNoScoreAndEveryOtherScoreIsOnTheScale() {
        List<RatingsGenerator.RatingRecord> ratings = generate(7);
        List<RatingsGenerator.RatingRecord> noScore = ratings.stream().filter(r -> r.score() == null).toList();
        assertThat(noScore).hasSize(RatingsGenerator.UNUSABLE_REPLIES);
        assertThat(noScore).allSatisfy(r -> {
            assertThat(r.rater()).isEqualTo(RatingsGenerator.JUDGE);
            assertThat(r.anchor()).as("an anchor keeps its judge score every week").isFalse();
            assertThat(r.reply()).startsWith("The response is good").doesNotContainPattern("[0-9]");
        });
        assertThat(noScore.stream().map(r -> r.ts().toString().substring(0, 10)).distinct()).hasSize(3);
        assertThat(ratings).filteredOn(r -> r.score() != null)
                .allSatisfy(r -> assertThat(r.score()).isBetween(1, 5));
    }

    /**
     * The scenario's point, in the generated data themselves: the anchors are the same outputs in weeks 8
     * and 9, the humans' mean score of them barely moves, the judge's jumps (its lift is +0.8 at the median
     * length, less near the top of the scale), and after the upgrade the longer anchors gain more.
     */
    @Test
    void onTheAnchorsTheJudgesScoreJumpsAtTheUpgradeWhileTheHumansDoNot() {
        for (long seed : new long[] {7, DemoScenario.DEFAULT_SEED}) {
            List<RatingsGenerator.RatingRecord> ratings = generate(seed);
            double judgeStep = anchorMean(ratings, 9, true) - anchorMean(ratings, 8, true);
            double humanStep = anchorMean(ratings, 9, false) - anchorMean(ratings, 8, false);
            assertThat(judgeStep).as("seed %d", seed).isGreaterThan(0.4);
            assertThat(Math.abs(humanStep)).as("seed %d", seed).isLessThan(0.25);

            // judge gain from week 8 to weeks 9..12 on the longer half of the anchors vs the shorter half
            Map<String, Integer> lengthOf = new TreeMap<>();
            ratings.stream().filter(RatingsGenerator.RatingRecord::anchor)
                    .forEach(r -> lengthOf.put(r.itemId(), r.outputLength()));
            List<Integer> sorted = lengthOf.values().stream().sorted().toList();
            int median = sorted.get(sorted.size() / 2);
            double gainLong = judgeGain(ratings, id -> lengthOf.get(id) >= median);
            double gainShort = judgeGain(ratings, id -> lengthOf.get(id) < median);
            assertThat(gainLong).as("seed %d", seed).isGreaterThan(gainShort + 0.2);
        }
    }

    @Test
    void theScenarioWritesTheRatingsFileWithTheDocumentedFields(@TempDir Path dir) throws IOException {
        DemoFiles files = DemoScenario.withSeed(3).generate(dir);
        assertThat(files.ratings()).isEqualTo(dir.resolve(DemoScenario.RATINGS_FILE));
        List<String> lines = Files.readAllLines(files.ratings());
        assertThat(lines).hasSize(files.ratingRecords()).hasSize(WEEKS * ITEMS_PER_WEEK * RATERS_PER_WEEK);
        ObjectMapper json = new ObjectMapper();
        int prose = 0;
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            assertThat(r.get("scale").asText()).isEqualTo("ordinal:1-5");
            assertThat(r.get("rubric_version").asText()).isEqualTo("rubric-v3");
            assertThat(r.get("rater_kind").asText()).isIn("human", "judge");
            assertThat(Instant.parse(r.get("ts").asText())).isBetween(Timeline.weekStart(1), Timeline.weekEnd(WEEKS));
            assertThat(r.get("output_len").asInt()).isPositive();
            assertThat(r.get("anchor").isBoolean()).isTrue();
            assertThat(r.has("contrast_pair")).isEqualTo(r.has("contrast_side"));
            prose += r.get("score").isTextual() ? 1 : 0;
        }
        assertThat(prose).isEqualTo(RatingsGenerator.UNUSABLE_REPLIES);
    }

    private static List<RatingsGenerator.RatingRecord> inWeek(List<RatingsGenerator.RatingRecord> ratings, int week) {
        return ratings.stream().filter(r -> !r.ts().isBefore(Timeline.weekStart(week))
                && r.ts().isBefore(Timeline.weekEnd(week))).toList();
    }

    private static Set<String> items(List<RatingsGenerator.RatingRecord> ratings,
                                     Predicate<RatingsGenerator.RatingRecord> filter) {
        return ratings.stream().filter(filter).map(RatingsGenerator.RatingRecord::itemId).collect(Collectors.toSet());
    }

    private static double anchorMean(List<RatingsGenerator.RatingRecord> ratings, int week, boolean judge) {
        return inWeek(ratings, week).stream()
                .filter(r -> r.anchor() && r.raterKind().equals(judge ? "judge" : "human"))
                .mapToInt(RatingsGenerator.RatingRecord::score).average().orElseThrow();
    }

    /** Mean judge score of the chosen anchors in weeks 9..12 minus that in week 8. */
    private static double judgeGain(List<RatingsGenerator.RatingRecord> ratings, Predicate<String> anchor) {
        double after = 0;
        for (int week = 9; week <= WEEKS; week++) {
            after += judgeMeanOf(inWeek(ratings, week), anchor) / (WEEKS - 8);
        }
        return after - judgeMeanOf(inWeek(ratings, 8), anchor);
    }

    private static double judgeMeanOf(List<RatingsGenerator.RatingRecord> ofWeek, Predicate<String> anchor) {
        return ofWeek.stream().filter(r -> r.anchor() && r.raterKind().equals("judge") && anchor.test(r.itemId()))
                .mapToInt(RatingsGenerator.RatingRecord::score).average().orElseThrow();
    }
}
