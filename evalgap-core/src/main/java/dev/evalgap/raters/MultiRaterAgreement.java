package dev.evalgap.raters;

/**
 * Agreement among many raters at once.
 *
 * @param group          {@code humans}, {@code judges} or {@code all raters}
 * @param raters         raters in the group
 * @param items          items rated by at least two of them (the pairable units of α)
 * @param alpha          Krippendorff's α at the scale's level, missing ratings allowed
 * @param fleissKappa    Fleiss' κ over the items with exactly {@code fleissRaters} ratings of the group
 *                       (categorical scales; {@code null} otherwise)
 * @param fleissItems    items in Fleiss' κ
 * @param fleissRaters   ratings per item in Fleiss' κ: the most common number among the items
 */
public record MultiRaterAgreement(String group, int raters, int items, Coefficient alpha, Coefficient fleissKappa,
                                  int fleissItems, int fleissRaters) {
}
