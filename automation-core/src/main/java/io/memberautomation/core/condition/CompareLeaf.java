package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code eq}, {@code neq}, {@code gt}, {@code gte}, {@code lt}, {@code lte} (and the comparison half of
 * {@code changed_to}): one comparison, then a mask of the orderings the operator accepts. A type mismatch is
 * in no mask, so {@code neq} is false on a mismatch as every other operator is.
 */
final class CompareLeaf extends LeafNode {
    private final CompiledOperand operand;
    private final int acceptMask;

    CompareLeaf(Condition condition, CompiledOperand operand, int acceptMask) {
        super(condition);
        this.operand = operand;
        this.acceptMask = acceptMask;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
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
