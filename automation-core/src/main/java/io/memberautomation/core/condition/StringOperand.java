package io.memberautomation.core.condition;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A string literal with every form it may take precomputed: its case folding (under ignoreCase), the number
 * it spells (to meet a number field) and the date or instant it spells (to meet a temporal field).
 */
final class StringOperand extends CompiledOperand {
    private final String literal;
    private final String folded;
    private final boolean ignoreCase;
    private final @Nullable BigDecimal number;
    private final @Nullable Object temporal;
    /** Rendered once: every explanation of the leaf shows it. */
    private final String described;

    StringOperand(String literal, boolean ignoreCase) {
        this.literal = literal;
        this.ignoreCase = ignoreCase;
        this.folded = ignoreCase ? Values.fold(literal) : literal;
        this.number = Numbers.parse(literal);
        this.temporal = Temporals.parse(literal);
        this.described = Render.value(literal);
    }

    /** String equality, the fast path of {@code eq} and {@code neq} for a string field. */
    boolean equalsText(String value) {
        return ignoreCase ? Values.fold(value).equals(folded) : value.equals(literal);
    }

    @Override
    int compare(Object value, EvaluationContext ctx) {
        if (value instanceof String text) {
            return Integer.signum(ignoreCase ? Values.fold(text).compareTo(folded) : text.compareTo(literal));
        }
        if (value instanceof Boolean) {
            return Cmp.MISMATCH;
        }
        if (Numbers.isNumber(value)) {
            return number == null ? Cmp.MISMATCH : Numbers.compare(value, number);
        }
        if (temporal == null) {
            return Cmp.MISMATCH;
        }
        Object seen = Temporals.ofNonString(value, ctx.zone());
        return seen == null ? Cmp.MISMATCH : Temporals.compare(seen, temporal, ctx.zone());
    }

    @Override
    String text(EvaluationContext ctx) {
        return folded;
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
