package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code starts_with} and {@code ends_with}: a string field and a string operand, else a type mismatch. */
final class AffixLeaf extends LeafNode {
    private final CompiledOperand operand;
    private final boolean prefix;
    private final boolean ignoreCase;

    AffixLeaf(Condition condition, CompiledOperand operand, boolean prefix) {
        super(condition);
        this.operand = operand;
        this.prefix = prefix;
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
        String affix = operand.text(ctx);
        if (!(value instanceof String text) || affix == null) {
            return Outcome.TYPE_MISMATCH;
        }
        String seen = ignoreCase ? Values.fold(text) : text;
        return Outcome.of(prefix ? seen.startsWith(affix) : seen.endsWith(affix));
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(operand.describe(value, ctx));
    }
}
