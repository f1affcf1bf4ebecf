package io.memberautomation.core.condition;

import org.jspecify.annotations.Nullable;

/** Another field, {@code { "field": path }}, read at each evaluation and compared by the general rules. */
final class FieldOperand extends CompiledOperand {
    private final PathReader path;
    private final boolean ignoreCase;

    FieldOperand(PathReader path, boolean ignoreCase) {
        this.path = path;
        this.ignoreCase = ignoreCase;
    }

    @Nullable Object read(EvaluationContext ctx) {
        return path.read(ctx);
    }

    @Override
    int compare(Object value, EvaluationContext ctx) {
        Object other = path.read(ctx);
        return other == null ? Cmp.MISSING : Values.compare(value, other, ctx.zone(), ignoreCase);
    }

    @Override
    @Nullable String text(EvaluationContext ctx) {
        Object other = path.read(ctx);
        if (!(other instanceof String s)) {
            return null;
        }
        return ignoreCase ? Values.fold(s) : s;
    }

    @Override
    boolean isMissing(EvaluationContext ctx) {
        return path.read(ctx) == null;
    }

    @Override
    String describe(@Nullable Object value, EvaluationContext ctx) {
        return path.path() + " = " + Render.value(path.read(ctx));
    }
}
