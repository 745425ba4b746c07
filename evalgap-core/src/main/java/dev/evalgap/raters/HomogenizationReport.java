package dev.evalgap.raters;

import java.util.List;

/**
 * Labeler homogenization: per period the human raters' agreement, score variance, label entropy and
 * discrimination on known-contrast anchor pairs, and the steps where agreement rose while the spread fell.
 *
 * @param method  the rule of a flag
 * @param periods one row per period with human ratings
 * @param flags   "converged or collapsed?" between consecutive periods
 */
public record HomogenizationReport(String method, List<PeriodSpread> periods, List<String> flags) {
}
