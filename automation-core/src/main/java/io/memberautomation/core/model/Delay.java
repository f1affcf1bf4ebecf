package io.memberautomation.core.model;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable wait: either a {@code duration} or {@code until} a date field, optionally moved to the next
 * occurrence of a local time {@code at} in a chosen timezone. A wait whose target already passed continues
 * at once.
 *
 * @param duration how long to wait (exactly one of duration and until is present)
 * @param until    the field-relative target
 * @param at       the local time of day to move to, if any
 * @param timezone where {@code at} and date fields are read; empty means the automation's zone
 */
public record Delay(Optional<IsoDuration> duration, Optional<DelayUntil> until, Optional<LocalTime> at,
                    Optional<ZoneChoice> timezone) {

    public Delay {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(timezone, "timezone");
        if (duration.isPresent() == until.isPresent()) {
            throw new IllegalArgumentException("a delay has exactly one of duration and until");
        }
        duration.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a delay duration must not be negative: " + d);
            }
        });
    }

    public static Delay of(IsoDuration duration) {
        return new Delay(Optional.of(duration), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
