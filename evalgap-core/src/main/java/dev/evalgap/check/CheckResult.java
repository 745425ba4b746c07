package dev.evalgap.check;

import dev.evalgap.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * The gate's outcome: every configured threshold evaluated.
 *
 * @param setName      the eval set
 * @param setVersion   its current version
 * @param window       the window checked
 * @param releases     releases live up to and including the window, in timeline order (the trend
 *                     figures are computed over these)
 * @param asOf         reference date of case expiry
 * @param gapComputed  whether the gap of the window had to be computed (no stored result for this set version)
 * @param checks       one per threshold (the correlation threshold: one per online KPI with a direction)
 * @param passed       no check failed (and, with {@code strict}, none was skipped)
 * @param strict       whether skipped checks fail the gate
 * @param notes        what the reader must know
 * @param seed         seed of the intervals
 * @param provenance   evalgap and Java versions, time
 */
public record CheckResult(
        String setName,
        int setVersion,
        String window,
        List<String> releases,
        LocalDate asOf,
        boolean gapComputed,
        List<CheckItem> checks,
        boolean passed,
        boolean strict,
        List<String> notes,
        long seed,
        Provenance provenance) {

    /** @return checks that failed */
    public long failures() {
        return checks.stream().filter(c -> c.status() == CheckItem.Status.FAIL).count();
    }

    /** @return checks that could not be evaluated */
    public long skipped() {
        return checks.stream().filter(c -> c.status() == CheckItem.Status.SKIP).count();
    }
}
