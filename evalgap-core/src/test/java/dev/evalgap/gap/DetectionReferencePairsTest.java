package dev.evalgap.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evalgap.Progress;
import dev.evalgap.ingest.VectorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known differences are detected: the {@code shift} (B = base + 0.05·u after normalisation) and
 * {@code mixture} (20% of B from a new topic) pairs of ../shared/bench/make_vectors.py at n = 2000.
 * Runs when /usr/bin/python3 with numpy and the shared folder are present.
 */
@Tag("shared-data")
class DetectionReferencePairsTest {

    private static Path generate(String scenario) throws Exception {
        Path script = Path.of(System.getProperty("evalgap.shared", "../../shared"), "bench", "make_vectors.py");
        assumeTrue(Files.isRegularFile(script), "shared bench absent");
        Path out = Path.of("target", "reference-pairs");
        Path a = out.resolve(scenario + "_n2000_A.npy");
        if (!Files.exists(a)) {
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "--out", out.toString(), "--sizes",
                    "2000").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 with numpy unavailable");
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"shift", "mixture"})
    void bothTestsDetectTheKnownDifference(String scenario) throws Exception {
        Path dir = generate(scenario);
        float[][] a = VectorFile.read(dir.resolve(scenario + "_n2000_A.npy"));
        float[][] b = VectorFile.read(dir.resolve(scenario + "_n2000_B.npy"));
        GapFigures f = GapStatistics.compute(GapSamples.ofVectors(a, b, 0), new GapOptions(5, 1000, 0.95, 1000, 20, 0),
                Progress.NONE);
        assertThat(f.mmd().pValue()).as("MMD p").isLessThanOrEqualTo(0.01);
        assertThat(f.c2st().pValue()).as("C2ST p").isLessThanOrEqualTo(0.01);
        assertThat(f.c2st().gapInterval().low()).isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null"})
    void theNullPairIsNotRejected(String scenario) throws Exception {
        Path dir = generate(scenario);
        float[][] a = VectorFile.read(dir.resolve(scenario + "_n2000_A.npy"));
        float[][] b = VectorFile.read(dir.resolve(scenario + "_n2000_B.npy"));
        GapFigures f = GapStatistics.compute(GapSamples.ofVectors(a, b, 0), new GapOptions(5, 1000, 0.95, 1000, 20, 0),
                Progress.NONE);
        assertThat(f.mmd().pValue()).isGreaterThan(0.05);
        assertThat(f.c2st().gapInterval().contains(0)).isTrue();
        assertThat(f.coverage().relativeCoverageInterval().low()).isLessThan(1.05);
    }
}
