package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * {@code in} and {@code not_in} whose list is another field ({@code "value": { "field": path }}): the other
 * field must hold a collection, whose elements are compared by the general rules.
 */
final class InFieldLeaf extends LeafNode {
    private final boolean negated;
    private final boolean ignoreCase;
    private final FieldOperand list;

    InFieldLeaf(Condition condition, boolean negated, FieldOperand list) {
        super(condition);
        this.negated = negated;
        this.ignoreCase = condition.ignoreCase();
        this.list = list;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        Object elements = list.read(ctx);
        if (value == null || elements == null) {
            return Outcome.MISSING;
        }
        if (value instanceof Collection || value instanceof Map || !(elements instanceof Collection<?> collection)) {
            return Outcome.TYPE_MISMATCH;
        }
        return Outcome.of(found(value, collection, ctx) != negated);
    }

    private boolean found(Object value, Collection<?> elements, EvaluationContext ctx) {
        if (elements instanceof List<?> list && elements instanceof RandomAccess) {
            for (int i = 0, n = list.size(); i < n; i++) {
                if (isEqual(value, list.get(i), ctx)) {
                    return true;
                }
            }
            return false;
        }
        for (Object element : elements) {
            if (isEqual(value, element, ctx)) {
                return true;
            }
        }
        return false;
    }

    private boolean isEqual(Object value, @Nullable Object element, EvaluationContext ctx) {
        return element != null && Values.compare(value, element, ctx.zone(), ignoreCase) == Cmp.EQUAL;
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(list.describe(value, ctx));
    }
}
