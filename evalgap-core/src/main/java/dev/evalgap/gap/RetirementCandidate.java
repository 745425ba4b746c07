package dev.evalgap.gap;

/**
 * An eval case that costs more than it tells: its topic is over-represented in the suite, or no
 * recent production comes near it.
 *
 * @param caseId             the case
 * @param topic              its topic
 * @param nearestProduction  cosine distance to the nearest scored production item of the window
 * @param reason             why, in words
 */
public record RetirementCandidate(String caseId, int topic, double nearestProduction, String reason) {
}
