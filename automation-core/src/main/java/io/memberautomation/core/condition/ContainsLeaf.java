package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code contains} and {@code not_contains}: a substring of a string field (the operand must be a string),
 * or an element of a collection field equal to the operand by the comparison rules. Any other field type is a
 * type mismatch, so {@code not_contains} is false on it, as on a missing field.
 */
final class ContainsLeaf extends LeafNode {
    private final CompiledOperand operand;
    private final boolean negated;
    private final boolean ignoreCase;

    ContainsLeaf(Condition condition, CompiledOperand operand, boolean negated) {
        super(condition);
        this.operand = operand;
        this.negated = negated;
        this.ignoreCase = condition.ignoreCase();
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value == null || operand.isMissing(ctx)) {
            return Outcome.MISSING;
        }
        if (value instanceof String text) {
            String part = operand.text(ctx);
            if (part == null) {
                return Outcome.TYPE_MISMATCH;
            }
            return Outcome.of((ignoreCase ? Values.fold(text) : text).contains(part) != negated);
        }
        if (value instanceof Collection<?> collection) {
            return Outcome.of(Values.anyEqual(collection, operand, ctx) != negated);
        }
        return Outcome.TYPE_MISMATCH;
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(operand.describe(value, ctx));
    }
}
