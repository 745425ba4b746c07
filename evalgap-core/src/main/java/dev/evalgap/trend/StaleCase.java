package dev.evalgap.trend;

import java.time.LocalDate;

/**
 * An eval case whose ground truth is out of date (concept shift). Carries the case's id and
 * provenance fields only, never its text.
 *
 * @param caseId           the case
 * @param expires          its {@code expires} date, or {@code null}
 * @param sourceRef        its {@code source_ref}, or {@code null}
 * @param expired          {@code expires} is on or before the reference date
 * @param policySuperseded {@code source_ref} names a version of a policy other than the current one
 * @param reason           why, in words
 */
public record StaleCase(
        String caseId,
        LocalDate expires,
        String sourceRef,
        boolean expired,
        boolean policySuperseded,
        String reason) {
}
