package dev.evalgap.gap;

import dev.evalgap.Provenance;
import java.util.List;

/**
 * What to add to the eval set and what to retire, for one window.
 *
 * @param setName     the eval set
 * @param setVersion  its version
 * @param window      the production window
 * @param rule        how candidates and retirements were chosen, in words
 * @param candidates  production items to label, spread over the under-covered topics
 * @param retirements eval cases to review for retirement
 * @param gap         the gap result they were derived from
 */
public record RefreshSuggestions(
        String setName,
        int setVersion,
        String window,
        String rule,
        List<RefreshCandidate> candidates,
        List<RetirementCandidate> retirements,
        GapResult gap,
        Provenance provenance) {
}
