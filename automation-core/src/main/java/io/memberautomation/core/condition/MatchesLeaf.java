package io.memberautomation.core.condition;

import com.google.re2j.Pattern;
import io.memberautomation.core.model.Condition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code matches}: an RE2J search ({@code find()}, so the pattern may match anywhere; anchor it with
 * {@code ^...$} to match the whole string). RE2 runs in time linear in the input, so no pattern can make an
 * evaluation hang. A field that is not a string is a type mismatch.
 */
final class MatchesLeaf extends LeafNode {
    private final Pattern pattern;

    MatchesLeaf(Condition condition, Pattern pattern) {
        super(condition);
        this.pattern = pattern;
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value == null) {
            return Outcome.MISSING;
        }
        if (!(value instanceof String text)) {
            return Outcome.TYPE_MISMATCH;
        }
        return Outcome.of(pattern.matcher(text).find());
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return Optional.of(Render.value(pattern.pattern()));
    }
}
