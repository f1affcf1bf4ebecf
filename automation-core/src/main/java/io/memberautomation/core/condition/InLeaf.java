package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code in} and {@code not_in} over a list literal: a scalar field equal (by the comparison rules) to any
 * element. String elements sit in a hash set so that a string field is one lookup; other elements (numbers,
 * fields, relative dates) are compared one by one. {@code not_in} is true for a present scalar equal to none;
 * a list or map field is a type mismatch for both.
 */
final class InLeaf extends LeafNode {
    private final boolean negated;
    private final boolean ignoreCase;
    private final Set<String> strings;
    private final CompiledOperand[] others;
    private final CompiledOperand[] all;
    /** The rendered list, made once when every element is a literal; null when one is a field. */
    private final @Nullable String fixedExpected;

    InLeaf(Condition condition, boolean negated, Set<String> strings, List<CompiledOperand> others,
           List<CompiledOperand> all) {
        super(condition);
        this.negated = negated;
        this.ignoreCase = condition.ignoreCase();
        this.strings = new HashSet<>(strings);
        this.others = others.toArray(new CompiledOperand[0]);
        this.all = all.toArray(new CompiledOperand[0]);
        this.fixedExpected = allFixed(this.all) ? render(this.all, null, null) : null;
    }

    private static boolean allFixed(CompiledOperand[] operands) {
        for (CompiledOperand operand : operands) {
            if (operand.fixedDescription() == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value instanceof String text) {
            // a string equals a string element only by string equality, which the set answers
            return Outcome.of((strings.contains(ignoreCase ? Values.fold(text) : text)
                    || anyEqual(others, value, ctx)) != negated);
        }
        if (value == null) {
            return Outcome.MISSING;
        }
        if (value instanceof Collection || value instanceof Map) {
            return Outcome.TYPE_MISMATCH;
        }
        return Outcome.of(anyEqual(all, value, ctx) != negated);
    }

    private static boolean anyEqual(CompiledOperand[] candidates, Object value, EvaluationContext ctx) {
        for (CompiledOperand candidate : candidates) {
            if (candidate.compare(value, ctx) == Cmp.EQUAL) {
                return true;
            }
        }
        return false;
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(fixedExpected != null ? fixedExpected : render(all, value, ctx));
    }

    /** With a null context, every operand must have a {@link CompiledOperand#fixedDescription()}. */
    private static String render(CompiledOperand[] operands, @Nullable Object value, @Nullable EvaluationContext ctx) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < operands.length; i++) {
            out.append(i == 0 ? "" : ", ").append(ctx == null ? operands[i].fixedDescription()
                    : operands[i].describe(value, ctx));
        }
        return out.append(']').toString();
    }
}
