package dev.evalgap.stats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the tests that compare with the Python reference (../shared/bench) share: where it is, how to run it. */
final class PythonPeer {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonPeer() {
    }

    /** ../shared, from the build's {@code evalgap.shared} property or relative to the module. */
    static Path sharedFolder() {
        final String property = System.getProperty("evalgap.shared");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.dir")).resolve("../../shared").normalize();
    }

    /** Runs a command with its output in files; the exit code, or -1 after 180 s. */
    static int run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
        final Process p = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** A matrix as CSV, each value the shortest decimal that round-trips to the same float. */
    static void writeCsv(Path file, float[][] x) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            final StringBuilder line = new StringBuilder();
            for (final float[] row : x) {
                line.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    line.append(row[j]);
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
