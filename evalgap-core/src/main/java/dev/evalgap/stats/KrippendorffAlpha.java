package dev.evalgap.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Krippendorff's alpha [1, 2]: chance-corrected agreement of any number of raters on a nominal,
 * ordinal or interval scale, with missing ratings allowed.
 *
 * <p>Definition [1]: a unit (item) holding \(m_u \ge 2\) ratings is pairable; units with fewer are
 * ignored. Every ordered pair of two different ratings of a pairable unit adds \(1/(m_u - 1)\) to
 * the coincidence matrix \(o_{ck}\) at their values c and k, so \(n_c = \sum_k o_{ck}\) is the
 * number of pairable ratings with value c and \(n = \sum_c n_c\) the number of all of them. Then
 * \[\alpha = 1 - \frac{D_o}{D_e}
 *   = 1 - (n - 1)\,\frac{\sum_{c,k} o_{ck}\,\delta^2_{ck}}{\sum_{c,k} n_c\,n_k\,\delta^2_{ck}}\]
 * with the difference function of the {@link Level}:
 * <ul>
 *   <li>nominal: \(\delta^2_{ck} = 0\) if c = k, else 1;</li>
 *   <li>ordinal: \(\delta^2_{ck} = \big(\sum_{g=c}^{k} n_g - (n_c + n_k)/2\big)^2\), g running over the
 *       values from c to k in numeric order, so only the order of the values matters;</li>
 *   <li>interval: \(\delta^2_{ck} = (c - k)^2\).</li>
 * </ul>
 * α is 1 for perfect agreement and 0 when the ratings disagree as much as values paired at random
 * would; the factor n − 1 (not n) corrects for small samples. With two raters, no missing rating
 * and the nominal level, \(\alpha = \pi + (1 - \pi)/n\) with Scott's \(\pi\).
 *
 * <p>Computation: both sums run over ordered pairs of ratings, within one unit (numerator) or over
 * all pairable ratings (denominator), so no k × k matrix is built. Within a unit the pairs are
 * taken over its distinct values with their multiplicities. Over all ratings they come from the
 * value counts: \(n^2 - \sum_c n_c^2\) for nominal values and \(2n \sum_c n_c (x_c - \bar x)^2\) for
 * interval values. The ordinal difference is the interval one taken on the midrank positions
 * \(M_c = \sum_{g \lt c} n_g + n_c/2\), because \(\sum_{g=c}^{k} n_g - (n_c + n_k)/2 = M_k - M_c\) for
 * c &le; k. {@link #prepare(double[][], Level)} indexes the values once; {@link Prepared#alpha(int[])}
 * then costs O(units drawn × their distinct values² + distinct values) per resample of units, the
 * ordinal positions being recomputed from the resample's own counts as the definition requires.
 *
 * <p>Degenerate cases: with no pairable unit, or when every pairable rating has the same value
 * (\(D_e = 0\): no variation, so agreement cannot be told from chance), α is 0/0 and NaN is
 * returned, not 1 by convention. A rating is NaN when missing; an infinite rating or ragged rows
 * raise {@link IllegalArgumentException}. Nothing here is random; for an interval resample units
 * with {@link ItemBootstrap} (Hayes and Krippendorff [3] resample pairable values instead, which
 * ignores that ratings of one unit are correlated).
 *
 * <p>References:
 * <ol>
 *   <li>K. Krippendorff, "Computing Krippendorff's alpha-reliability", Annenberg School for
 *       Communication Departmental Papers 43 (2011). https://repository.upenn.edu/asc_papers/43</li>
 *   <li>K. Krippendorff, Content Analysis: An Introduction to Its Methodology, 4th ed., SAGE (2019),
 *       chapter 12. doi:10.4135/9781071878781</li>
 *   <li>A. F. Hayes and K. Krippendorff, "Answering the call for a standard reliability measure for
 *       coding data", Communication Methods and Measures 1 (2007) 77–89.
 *       doi:10.1080/19312450709336664</li>
 * </ol>
 */
public final class KrippendorffAlpha {

    /** The level of measurement of the ratings: which difference function \(\delta^2\) applies. */
    public enum Level {
        /** Unordered labels: any two different values differ equally. */
        NOMINAL,
        /** Ordered values: the difference grows with the number of ratings between two values. */
        ORDINAL,
        /** Numbers with equal steps: the squared difference. */
        INTERVAL
    }

    private static final String BAD_UNIT_INDEX = "unitIndexes[%d] must be a unit index in 0..%d, got %d";

    private KrippendorffAlpha() {
    }

    /**
     * @param unitsByRaters {@code unitsByRaters[u][r]} rater r's rating of unit u (a category code
     *                      or a number); NaN when missing
     * @param level         the level of measurement
     * @return α over the pairable units; NaN when undefined
     * @throws IllegalArgumentException if the rows are ragged or a rating is infinite
     */
    public static double of(double[][] unitsByRaters, Level level) {
        return prepare(unitsByRaters, level).alpha();
    }

    /**
     * Indexes the ratings once, for computing α on many resamples of the units.
     *
     * @param unitsByRaters {@code unitsByRaters[u][r]} rater r's rating of unit u; NaN when missing
     * @param level         the level of measurement
     * @return the prepared ratings
     * @throws IllegalArgumentException if the rows are ragged or a rating is infinite
     */
    public static Prepared prepare(double[][] unitsByRaters, Level level) {
        Objects.requireNonNull(unitsByRaters, "unitsByRaters");
        Objects.requireNonNull(level, "level");
        final double[][] pairable = pairableRatings(unitsByRaters);
        final double[] values = Arrays.stream(pairable).flatMapToDouble(Arrays::stream).sorted().distinct().toArray();
        final Unit[] units = new Unit[pairable.length];
        for (int u = 0; u < pairable.length; u++) {
            units[u] = Unit.of(pairable[u], values);
        }
        return new Prepared(level, values, units);
    }

    /** Every unit's present ratings, sorted; empty for a unit with fewer than 2 (not pairable). */
    private static double[][] pairableRatings(double[][] unitsByRaters) {
        final int raters = unitsByRaters.length == 0 || unitsByRaters[0] == null ? 0 : unitsByRaters[0].length;
        final double[][] pairable = new double[unitsByRaters.length][];
        for (int u = 0; u < unitsByRaters.length; u++) {
            final double[] row = unitsByRaters[u];
            if (row == null) {
                throw Arguments.error(Arguments.NULL_ROW, "unitsByRaters", u);
            }
            if (row.length != raters) {
                throw Arguments.error(Arguments.RAGGED, "unitsByRaters", u, row.length, raters);
            }
            final double[] present = new double[raters];
            int m = 0;
            for (int r = 0; r < raters; r++) {
                if (Double.isInfinite(row[r])) {
                    throw Arguments.error(Arguments.NOT_FINITE_CELL, "unitsByRaters", u, r, row[r]);
                }
                if (!Double.isNaN(row[r])) {
                    // + 0.0 turns -0.0 into 0.0: one value, not two
                    present[m++] = row[r] + 0.0;
                }
            }
            pairable[u] = m >= 2 ? Arrays.copyOf(present, m) : new double[0];
            Arrays.sort(pairable[u]);
        }
        return pairable;
    }

    /**
     * One unit's pairable ratings: the indexes of its distinct values (ascending) and how often each
     * occurs. An unpairable unit has none.
     */
    private record Unit(int[] valueIndexes, int[] counts, int size) {

        static Unit of(double[] sortedRatings, double[] allValues) {
            final int[] valueIndexes = new int[sortedRatings.length];
            final int[] counts = new int[sortedRatings.length];
            int distinct = 0;
            for (int i = 0; i < sortedRatings.length; i++) {
                if (i > 0 && sortedRatings[i] == sortedRatings[i - 1]) {
                    counts[distinct - 1]++;
                } else {
                    valueIndexes[distinct] = Arrays.binarySearch(allValues, sortedRatings[i]);
                    counts[distinct++] = 1;
                }
            }
            return new Unit(Arrays.copyOf(valueIndexes, distinct), Arrays.copyOf(counts, distinct), sortedRatings.length);
        }
    }

    /** Ratings indexed for computing α on any multiset of their units. Immutable. */
    public static final class Prepared {

        private final Level level;
        /** The distinct values of the pairable ratings, ascending. */
        private final double[] values;
        private final Unit[] units;

        private Prepared(Level level, double[] values, Unit[] units) {
            this.level = level;
            this.values = values;
            this.units = units;
        }

        /** @return the level of measurement */
        public Level level() {
            return level;
        }

        /** @return the number of units given, pairable or not */
        public int units() {
            return units.length;
        }

        /** @return the number of units with at least 2 ratings */
        public int pairableUnits() {
            return (int) Arrays.stream(units).filter(u -> u.size() > 0).count();
        }

        /** @return n: the number of ratings in pairable units */
        public long pairableValues() {
            return Arrays.stream(units).mapToLong(Unit::size).sum();
        }

        /** @return α over all units; NaN when undefined */
        public double alpha() {
            final int[] all = new int[units.length];
            Arrays.setAll(all, u -> u);
            return alpha(all);
        }

        /**
         * @param unitIndexes the units to use, in 0..units()−1; a unit listed twice counts twice (a
         *                    bootstrap resample)
         * @return α over these units; NaN when undefined
         * @throws IllegalArgumentException if an index is out of range
         */
        public double alpha(int[] unitIndexes) {
            Objects.requireNonNull(unitIndexes, "unitIndexes");
            final long[] counts = new long[values.length];
            long n = 0;
            for (int i = 0; i < unitIndexes.length; i++) {
                final int u = unitIndexes[i];
                if (u < 0 || u >= units.length) {
                    throw Arguments.error(BAD_UNIT_INDEX, i, units.length - 1, u);
                }
                final Unit unit = units[u];
                for (int v = 0; v < unit.valueIndexes().length; v++) {
                    counts[unit.valueIndexes()[v]] += unit.counts()[v];
                }
                n += unit.size();
            }
            if (Arrays.stream(counts).filter(c -> c > 0).count() < 2) {
                // no pairable rating, or one value throughout (D_e = 0)
                return Double.NaN;
            }
            final double[] position = level == Level.ORDINAL ? midranks(counts) : values;
            double observed = 0;
            for (final int u : unitIndexes) {
                final Unit unit = units[u];
                if (unit.size() > 0) {
                    observed += withinUnit(unit, position) / (unit.size() - 1);
                }
            }
            return 1 - (n - 1) * observed / overall(counts, n, position);
        }

        /** \(\sum_{c,k} t_c t_k \delta^2_{ck}\) over the unit's value counts t. */
        private double withinUnit(Unit unit, double[] position) {
            final int[] v = unit.valueIndexes();
            final int[] t = unit.counts();
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                for (int j = i + 1; j < v.length; j++) {
                    // the values of a unit are distinct, so nominal differences are all 1
                    final double d = level == Level.NOMINAL ? 1 : square(position[v[i]] - position[v[j]]);
                    sum += (double) t[i] * t[j] * d;
                }
            }
            // the loop counted each unordered pair of distinct values once
            return 2 * sum;
        }

        /** \(\sum_{c,k} n_c n_k \delta^2_{ck}\) over all pairable ratings. */
        private double overall(long[] counts, long n, double[] position) {
            if (level == Level.NOMINAL) {
                double sameValue = 0;
                for (final long c : counts) {
                    sameValue += (double) c * c;
                }
                return (double) n * n - sameValue;
            }
            double mean = 0;
            for (int c = 0; c < counts.length; c++) {
                mean += counts[c] * position[c];
            }
            mean /= n;
            double squares = 0;
            for (int c = 0; c < counts.length; c++) {
                squares += counts[c] * square(position[c] - mean);
            }
            return 2.0 * n * squares;
        }

        /** \(M_c = \sum_{g \lt c} n_g + n_c/2\): the midrank position of every value. */
        private static double[] midranks(long[] counts) {
            final double[] position = new double[counts.length];
            long below = 0;
            for (int c = 0; c < counts.length; c++) {
                position[c] = below + counts[c] / 2.0;
                below += counts[c];
            }
            return position;
        }

        private static double square(double x) {
            return x * x;
        }
    }
}
