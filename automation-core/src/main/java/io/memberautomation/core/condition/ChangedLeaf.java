package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code changed}: {@code member.x} differs from {@code previous.x}. Missing on one side and present on the
 * other is a change; two present values are the same when they compare equal (exactly, without ignoreCase) or,
 * for values the rules cannot compare (lists, maps), when they are {@code equals}. Without a previous context
 * it is false. {@code changed_to} is {@code changed} and then {@code eq} the value (with its ignoreCase).
 */
final class ChangedLeaf extends LeafNode {
    private final PathReader previous;
    private final @Nullable CompiledOperand target;

    ChangedLeaf(Condition condition, PathReader previous, @Nullable CompiledOperand target) {
        super(condition);
        this.previous = previous;
        this.target = target;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (!ctx.hasPrevious()) {
            return Outcome.NO_PREVIOUS;
        }
        Object before = previous.read(ctx);
        boolean changed = value == null ? before != null : before == null || !Values.same(before, value, ctx.zone());
        if (value == null) {
            return changed && target == null ? Outcome.TRUE : Outcome.MISSING;
        }
        if (!changed) {
            return Outcome.FALSE;
        }
        return target == null ? Outcome.TRUE : Outcome.ofComparison(target.compare(value, ctx), Cmp.ACCEPT_EQUAL);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        String before = "previous " + Render.value(previous.read(ctx));
        return Optional.of(target == null ? before : target.describe(value, ctx) + ", " + before);
    }
}
