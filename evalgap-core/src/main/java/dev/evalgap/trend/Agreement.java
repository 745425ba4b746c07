package dev.evalgap.trend;

import java.util.List;

/**
 * Offline↔online agreement across releases, over all releases and over the most recent ones.
 *
 * @param convention   the direction convention in words
 * @param lastReleases N of "the last N releases"
 * @param allReleases  one entry per KPI over every release with the figures
 * @param recent       the same over the last N of those releases
 * @param alerts       every alert in words
 */
public record Agreement(
        String convention,
        int lastReleases,
        List<KpiAgreement> allReleases,
        List<KpiAgreement> recent,
        List<String> alerts) {

    static final String CONVENTION = "offline scores are higher-is-better; for a higher-is-better KPI (thumbs-up rate, "
            + "CSAT) agreement means moving in the same direction (rho > 0), for a lower-is-better KPI (retry, edit, "
            + "abandonment rates) in opposite directions (rho < 0); status reads the Spearman rho multiplied by the "
            + "KPI's sign (+1 / -1): INVERTED when it is < 0, COLLAPSED when its interval includes 0";
}
