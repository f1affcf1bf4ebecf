package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code is_set} (present and not null) and {@code is_not_set} (missing). */
final class PresenceLeaf extends LeafNode {
    private final boolean wantSet;

    PresenceLeaf(Condition condition, boolean wantSet) {
        super(condition);
        this.wantSet = wantSet;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (wantSet) {
            return value != null ? Outcome.TRUE : Outcome.MISSING;
        }
        return Outcome.of(value == null);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.empty();
    }
}
