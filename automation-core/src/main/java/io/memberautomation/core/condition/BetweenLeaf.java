package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code between [low, high]}: {@code low <= value <= high}, both bounds inclusive. */
final class BetweenLeaf extends LeafNode {
    private final CompiledOperand low;
    private final CompiledOperand high;

    BetweenLeaf(Condition condition, CompiledOperand low, CompiledOperand high) {
        super(condition);
        this.low = low;
        this.high = high;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        return between(value, low, high, ctx);
    }

    static Outcome between(@Nullable Object value, CompiledOperand low, CompiledOperand high, EvaluationContext ctx) {
        if (value == null) {
            return Outcome.MISSING;
        }
        int fromLow = low.compare(value, ctx);
        if (fromLow == Cmp.LESS) {
            return Outcome.FALSE;
        }
        if (fromLow > Cmp.GREATER) {
            // a mismatch or a missing bound: no ordering to accept
            return Outcome.ofComparison(fromLow, 0);
        }
        return Outcome.ofComparison(high.compare(value, ctx), Cmp.ACCEPT_LESS | Cmp.ACCEPT_EQUAL);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return describe(value, low, high, ctx);
    }

    static Optional<String> describe(@Nullable Object value, CompiledOperand low, CompiledOperand high,
                                     EvaluationContext ctx) {
        return Optional.of("[" + low.describe(value, ctx) + ", " + high.describe(value, ctx) + "]");
    }
}
