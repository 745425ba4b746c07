package dev.evalgap.raters;

/**
 * A group's consensus against one rater, e.g. the 3-human majority against the judge.
 *
 * @param group             who forms the consensus ({@code humans})
 * @param groupRaters       how many raters the group has
 * @param rule              how the consensus is formed on this scale ({@link Consensus})
 * @param itemsWithout      items the group rated without reaching a consensus (left out)
 * @param agreement         the consensus ({@code first}) against the rater ({@code second})
 */
public record ConsensusAgreement(String group, int groupRaters, String rule, int itemsWithout,
                                 PairAgreement agreement) {
}
