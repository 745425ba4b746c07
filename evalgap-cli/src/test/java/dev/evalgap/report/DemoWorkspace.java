package dev.evalgap.report;

import dev.evalgap.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The demo scenario as the browser tests see it, built once per test run: the hashing embedder (the
 * real model is exercised by the demo tests; here only the pages matter), gap results of three weeks
 * computed BEFORE a fifth of the cases is sealed, so the report must mask texts that those stored
 * results still hold.
 */
final class DemoWorkspace {

    static final String FIRST = "2026-W36";
    static final String MIDDLE = "2026-W41";
    static final String LAST = "2026-W47";

    private static Path dir;

    private DemoWorkspace() {
    }

    /**
     * Three human raters and a judge scoring the same 60 outputs on a 1-5 scale in two weeks; the judge is
     * upgraded in the second week and one of its answers is unparseable.
     */
    private static String ratings() {
        Random rng = new Random(5);
        StringBuilder out = new StringBuilder();
        for (int week = 0; week < 2; week++) {
            for (int item = 0; item < 60; item++) {
                int quality = 1 + rng.nextInt(5);
                int length = 200 + rng.nextInt(800);
                String ts = String.format("2026-11-%02dT12:00:00Z", 9 + 7 * week);
                for (String rater : new String[] {"h1", "h2", "h3", "judge"}) {
                    boolean judge = rater.equals("judge");
                    int noise = rng.nextInt(3) - 1;
                    int score = Math.max(1, Math.min(5, quality + (rng.nextInt(3) == 0 ? noise : 0)
                            + (judge && week == 1 && length > 600 ? 1 : 0)));
                    String shown = judge && week == 1 && item == 7 ? "\"I would rate this highly\"" : String.valueOf(score);
                    out.append(String.format(Locale.ROOT, "{\"item_id\": \"%s\", \"rater\": \"%s\", \"rater_kind\": \"%s\", "
                            + "\"rater_version\": \"%s\", \"rubric_version\": \"v1\", \"score\": %s, \"scale\": \"ordinal:1-5\", "
                            + "\"ts\": \"%s\", \"anchor\": %s, \"output_len\": %d}%n",
                            item < 20 ? "anchor-" + item : "o" + item + "-w" + week, rater, judge ? "judge" : "human",
                            judge ? (week == 0 ? "gpt-4o/p1" : "gpt-4.1/p2") : "cohort-a", shown, ts, item < 20, length));
                }
            }
        }
        return out.toString();
    }

    static synchronized Path get() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("evalgap-browser-demo").resolve("ws");
                Cli.ok("demo", d.toString(), "--embedder", "hashing");
                for (String w : new String[] {FIRST, MIDDLE, LAST}) {
                    Cli.ok("gap", "-w", d.toString(), "--set", "support", "--window", w, "--permutations", "200");
                }
                Cli.ok("seal", "-w", d.toString(), "--set", "support", "--fraction", "0.2", "--seed", "7");
                Path ratings = d.resolve("ratings.jsonl");
                Files.writeString(ratings, ratings());
                Cli.ok("ingest", "ratings", "-w", d.toString(), ratings.toString());
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
