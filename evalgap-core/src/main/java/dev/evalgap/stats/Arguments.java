package dev.evalgap.stats;

/**
 * Argument validation for the package. Every check throws {@link IllegalArgumentException} with
 * one of the message templates below, and every numeric check is NaN-safe: it is written as
 * "return when valid", so NaN falls through to the exception.
 */
final class Arguments {

    /** Template: name, value. */
    static final String NOT_STRICTLY_POSITIVE = "%s must be finite and > 0, got %s";
    /** Template: name, minimum, value. */
    static final String TOO_SMALL = "%s must be >= %d, got %d";
    /** Template: value. */
    static final String CONFIDENCE = "confidence level must be in (0, 1), got %s";
    /** Template: name. */
    static final String EMPTY = "%s is empty";
    /** Template: name, row. */
    static final String NULL_ROW = "%s: row %d is null";
    /** Template: name, row, length, expected length. */
    static final String RAGGED = "%s: row %d has %d values, expected %d like row 0";
    /** Template: name. */
    static final String NO_COLUMNS = "%s: rows have no values (dimension 0)";
    /** Template: name, row, column, value. */
    static final String NOT_FINITE_CELL = "%s: value at row %d, column %d is not finite (%s)";
    /** Template: name, index, value. */
    static final String NOT_FINITE = "%s[%d] is not finite (%s)";
    /** Template: name, index, value. */
    static final String NEGATIVE = "%s[%d] must be finite and >= 0, got %s";
    /** Template: name, length, expected length. */
    static final String LENGTH = "%s has length %d, expected %d";
    /** Template: index, value. */
    static final String NOT_BINARY = "labels[%d] must be 0 or 1, got %d";
    /** Template: index, value. */
    static final String NEGATIVE_LABEL = "labels[%d] must be >= 0, got %d";
    /** Template: missing class. */
    static final String SINGLE_CLASS =
        "only one class present: no row of class %d%s; both classes 0 and 1 are needed";
    /** Template: class, members, folds. */
    static final String CLASS_TOO_SMALL =
        "class %d has %d members, fewer than the number of folds (%d); every class needs at least one member per fold";
    /** Template: dimension of a, dimension of b. */
    static final String DIMENSION_MISMATCH = "samples differ in dimension: a has %d, b has %d";
    /** Template: name, rows, folds. */
    static final String SAMPLE_TOO_SMALL =
        "sample %s has %d rows, fewer than the number of folds (%d)";

    private Arguments() {
    }

    static IllegalArgumentException error(String template, Object... args) {
        return new IllegalArgumentException(String.format(template, args));
    }

    /** Finite and strictly positive. */
    static double checkStrictlyPositive(String name, double v) {
        if (v > 0 && v < Double.POSITIVE_INFINITY) {
            return v;
        }
        // Zero, negative, infinite or NaN
        throw error(NOT_STRICTLY_POSITIVE, name, v);
    }

    static int checkAtLeast(String name, int minimum, int v) {
        if (v >= minimum) {
            return v;
        }
        throw error(TOO_SMALL, name, minimum, v);
    }

    /** Confidence level strictly inside (0, 1). */
    static double checkConfidence(double level) {
        if (level > 0 && level < 1) {
            return level;
        }
        // Outside, or NaN
        throw error(CONFIDENCE, level);
    }

    static void checkLength(String name, int length, int expected) {
        if (length != expected) {
            throw error(LENGTH, name, length, expected);
        }
    }

    /**
     * Checks a row-major matrix: at least one row, no null row, all rows of one length &ge; 1, all
     * values finite.
     *
     * @return the number of columns
     */
    static int checkMatrix(String name, float[][] x) {
        if (x.length == 0) {
            throw error(EMPTY, name);
        }
        if (x[0] == null) {
            throw error(NULL_ROW, name, 0);
        }
        final int d = x[0].length;
        if (d == 0) {
            throw error(NO_COLUMNS, name);
        }
        for (int i = 0; i < x.length; i++) {
            final float[] row = x[i];
            if (row == null) {
                throw error(NULL_ROW, name, i);
            }
            if (row.length != d) {
                throw error(RAGGED, name, i, row.length, d);
            }
            for (int j = 0; j < d; j++) {
                final float v = row[j];
                // NaN-safe: NaN fails both comparisons
                if (!(v > Float.NEGATIVE_INFINITY && v < Float.POSITIVE_INFINITY)) {
                    throw error(NOT_FINITE_CELL, name, i, j, v);
                }
            }
        }
        return d;
    }

    /** Labels of the given length, each 0 or 1. */
    static void checkBinaryLabels(int[] y, int n) {
        checkLength("labels", y.length, n);
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw error(NOT_BINARY, i, y[i]);
            }
        }
    }

    /** Labels, each &ge; 0. */
    static void checkNonNegativeLabels(int[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw error(NEGATIVE_LABEL, i, y[i]);
            }
        }
    }

    /** Weights of the given length, each finite and &ge; 0. */
    static void checkWeights(double[] w, int n) {
        checkLength("weights", w.length, n);
        for (int i = 0; i < n; i++) {
            final double v = w[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw error(NEGATIVE, "weights", i, v);
            }
        }
    }

    /** Every value finite. */
    static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > Double.NEGATIVE_INFINITY && v[i] < Double.POSITIVE_INFINITY)) {
                throw error(NOT_FINITE, name, i, v[i]);
            }
        }
    }
}
