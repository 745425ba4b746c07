package dev.evalgap.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@link DemoScenario#generate} wrote, and the facts of the scenario a demo or a test needs
 * to know without reading the files.
 *
 * @param traffic        gzip JSONL of production interactions, sorted by {@code ts}
 * @param cases          JSONL of eval cases
 * @param runs           JSONL of offline scores, one per release and case
 * @param truth          gzip JSONL of the generator's ground truth per traffic record ({@code id},
 *                       {@code week}, {@code intent}, {@code group}, {@code register}, {@code satisfied});
 *                       not something a real log has: for checking what evalgap finds
 * @param ratings        JSONL of human and LLM-judge ratings ({@code ordinal:1-5}) of a weekly sample of the
 *                       live release's answers and of a fixed anchor set; the judge is upgraded silently in
 *                       week 9 to a version that rewards length
 * @param seed           the seed everything was drawn from
 * @param weeks          the ISO weeks of traffic, in order
 * @param releases       release names in deployment order ({@code r1} … {@code r8})
 * @param schedule       when each release went live
 * @param featureLaunch  the new product feature whose requests the suite cannot cover
 * @param policyChange   the refund-policy change that makes the suite's refund cases stale
 * @param trafficRecords number of lines in {@code traffic}
 * @param caseCount      number of lines in {@code cases}
 * @param runRecords     number of lines in {@code runs}
 * @param ratingRecords  number of lines in {@code ratings}
 */
public record DemoFiles(
        Path traffic,
        Path cases,
        Path runs,
        Path truth,
        Path ratings,
        long seed,
        List<Week> weeks,
        List<String> releases,
        List<Release> schedule,
        Event featureLaunch,
        Event policyChange,
        int trafficRecords,
        int caseCount,
        int runRecords,
        int ratingRecords) {

    public DemoFiles {
        weeks = List.copyOf(weeks);
        releases = List.copyOf(releases);
        schedule = List.copyOf(schedule);
    }

    /**
     * One ISO week of traffic.
     *
     * @param number        1 … 12 within the scenario
     * @param isoWeek       e.g. {@code 2026-W36}
     * @param start         Monday 00:00 UTC, inclusive
     * @param end           the next Monday 00:00 UTC, exclusive
     * @param records       traffic records in the week
     * @param distinctTexts distinct {@code text} values among them
     */
    public record Week(int number, String isoWeek, Instant start, Instant end, int records, int distinctTexts) {
    }

    /** A release and the instant from which it served traffic (until the next one went live). */
    public record Release(String name, Instant liveFrom, int week) {
    }

    /**
     * A change in the world that production traffic reflects and the frozen suite does not.
     *
     * @param name        short name, e.g. {@code Auto-Reorder}
     * @param week        scenario week (1-based) in which it happened
     * @param at          the instant it took effect
     * @param description one sentence for a demo narrative
     * @param sourceRef   reference in the style of a case's {@code source_ref}, e.g. {@code policy:refund@v3}
     */
    public record Event(String name, int week, Instant at, String description, String sourceRef) {
    }
}
