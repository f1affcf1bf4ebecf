package io.memberautomation.core.condition;

import org.jspecify.annotations.Nullable;

/** A boolean literal: it meets booleans only. */
final class BooleanOperand extends CompiledOperand {
    private final boolean literal;

    BooleanOperand(boolean literal) {
        this.literal = literal;
    }

    @Override
    int compare(Object value, EvaluationContext ctx) {
        return value instanceof Boolean b ? Boolean.compare(b, literal) : Cmp.MISMATCH;
    }

    @Override
    String describe(@Nullable Object value, EvaluationContext ctx) {
        return Boolean.toString(literal);
    }

    @Override
    String fixedDescription() {
        return Boolean.toString(literal);
    }
}
