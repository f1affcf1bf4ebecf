package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code is_empty} (missing, {@code ""}, an empty collection or map) and {@code is_not_empty} (present and not
 * empty; a number or a boolean is never empty).
 */
final class EmptinessLeaf extends LeafNode {
    private final boolean wantEmpty;

    EmptinessLeaf(Condition condition, boolean wantEmpty) {
        super(condition);
        this.wantEmpty = wantEmpty;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value == null) {
            return wantEmpty ? Outcome.TRUE : Outcome.MISSING;
        }
        return Outcome.of(Values.isEmpty(value) == wantEmpty);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.empty();
    }
}
