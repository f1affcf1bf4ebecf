package io.memberautomation.core.condition;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The comparison rules of the package documentation, for two values known only at evaluation time (a field
 * compared with another field). Literal operands implement the same rules with their forms precomputed.
 */
final class Values {
    private Values() {}

    /** Compares {@code a} with {@code b}: LESS, EQUAL, GREATER or MISMATCH. */
    static int compare(Object a, Object b, ZoneId zone, boolean ignoreCase) {
        if (a instanceof String x && b instanceof String y) {
            return ignoreCase ? Integer.signum(fold(x).compareTo(fold(y))) : Integer.signum(x.compareTo(y));
        }
        if (a instanceof Boolean x) {
            return b instanceof Boolean y ? Boolean.compare(x, y) : Cmp.MISMATCH;
        }
        if (b instanceof Boolean) {
            return Cmp.MISMATCH;
        }
        boolean aNumber = Numbers.isNumber(a);
        boolean bNumber = Numbers.isNumber(b);
        if (aNumber || bNumber) {
            return compareNumeric(a, aNumber, b, bNumber);
        }
        Object x = Temporals.of(a, zone);
        Object y = x == null ? null : Temporals.of(b, zone);
        return y == null ? Cmp.MISMATCH : Temporals.compare(x, y, zone);
    }

    private static int compareNumeric(Object a, boolean aNumber, Object b, boolean bNumber) {
        if (aNumber && bNumber) {
            return Numbers.compare(a, b);
        }
        if (aNumber && b instanceof String text) {
            BigDecimal parsed = Numbers.parse(text);
            return parsed == null ? Cmp.MISMATCH : Numbers.compare(a, parsed);
        }
        if (bNumber && a instanceof String text) {
            BigDecimal parsed = Numbers.parse(text);
            return parsed == null ? Cmp.MISMATCH : Numbers.compare(parsed, b);
        }
        return Cmp.MISMATCH;
    }

    /**
     * Whether two present values are the same for {@code changed}: equal by the comparison rules, or, where
     * those cannot compare them (lists, maps), equal by {@link Object#equals}.
     */
    static boolean same(Object a, Object b, ZoneId zone) {
        int code = compare(a, b, zone, false);
        return code == Cmp.EQUAL || (code == Cmp.MISMATCH && a.equals(b));
    }

    /** Whether any non-null element of the collection compares EQUAL with the operand. */
    static boolean anyEqual(Collection<?> values, CompiledOperand operand, EvaluationContext ctx) {
        if (values instanceof List<?> list && values instanceof RandomAccess) {
            for (int i = 0, n = list.size(); i < n; i++) {
                Object element = list.get(i);
                if (element != null && operand.compare(element, ctx) == Cmp.EQUAL) {
                    return true;
                }
            }
            return false;
        }
        for (Object element : values) {
            if (element != null && operand.compare(element, ctx) == Cmp.EQUAL) {
                return true;
            }
        }
        return false;
    }

    /** Whether a present value is an empty string, collection or map. */
    static boolean isEmpty(Object value) {
        return (value instanceof String s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    /** The case folding of {@code ignoreCase}; returns the same instance when nothing changes. */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
