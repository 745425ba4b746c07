package dev.evalgap.report;

import dev.evalgap.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo scenario as the browser tests see it, built once per test run: the hashing embedder (the
 * real model is exercised by the demo tests; here only the pages matter), gap results of three weeks
 * computed BEFORE a fifth of the cases is sealed, so the report must mask texts that those stored
 * results still hold. The rater view shows the demo's own ratings.
 */
final class DemoWorkspace {

    static final String FIRST = "2026-W36";
    static final String MIDDLE = "2026-W41";
    static final String LAST = "2026-W47";

    private static Path dir;

    private DemoWorkspace() {
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
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
