package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.WireName;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A compiled comparison. Subclasses decide one operator family; {@link #test} and {@link #explain} share
 * {@link #evaluate}, so an explanation always has the result of the test.
 *
 * <p>Every (final) subclass overrides {@link #test} with the same one line. That is deliberate: a single
 * {@code test} here would be one shared call site for {@code evaluate}, which the JIT sees with every leaf class
 * and can only dispatch through the vtable; in each subclass the receiver's class is exact, so {@code evaluate}
 * is inlined and a leaf costs one virtual call, not two.
 */
abstract class LeafNode extends Node {
    private final PathReader field;
    /** The key of a {@code member.<key>} path (most paths): read from the member map with no hop in between. */
    private final @Nullable String memberKey;
    private final String fieldText;
    private final String operatorText;
    /**
     * The last string value explained and its rendering. Racy on purpose: the pair is immutable, so whichever
     * thread's pair a reader sees is right; a field that holds few distinct values renders each once, and the
     * step logs that keep the rendering share one string.
     */
    private @Nullable Seen lastSeen;

    private record Seen(String value, String text) {}

    LeafNode(Condition condition) {
        this.field = new PathReader(condition.field());
        this.memberKey = field.memberKey();
        this.fieldText = condition.field().toString();
        this.operatorText = WireName.of(condition.op());
    }

    /** The field's value, or null when missing. */
    final @Nullable Object read(EvaluationContext ctx) {
        String key = memberKey;
        return key != null ? ctx.member().get(key) : field.read(ctx);
    }

    /** The leaf's outcome for the field value ({@code null} when the field is missing). */
    abstract Outcome evaluate(@Nullable Object value, EvaluationContext ctx);

    /** The operand rendered for an explanation; empty for unary operators. */
    abstract Optional<String> expected(@Nullable Object value, EvaluationContext ctx);

    @Override
    final Explanation explain(EvaluationContext ctx) {
        Object value = read(ctx);
        Outcome outcome = evaluate(value, ctx);
        return new Explanation.Leaf(fieldText, operatorText, seen(value), expected(value, ctx),
                outcome == Outcome.TRUE, outcome.reason());
    }

    private String seen(@Nullable Object value) {
        if (!(value instanceof String text)) {
            return Render.value(value);
        }
        Seen last = lastSeen;
        if (last != null && last.value().equals(text)) {
            return last.text();
        }
        String rendered = Render.value(text);
        lastSeen = new Seen(text, rendered);
        return rendered;
    }
}
