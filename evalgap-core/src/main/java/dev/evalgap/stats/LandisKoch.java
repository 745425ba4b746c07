package dev.evalgap.stats;

/**
 * The verbal reading of an agreement coefficient (κ, α) by Landis and Koch [1]: below 0 poor,
 * 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1 almost
 * perfect. The published bands are given to two decimals; here each band includes its upper end
 * and the values between (e.g. 0.205) belong to the band above: slight is [0, 0.20], fair
 * (0.20, 0.40], and so on. Landis and Koch call the bands arbitrary benchmarks; they are a
 * convention for reading a figure, not a test.
 *
 * <p>Reference: [1] J. R. Landis and G. G. Koch, "The measurement of observer agreement for
 * categorical data", Biometrics 33 (1977) 159–174. doi:10.2307/2529310
 */
public enum LandisKoch {
    /** Below 0: less agreement than chance. */
    POOR("poor"),
    /** [0, 0.20]. */
    SLIGHT("slight"),
    /** (0.20, 0.40]. */
    FAIR("fair"),
    /** (0.40, 0.60]. */
    MODERATE("moderate"),
    /** (0.60, 0.80]. */
    SUBSTANTIAL("substantial"),
    /** Above 0.80. */
    ALMOST_PERFECT("almost perfect");

    private final String label;

    LandisKoch(String label) {
        this.label = label;
    }

    /**
     * @param coefficient an agreement coefficient, at most 1 (a value above 1 from rounding reads
     *                    as almost perfect)
     * @return its band
     * @throws IllegalArgumentException if the coefficient is NaN (undefined agreement has no reading)
     */
    public static LandisKoch of(double coefficient) {
        if (Double.isNaN(coefficient)) {
            throw new IllegalArgumentException("an undefined (NaN) coefficient has no Landis-Koch reading");
        }
        if (coefficient < 0) {
            return POOR;
        }
        if (coefficient <= 0.20) {
            return SLIGHT;
        }
        if (coefficient <= 0.40) {
            return FAIR;
        }
        if (coefficient <= 0.60) {
            return MODERATE;
        }
        if (coefficient <= 0.80) {
            return SUBSTANTIAL;
        }
        return ALMOST_PERFECT;
    }

    /** @return the band's name as Landis and Koch wrote it, lower case, e.g. "almost perfect" */
    public String label() {
        return label;
    }
}
