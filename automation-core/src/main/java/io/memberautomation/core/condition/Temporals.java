package io.memberautomation.core.condition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Dates and instants: every accepted temporal value is reduced to a {@link LocalDate} (date-only) or an
 * {@link Instant} (a point in time), and a date meets an instant on the instant's local date in the zone.
 */
final class Temporals {
    private Temporals() {}

    /**
     * The value as a LocalDate or an Instant: temporal types directly (a LocalDateTime in {@code zone}),
     * strings by {@link #parse}; null when it is neither.
     */
    static @Nullable Object of(Object value, ZoneId zone) {
        if (value instanceof LocalDate || value instanceof Instant) {
            return value;
        }
        if (value instanceof String text) {
            return parse(text);
        }
        return ofNonString(value, zone);
    }

    /** As {@link #of}, for a value that is known not to be a string. */
    static @Nullable Object ofNonString(Object value, ZoneId zone) {
        if (value instanceof LocalDate || value instanceof Instant) {
            return value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.atZone(zone).toInstant();
        }
        return null;
    }

    /**
     * An ISO-8601 date ({@code 2026-01-20}) as a LocalDate, or a date-time with {@code Z} or an offset as an
     * Instant; null otherwise.
     */
    static @Nullable Object parse(String text) {
        // the shortest ISO date is yyyy-MM-dd; both grammars start with a digit or a sign
        if (text.length() < 10) {
            return null;
        }
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '+' && first != '-') {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notDate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notInstant) {
                return null;
            }
        }
    }

    /** Compares two values from {@link #of}: dates with dates, instants with instants, mixed on local dates. */
    static int compare(Object a, Object b, ZoneId zone) {
        if (a instanceof LocalDate x) {
            return Integer.signum(x.compareTo(b instanceof LocalDate y ? y : LocalDate.ofInstant((Instant) b, zone)));
        }
        Instant x = (Instant) a;
        if (b instanceof Instant y) {
            return Integer.signum(x.compareTo(y));
        }
        return Integer.signum(LocalDate.ofInstant(x, zone).compareTo((LocalDate) b));
    }
}
