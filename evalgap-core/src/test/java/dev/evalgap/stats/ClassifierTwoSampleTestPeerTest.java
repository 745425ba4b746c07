package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the C2ST AUC with the reference peer {@code ../shared/bench/drift_peer.py}
 * (scikit-learn: LogisticRegression(C=1.0, class_weight='balanced', max_iter=1000), no scaling,
 * StratifiedKFold(5, shuffle=True, random_state=0), out-of-fold predict_proba, roc_auc_score).
 * Skipped unless /usr/bin/python3 with numpy and scikit-learn and the shared folder are present.
 * The folds differ (NumPy's shuffle vs ours), so the AUCs agree to sampling noise, not exactly.
 */
class ClassifierTwoSampleTestPeerTest {

    @Test
    void aucAgreesWithScikitLearnPeer(@TempDir Path dir) throws Exception {
        final Path script = PythonPeer.sharedFolder().resolve("bench/drift_peer.py");
        assumeTrue(Files.isRegularFile(script), "no " + script);
        assumeTrue(Files.isExecutable(PythonPeer.PYTHON), "no /usr/bin/python3");
        assumeTrue(PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), "-c", "import numpy, sklearn"),
            dir.resolve("probe.out"), dir.resolve("probe.err")) == 0, "python3 lacks numpy or sklearn");

        // a ~ N(0, I), b ~ N(0.15 * 1, I) in 50 dimensions: Mahalanobis distance 0.15 * sqrt(50)
        // = 1.06, Bayes-optimal AUC = Phi(1.06 / sqrt 2) = 0.773
        final float[][] a = ClassifierTwoSampleTestTest.gaussian(1000, 50, 0, 31);
        final float[][] b = ClassifierTwoSampleTestTest.gaussian(1000, 50, 0.15, 32);
        final Path fa = dir.resolve("A.csv");
        final Path fb = dir.resolve("B.csv");
        PythonPeer.writeCsv(fa, a);
        PythonPeer.writeCsv(fb, b);
        final Path out = dir.resolve("peer.json");
        final Path err = dir.resolve("peer.err");
        // /usr/bin/python3 drift_peer.py A.csv B.csv --skip mmd,kmeans --seed 0
        final int code = PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), script.toString(), fa.toString(), fb.toString(),
            "--skip", "mmd,kmeans", "--seed", "0"), out, err);
        assertThat(code).as("drift_peer.py exit code; stderr: %s", Files.readString(err)).isEqualTo(0);
        final JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.at("/input/n_a").asInt()).isEqualTo(1000);
        assertThat(json.at("/input/d").asInt()).isEqualTo(50);
        final double peerAuc = json.at("/c2st/auc").asDouble(Double.NaN);

        final ClassifierTwoSampleResult r = ClassifierTwoSampleTest.withDefaults().test(a, b);
        assertThat(peerAuc).isBetween(0.7, 0.8);
        assertThat(r.auc()).isCloseTo(peerAuc, within(0.01));
        assertThat(r.aucInterval().contains(peerAuc)).isTrue();
    }
}
