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
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value == null) {
            return Outcome.MISSING;
        }
        int fromLow = low.compare(value, ctx);
        if (fromLow == Cmp.LESS) {
            return Outcome.FALSE;
        }
        if (fromLow > Cmp.GREATER) {
            return Outcome.ofComparison(fromLow, 0);
        }
        return Outcome.ofComparison(high.compare(value, ctx), Cmp.ACCEPT_LESS | Cmp.ACCEPT_EQUAL);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of("[" + low.describe(value, ctx) + ", " + high.describe(value, ctx) + "]");
    }
}
