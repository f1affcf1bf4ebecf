package io.memberautomation.core.condition;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Numeric comparison across Java number types. Both sides integral and exactly representable as a long take a
 * primitive fast path; everything else goes through {@link BigDecimal}, with doubles read as
 * {@code BigDecimal.valueOf(double)} so that {@code 0.1} equals the literal {@code 0.1}.
 */
final class Numbers {
    /**
     * Below 2^53 an integral double is exactly its long value, and {@code BigDecimal.valueOf(double)} reads it
     * exactly too, so the fast path agrees with the BigDecimal path.
     */
    private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

    private Numbers() {}

    static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof BigDecimal || value instanceof Short || value instanceof Byte
                || value instanceof Float || value instanceof BigInteger;
    }

    /** Compares two values that are both {@link #isNumber numbers}; MISMATCH for NaN or an infinity. */
    static int compare(Object a, Object b) {
        if (isExactLong(a) && isExactLong(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        BigDecimal x = toDecimal(a);
        BigDecimal y = toDecimal(b);
        if (x == null || y == null) {
            return Cmp.MISMATCH;
        }
        return x.compareTo(y);
    }

    /** Compares a long with a number; the common case of an integer field against an integer literal. */
    static int compare(long a, boolean bIsLong, long bLong, BigDecimal bDecimal) {
        return bIsLong ? Long.compare(a, bLong) : BigDecimal.valueOf(a).compareTo(bDecimal);
    }

    /** Whether {@code value} is a number whose {@link Number#longValue()} is exactly its value. */
    static boolean isExactLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return true;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < EXACT_DOUBLE_LIMIT;
        }
        return value instanceof BigInteger big && big.bitLength() < Long.SIZE;
    }

    /** The exact decimal value of a number, or null for NaN, infinities and non-numbers. */
    static @Nullable BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return null;
    }

    /** The number a string spells ({@code new BigDecimal(text)} grammar), or null. */
    static @Nullable BigDecimal parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        // BigDecimal's grammar starts with a digit, a sign or a point: skip the exception for plain words
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
