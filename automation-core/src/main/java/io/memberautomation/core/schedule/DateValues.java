package io.memberautomation.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a field value as a local date, the way schedules and delays need it. */
public final class DateValues {
    private DateValues() {}

    /**
     * The value as a local date in {@code zone}: a {@link LocalDate}, the local date of an instant or
     * date-time, or an ISO string of either. Empty for anything else.
     */
    public static Optional<LocalDate> toLocalDate(Object value, ZoneId zone) {
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        if (value instanceof Instant instant) {
            return Optional.of(LocalDate.ofInstant(instant, zone));
        }
        if (value instanceof OffsetDateTime odt) {
            return Optional.of(LocalDate.ofInstant(odt.toInstant(), zone));
        }
        if (value instanceof ZonedDateTime zdt) {
            return Optional.of(LocalDate.ofInstant(zdt.toInstant(), zone));
        }
        if (value instanceof LocalDateTime ldt) {
            return Optional.of(ldt.toLocalDate());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(text.length() <= 10 ? LocalDate.parse(text)
                        : LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), zone));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
