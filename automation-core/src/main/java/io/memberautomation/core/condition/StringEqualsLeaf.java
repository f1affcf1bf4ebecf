package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code eq} or {@code neq} against a string literal: a string field takes {@link String#equals} (the common
 * {@code status eq "active"}); any other type falls back to the general comparison of the literal.
 */
final class StringEqualsLeaf extends LeafNode {
    private final StringOperand operand;
    private final boolean negated;
    private final int acceptMask;

    StringEqualsLeaf(Condition condition, StringOperand operand, boolean negated) {
        super(condition);
        this.operand = operand;
        this.negated = negated;
        this.acceptMask = negated ? Cmp.ACCEPT_LESS | Cmp.ACCEPT_GREATER : Cmp.ACCEPT_EQUAL;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value instanceof String text) {
            return Outcome.of(operand.equalsText(text) != negated);
        }
        if (value == null) {
            return Outcome.MISSING;
        }
        return Outcome.ofComparison(operand.compare(value, ctx), acceptMask);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(operand.describe(value, ctx));
    }
}
