package dev.evalgap.gap;

/**
 * Parameters of the gap statistics.
 *
 * @param folds        stratified folds of the classifier two-sample test
 * @param bootstrap    bootstrap resamples behind the intervals
 * @param confidence   level of every interval
 * @param permutations MMD permutations
 * @param topics       number of topics, 0 = chosen from the data (silhouette rule)
 * @param seed         seed of every randomized step
 */
public record GapOptions(int folds, int bootstrap, double confidence, int permutations, int topics, long seed) {
}
