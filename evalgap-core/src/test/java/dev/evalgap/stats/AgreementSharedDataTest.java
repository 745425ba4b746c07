package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgap.stats.KrippendorffAlpha.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the three human annotators of ../shared/data/pandalm/testset-v1_human3.json (999
 * response pairs, each labelled 0 tie, 1 or 2 by annotator1..3). Expected values from numpy and
 * scikit-learn 1.2.1 on the same file: Fleiss' formulas, Krippendorff's coincidence matrix built
 * pair by pair, {@code cohen_kappa_score(annotator1, annotator2)}. Skipped when the shared data is
 * absent.
 */
@Tag("shared-data")
class AgreementSharedDataTest {

    private static int[][] labels;

    @BeforeAll
    static void readAnnotations() throws Exception {
        final Path file = Path.of(System.getProperty("evalgap.shared", "../../shared"), "data", "pandalm",
            "testset-v1_human3.json");
        assumeTrue(Files.isRegularFile(file), "shared data absent: " + file);
        final JsonNode records = new ObjectMapper().readTree(file.toFile());
        labels = new int[3][records.size()];
        for (int i = 0; i < records.size(); i++) {
            for (int r = 0; r < 3; r++) {
                labels[r][i] = records.get(i).path("annotator" + (r + 1)).asInt(-1);
            }
        }
    }

    @Test
    void threeAnnotatorsMatchNumpyAndScikitLearn() {
        final int items = labels[0].length;
        assertThat(items).isEqualTo(999);
        final int[][] counts = new int[items][3];
        final double[][] ratings = new double[items][3];
        for (int i = 0; i < items; i++) {
            for (int r = 0; r < 3; r++) {
                counts[i][labels[r][i]]++;
                ratings[i][r] = labels[r][i];
            }
        }
        assertThat(FleissKappa.of(counts)).isCloseTo(0.864175364997549, within(1e-12));
        assertThat(KrippendorffAlpha.of(ratings, Level.NOMINAL)).isCloseTo(0.8642206851960816, within(1e-12));
        assertThat(CohensKappa.of(labels[0], labels[1], 3, KappaWeights.NONE)).isCloseTo(0.8520226785167024, within(1e-12));
        assertThat(PercentAgreement.of(labels[0], labels[1])).isCloseTo(0.9129129129129129, within(1e-12));
    }

    @Test
    void bootstrapOfAlphaOverAThousandItems() {
        final int items = labels[0].length;
        final double[][] ratings = new double[items][3];
        for (int i = 0; i < items; i++) {
            for (int r = 0; r < 3; r++) {
                ratings[i][r] = labels[r][i];
            }
        }
        final KrippendorffAlpha.Prepared prepared = KrippendorffAlpha.prepare(ratings, Level.NOMINAL);
        final AgreementFigure f = ItemBootstrap.withDefaults().run(items, prepared::alpha);
        assertThat(f.estimate()).isCloseTo(0.8642206851960816, within(1e-12));
        assertThat(f.undefinedResamples()).isZero();
        assertThat(f.interval().contains(f.estimate())).isTrue();
        // about 1000 items: the interval is a few points wide, not tens
        assertThat(f.interval().width()).isBetween(0.01, 0.08);
        assertThat(f.reading()).isEqualTo(LandisKoch.ALMOST_PERFECT);
    }
}
