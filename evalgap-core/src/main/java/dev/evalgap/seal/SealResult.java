package dev.evalgap.seal;

import dev.evalgap.Provenance;
import java.util.List;

/**
 * The outcome of a seal. Carries case ids and counts only, never a case's text.
 *
 * @param setName         the eval set
 * @param fromVersion     the version sealed from
 * @param version         the set's version afterwards ({@code fromVersion} when nothing changed)
 * @param newVersion      whether a version was written
 * @param fraction        the requested share
 * @param seed            the seed of the choice
 * @param stratification  how cases were stratified, in words
 * @param rule            the selection rule, in words
 * @param cases           cases in the set
 * @param target          sealed cases aimed for: round(fraction × cases)
 * @param sealedBefore    sealed cases before
 * @param sealedAfter     sealed cases after
 * @param strata          per stratum, in name order
 * @param newlySealed     ids of the cases this seal moved to the sealed split, sorted
 * @param provenance      evalgap and Java versions, time
 */
public record SealResult(
        String setName,
        int fromVersion,
        int version,
        boolean newVersion,
        double fraction,
        long seed,
        String stratification,
        String rule,
        int cases,
        int target,
        int sealedBefore,
        int sealedAfter,
        List<SealStratum> strata,
        List<String> newlySealed,
        Provenance provenance) {
}
