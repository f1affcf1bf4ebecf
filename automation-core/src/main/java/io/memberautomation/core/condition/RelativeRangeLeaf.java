package io.memberautomation.core.condition;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.IsoDuration;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code between [{relative: A}, {relative: B}]} ("renews within the next 7 days"), the most common date condition:
 * for a date field both bounds come from one memo, resolved once per day, and the check is two date comparisons.
 * Any other value (a timestamp, an ISO string, a mismatch) takes the general {@link BetweenLeaf} rules.
 *
 * <p>The memo is an immutable record in a plain field, as in {@link RelativeOperand}: a racing thread at worst
 * computes the same range again.
 */
final class RelativeRangeLeaf extends LeafNode {
    private final IsoDuration lowOffset;
    private final IsoDuration highOffset;
    private final RelativeOperand low;
    private final RelativeOperand high;
    private @Nullable Range last;

    private record Range(long todayEpochDay, LocalDate low, LocalDate high) {}

    RelativeRangeLeaf(Condition condition, IsoDuration lowOffset, IsoDuration highOffset) {
        super(condition);
        this.lowOffset = lowOffset;
        this.highOffset = highOffset;
        this.low = new RelativeOperand(lowOffset);
        this.high = new RelativeOperand(highOffset);
    }

    @Override
    boolean test(EvaluationContext ctx) {
        return evaluate(read(ctx), ctx) == Outcome.TRUE;
    }

    @Override
    Outcome evaluate(@Nullable Object value, EvaluationContext ctx) {
        if (value instanceof LocalDate date) {
            Range range = range(ctx);
            return Outcome.of(!date.isBefore(range.low()) && !date.isAfter(range.high()));
        }
        return BetweenLeaf.between(value, low, high, ctx);
    }

    private Range range(EvaluationContext ctx) {
        Range range = last;
        if (range == null || range.todayEpochDay() != ctx.todayEpochDay()) {
            range = new Range(ctx.todayEpochDay(), lowOffset.addTo(ctx.today()), highOffset.addTo(ctx.today()));
            last = range;
        }
        return range;
    }

    @Override
    Optional<String> expected(@Nullable Object value, EvaluationContext ctx) {
        return BetweenLeaf.describe(value, low, high, ctx);
    }
}
