package io.memberautomation.core.condition;

import io.memberautomation.core.model.IsoDuration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * {@code { "relative": D }}: {@code today + D} against a date (or a date-only string), {@code now + D} against a
 * timestamp (or an instant string). The date part is added in calendar terms ({@link IsoDuration#addTo}).
 *
 * <p>The last result is memoised per {@code today} and per {@code (now, zone)}: many evaluations share one
 * context or one day. The memo is an immutable record in a plain field; a thread that reads a stale or missing
 * one just computes the value again, so the race is benign and the operand behaves as immutable.
 */
final class RelativeOperand extends CompiledOperand {
    private final IsoDuration offset;
    private @Nullable DateAt lastDate;
    private @Nullable InstantAt lastInstant;

    private record DateAt(long todayEpochDay, LocalDate value) {}

    private record InstantAt(Instant now, ZoneId zone, Instant value) {}

    RelativeOperand(IsoDuration offset) {
        this.offset = offset;
    }

    @Override
    int compare(Object value, EvaluationContext ctx) {
        if (value instanceof LocalDate date) {
            return Integer.signum(date.compareTo(date(ctx)));
        }
        Object seen = Temporals.of(value, ctx.zone());
        if (seen instanceof LocalDate date) {
            return Integer.signum(date.compareTo(date(ctx)));
        }
        if (seen instanceof Instant instant) {
            return Integer.signum(instant.compareTo(instant(ctx)));
        }
        return Cmp.MISMATCH;
    }

    LocalDate date(EvaluationContext ctx) {
        DateAt last = lastDate;
        if (last != null && last.todayEpochDay() == ctx.todayEpochDay()) {
            return last.value();
        }
        LocalDate value = offset.addTo(ctx.today());
        lastDate = new DateAt(ctx.todayEpochDay(), value);
        return value;
    }

    Instant instant(EvaluationContext ctx) {
        InstantAt last = lastInstant;
        if (last != null && last.now().equals(ctx.now()) && last.zone().equals(ctx.zone())) {
            return last.value();
        }
        Instant value = offset.addTo(ctx.now().atZone(ctx.zone())).toInstant();
        lastInstant = new InstantAt(ctx.now(), ctx.zone(), value);
        return value;
    }

    @Override
    String describe(@Nullable Object value, EvaluationContext ctx) {
        String text = "{relative: " + offset + "}";
        Object seen = value == null ? null : Temporals.of(value, ctx.zone());
        if (seen instanceof LocalDate) {
            return text + " = " + date(ctx);
        }
        if (seen instanceof Instant) {
            return text + " = " + instant(ctx);
        }
        return text;
    }
}
