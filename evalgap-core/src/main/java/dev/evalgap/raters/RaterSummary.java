package dev.evalgap.raters;

import java.util.List;

/**
 * One rater's ratings, usable or not.
 *
 * @param rater            the rater's id
 * @param kind             {@code human}, {@code judge}, or {@code null} when no rating says
 * @param versions         the rater versions seen (judge model and prompt, or human cohort), sorted
 * @param ratings          ratings stored
 * @param unusable         ratings whose score could not be read on their scale
 * @param items            items rated
 * @param unusableExamples up to three unusable scores as written (cut at 60 characters)
 */
public record RaterSummary(String rater, String kind, List<String> versions, int ratings, int unusable, int items,
                           List<String> unusableExamples) {
}
