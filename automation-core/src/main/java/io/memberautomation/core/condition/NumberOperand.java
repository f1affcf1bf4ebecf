package io.memberautomation.core.condition;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A number literal, kept as a long when it is integral and fits, so that integer fields compare without boxing. */
final class NumberOperand extends CompiledOperand {
    private final BigDecimal decimal;
    private final boolean isLong;
    private final long asLong;
    /** Rendered once: every explanation of the leaf shows it. */
    private final String described;

    NumberOperand(BigDecimal decimal) {
        this.decimal = decimal;
        long exact = 0;
        boolean fits;
        try {
            exact = decimal.longValueExact();
            fits = true;
        } catch (ArithmeticException notALong) {
            fits = false;
        }
        this.isLong = fits;
        this.asLong = exact;
        this.described = decimal.toPlainString();
    }

    @Override
    int compare(Object value, EvaluationContext ctx) {
        if (value instanceof Integer i) {
            return Numbers.compare(i.longValue(), isLong, asLong, decimal);
        }
        if (value instanceof Long l) {
            return Numbers.compare(l.longValue(), isLong, asLong, decimal);
        }
        if (value instanceof String text) {
            BigDecimal parsed = Numbers.parse(text);
            return parsed == null ? Cmp.MISMATCH : parsed.compareTo(decimal);
        }
        if (!Numbers.isNumber(value)) {
            return Cmp.MISMATCH;
        }
        if (isLong && Numbers.isExactLong(value)) {
            return Long.compare(((Number) value).longValue(), asLong);
        }
        return Numbers.compare(value, decimal);
    }

    @Override
    String describe(@Nullable Object value, EvaluationContext ctx) {
        return described;
    }

    @Override
    String fixedDescription() {
        return described;
    }
}
