package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.WireName;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A compiled comparison. Subclasses decide one operator family; {@link #test} and {@link #explain} share
 * {@link #evaluate}, so an explanation always has the result of the test.
 */
abstract class LeafNode extends Node {
    private final PathReader field;
    private final String fieldText;
    private final String operatorText;

    LeafNode(Condition condition) {
        this.field = new PathReader(condition.field());
        this.fieldText = condition.field().toString();
        this.operatorText = WireName.of(condition.op());
    }

    @Override
    final boolean test(EvaluationContext ctx) {
        return evaluate(field.read(ctx), ctx) == Outcome.TRUE;
    }

    /** The leaf's outcome for the field value ({@code null} when the field is missing). */
    abstract Outcome evaluate(@Nullable Object value, EvaluationContext ctx);

    /** The operand rendered for an explanation; empty for unary operators. */
    abstract Optional<String> expected(@Nullable Object value, EvaluationContext ctx);

    @Override
    final Explanation explain(EvaluationContext ctx) {
        Object value = field.read(ctx);
        Outcome outcome = evaluate(value, ctx);
        return new Explanation.Leaf(fieldText, operatorText, Render.value(value), expected(value, ctx),
                outcome == Outcome.TRUE, outcome.reason());
    }
}
