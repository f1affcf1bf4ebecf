package io.memberautomation.core.schedule;

import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.DelayUntil;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.ZoneChoice;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * When a delay ends. A duration counts from {@code now}, its date part in local calendar days of the
 * delay's zone; {@code until} reads a date field plus an offset; {@code at} then moves to the next
 * occurrence of that local time. Local times inside a DST gap move forward to the first valid instant;
 * inside an overlap the earlier instant is used (java.time's {@code ZonedDateTime.of} rules).
 */
public final class DelayTargets {
    private DelayTargets() {}

    /** The outcome: the end time, or why none could be computed. */
    public sealed interface Target {
        record At(Instant instant) implements Target {}

        record Unresolvable(String reason) implements Target {}
    }

    public static Target target(Delay delay, Instant now, Optional<Member> member, ZoneResolver zones,
                                Map<String, Object> memberFields) {
        ZoneId zone = zones.resolve(delay.timezone().orElse(ZoneChoice.AUTOMATION), member);
        ZonedDateTime base;
        if (delay.duration().isPresent()) {
            base = delay.duration().get().addTo(now.atZone(zone));
        } else {
            DelayUntil until = delay.until().orElseThrow();
            Object value = memberFields.get(until.field().head());
            if (value == null || until.field().keys().size() != 1) {
                return new Target.Unresolvable(until.field() + " is not set");
            }
            Optional<LocalDate> date = DateValues.toLocalDate(value, zone);
            if (date.isEmpty()) {
                return new Target.Unresolvable(until.field() + " is not a date: " + abbreviate(value));
            }
            IsoDuration offset = until.offset().orElse(IsoDuration.ZERO);
            base = offset.addTo(date.get().atStartOfDay(zone));
            if (delay.at().isPresent()) {
                return new Target.At(ZonedDateTime.of(base.toLocalDate(), delay.at().get(), zone).toInstant());
            }
            return new Target.At(base.toInstant());
        }
        if (delay.at().isPresent()) {
            return new Target.At(nextOccurrence(base, delay.at().get(), zone));
        }
        return new Target.At(base.toInstant());
    }

    /** The first instant at or after {@code from} whose local time in {@code zone} is {@code at}. */
    public static Instant nextOccurrence(ZonedDateTime from, LocalTime at, ZoneId zone) {
        ZonedDateTime local = from.withZoneSameInstant(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), at, zone);
        if (candidate.isBefore(local)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), at, zone);
        }
        return candidate.toInstant();
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
