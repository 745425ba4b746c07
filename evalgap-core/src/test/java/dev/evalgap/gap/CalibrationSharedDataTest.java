package dev.evalgap.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgap.Progress;
import dev.evalgap.embed.Embedder;
import dev.evalgap.embed.Embedders;
import dev.evalgap.stats.ClassifierTwoSampleResult;
import dev.evalgap.stats.ClassifierTwoSampleTest;
import dev.evalgap.stats.MmdPermutationTest;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calibration on real traffic: random halves of one production sample (the human turns of
 * ../shared/data/sharegpt_sample, embedded with the default model) come from one distribution, so a
 * test at alpha = 0.05 must reject in about 5% of the splits. Skipped when the shared data is absent.
 */
@Tag("shared-data")
class CalibrationSharedDataTest {

    private static final int SPLITS = 100;
    private static float[][] turns;

    @BeforeAll
    static void embedHumanTurns() throws Exception {
        Path file = Path.of(System.getProperty("evalgap.shared", "../../shared"), "data", "sharegpt_sample",
                "sharegpt92k_sample_1000.jsonl");
        assumeTrue(Files.isRegularFile(file), "shared data absent: " + file);
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                for (JsonNode turn : json.readTree(line).path("conversations")) {
                    if ("human".equals(turn.path("from").asText()) && !turn.path("value").asText().isBlank()) {
                        texts.add(turn.path("value").asText());
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(3400);
        try (Embedder embedder = Embedders.create(Embedders.DEFAULT)) {
            turns = embedder.embed(texts, Progress.NONE);
        }
    }

    /** Split {@code seed}: a seeded random half of the turns against the other half. */
    private static float[][][] split(long seed) {
        int n = turns.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[][] a = new float[n / 2][];
        float[][] b = new float[n - n / 2][];
        for (int i = 0; i < n; i++) {
            if (i < a.length) {
                a[i] = turns[order[i]];
            } else {
                b[i - a.length] = turns[order[i]];
            }
        }
        return new float[][][] {a, b};
    }

    @Test
    void classifierTestRejectsAboutAlphaOfRandomHalves() {
        int rejected = 0;
        for (int s = 0; s < SPLITS; s++) {
            float[][][] ab = split(1000 + s);
            ClassifierTwoSampleResult r = ClassifierTwoSampleTest.withDefaults().withSeed(s).withBootstrap(500)
                    .test(ab[0], ab[1]);
            rejected += r.distinguishable() ? 1 : 0;
        }
        // alpha = 0.05 over 100 splits: between 2% and 8%
        assertThat(rejected).as("C2ST rejections of %d null splits", SPLITS).isBetween(2, 8);
    }

    @Test
    void mmdRejectsAboutAlphaOfRandomHalves() {
        int rejected = 0;
        double sumP = 0;
        for (int s = 0; s < SPLITS; s++) {
            float[][][] ab = split(1000 + s);
            double p = MmdPermutationTest.withDefaults().withPermutations(200).withSeed(s).test(ab[0], ab[1]).pValue();
            rejected += p <= 0.05 ? 1 : 0;
            sumP += p;
        }
        assertThat(rejected).as("MMD rejections of %d null splits", SPLITS).isBetween(2, 8);
        assertThat(sumP / SPLITS).as("mean p under H0 (uniform: 0.5)").isBetween(0.4, 0.6);
    }
}
