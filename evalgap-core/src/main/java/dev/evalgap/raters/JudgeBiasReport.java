package dev.evalgap.raters;

import java.util.List;

/**
 * Judge biases as figures.
 *
 * @param length         per judge: association of score (or verdict) with output length
 * @param position       per pairwise judge: dependence of the verdict on the order shown
 * @param selfPreference per judge and output model family: judge against humans on the same outputs
 * @param notes          what could not be computed, and why
 */
public record JudgeBiasReport(List<LengthBias> length, List<PositionBias> position,
                              List<SelfPreference> selfPreference, List<String> notes) {
}
