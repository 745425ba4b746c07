package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LandisKochTest {

    @Test
    void bandsOfLandisAndKoch1977() {
        // <0 poor, 0-.20 slight, .21-.40 fair, .41-.60 moderate, .61-.80 substantial, .81-1 almost perfect
        assertThat(LandisKoch.of(-0.3)).isEqualTo(LandisKoch.POOR);
        assertThat(LandisKoch.of(-1e-9)).isEqualTo(LandisKoch.POOR);
        assertThat(LandisKoch.of(0)).isEqualTo(LandisKoch.SLIGHT);
        assertThat(LandisKoch.of(0.20)).isEqualTo(LandisKoch.SLIGHT);
        assertThat(LandisKoch.of(0.205)).isEqualTo(LandisKoch.FAIR);
        assertThat(LandisKoch.of(0.21)).isEqualTo(LandisKoch.FAIR);
        assertThat(LandisKoch.of(0.40)).isEqualTo(LandisKoch.FAIR);
        assertThat(LandisKoch.of(0.41)).isEqualTo(LandisKoch.MODERATE);
        assertThat(LandisKoch.of(0.60)).isEqualTo(LandisKoch.MODERATE);
        assertThat(LandisKoch.of(0.61)).isEqualTo(LandisKoch.SUBSTANTIAL);
        assertThat(LandisKoch.of(0.80)).isEqualTo(LandisKoch.SUBSTANTIAL);
        assertThat(LandisKoch.of(0.8000001)).isEqualTo(LandisKoch.ALMOST_PERFECT);
        assertThat(LandisKoch.of(1)).isEqualTo(LandisKoch.ALMOST_PERFECT);
        assertThat(LandisKoch.ALMOST_PERFECT.label()).isEqualTo("almost perfect");
        assertThat(LandisKoch.POOR.label()).isEqualTo("poor");
    }

    @Test
    void anUndefinedCoefficientHasNoReading() {
        assertThatThrownBy(() -> LandisKoch.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AgreementFigure(Double.NaN, null, 10, 1000, 1000, 0).reading()).isNull();
        assertThat(new AgreementFigure(0.7, null, 10, 1000, 3, 0).reading()).isEqualTo(LandisKoch.SUBSTANTIAL);
    }
}
