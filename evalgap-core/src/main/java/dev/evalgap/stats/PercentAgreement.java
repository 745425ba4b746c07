package dev.evalgap.stats;

import java.util.Objects;

/**
 * Percent agreement of two raters: the share of items, among those both raters coded, that got
 * the same code, \(p_o = \#\{i : a_i = b_i\} / n\). It is the observed agreement of an unweighted
 * {@link CohensKappa} without the chance correction, so it is high whenever one category dominates;
 * report it next to a chance-corrected coefficient, not instead of one.
 *
 * <p>Missing ratings: a code of −1 marks a missing rating, and an item missing on either side is
 * left out. With no complete pair the share is undefined: NaN. Codes below −1 and unequal lengths
 * raise {@link IllegalArgumentException}. Nothing here is random.
 */
public final class PercentAgreement {

    private static final String BAD_CODE = "%s[%d] must be a category code >= 0 or -1 (missing), got %d";

    private PercentAgreement() {
    }

    /**
     * @param a rater a's code of every item, &ge; 0, or −1 when missing
     * @param b rater b's code of the same items
     * @return the share of complete pairs with equal codes, in [0, 1]; NaN when there is none
     * @throws IllegalArgumentException if the lengths differ or a code is below −1
     */
    public static double of(int[] a, int[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Arguments.checkLength("b", b.length, a.length);
        long pairs = 0;
        long equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < -1) {
                throw Arguments.error(BAD_CODE, "a", i, a[i]);
            }
            if (b[i] < -1) {
                throw Arguments.error(BAD_CODE, "b", i, b[i]);
            }
            if (a[i] >= 0 && b[i] >= 0) {
                pairs++;
                equal += a[i] == b[i] ? 1 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : equal / (double) pairs;
    }
}
