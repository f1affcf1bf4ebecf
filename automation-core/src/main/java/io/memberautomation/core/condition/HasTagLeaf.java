package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * {@code has_tag}: the field (by default {@code member.tags}) is a collection with a string element equal to
 * the tag (folded under ignoreCase). Non-string elements never match; a field that is not a collection is a
 * type mismatch.
 */
final class HasTagLeaf extends LeafNode {
    private final CompiledOperand tag;
    private final boolean ignoreCase;

    HasTagLeaf(Condition condition, CompiledOperand tag) {
        super(condition);
        this.tag = tag;
        this.ignoreCase = condition.ignoreCase();
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value == null || tag.isMissing(ctx)) {
            return Outcome.MISSING;
        }
        String wanted = tag.text(ctx);
        if (!(value instanceof Collection<?> tags) || wanted == null) {
            return Outcome.TYPE_MISMATCH;
        }
        if (tags instanceof List<?> list && tags instanceof RandomAccess) {
            // an index loop: no iterator per evaluation for the usual list of tags
            for (int i = 0, n = list.size(); i < n; i++) {
                if (isTag(list.get(i), wanted)) {
                    return Outcome.TRUE;
                }
            }
            return Outcome.FALSE;
        }
        for (Object element : tags) {
            if (isTag(element, wanted)) {
                return Outcome.TRUE;
            }
        }
        return Outcome.FALSE;
    }

    private boolean isTag(@Nullable Object element, String wanted) {
        return element instanceof String s && (ignoreCase ? Values.fold(s) : s).equals(wanted);
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(tag.describe(value, ctx));
    }
}
