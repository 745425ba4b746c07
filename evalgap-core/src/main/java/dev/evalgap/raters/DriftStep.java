package dev.evalgap.raters;

import dev.evalgap.stats.AgreementFigure;

/**
 * The change of the composite score from one period to another, split into the part of the system's
 * outputs, of the judges and of the humans (see {@link DriftAttribution}). The four figures share their
 * bootstrap resamples, so their intervals are of one piece.
 *
 * @param from            the earlier period
 * @param to              the later period
 * @param anchorItems     anchor items rated by judges and humans in both periods
 * @param systemItemsFrom the system's (non-anchor) items rated in {@code from}
 * @param systemItemsTo   the same in {@code to}
 * @param judgeWeight     weight of the judges' mean in the composite (½, or 1 when no human rated system
 *                        items in both periods, 0 when no judge did)
 * @param humanWeight     weight of the humans' mean
 * @param compositeFrom   the composite score of {@code from}
 * @param compositeTo     the composite score of {@code to}
 * @param change          compositeTo − compositeFrom
 * @param system          the part from the system's outputs changing
 * @param judges          the part from the judges changing
 * @param humans          the part from the humans changing
 * @param attributedTo    {@code system}, {@code judges} or {@code humans}: the largest part whose interval
 *                        excludes 0; {@code unclear} when no part's does
 */
public record DriftStep(String from, String to, int anchorItems, int systemItemsFrom, int systemItemsTo,
                        double judgeWeight, double humanWeight, double compositeFrom, double compositeTo,
                        AgreementFigure change, AgreementFigure system, AgreementFigure judges,
                        AgreementFigure humans, String attributedTo) {
}
