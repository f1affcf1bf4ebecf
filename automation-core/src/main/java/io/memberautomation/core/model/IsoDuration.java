package io.memberautomation.core.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An ISO-8601 duration as the format writes it ({@code PT15M}, {@code P3D}, {@code P1DT2H}, {@code -P7D},
 * {@code P1M}). The date part is calendar-aware: {@code P1D} added across a DST change is one local day,
 * not 24 hours, and {@code P1M} added to January 31st gives the last day of February.
 *
 * @param datePart years, months and days
 * @param timePart hours, minutes and seconds
 */
public record IsoDuration(Period datePart, Duration timePart) {

    public static final IsoDuration ZERO = new IsoDuration(Period.ZERO, Duration.ZERO);

    public IsoDuration {
        Objects.requireNonNull(datePart, "datePart");
        Objects.requireNonNull(timePart, "timePart");
        boolean anyNegative = datePart.getYears() < 0 || datePart.getMonths() < 0 || datePart.getDays() < 0
                || timePart.isNegative();
        boolean anyPositive = datePart.getYears() > 0 || datePart.getMonths() > 0 || datePart.getDays() > 0
                || (!timePart.isNegative() && !timePart.isZero());
        if (anyNegative && anyPositive) {
            throw new IllegalArgumentException("a duration's parts must share one sign: " + datePart + " " + timePart);
        }
    }

    /**
     * Parses an ISO-8601 duration with an optional leading sign that applies to both parts.
     *
     * @throws IllegalArgumentException naming the text when it is not a duration
     */
    public static IsoDuration parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.length() < 3 || (s.charAt(0) != 'P' && s.charAt(0) != 'p') || s.contains("-") || s.contains("+")) {
            throw new IllegalArgumentException("not an ISO-8601 duration: \"" + text + "\"");
        }
        int t = Math.max(s.indexOf('T'), s.indexOf('t'));
        String date = t < 0 ? s : s.substring(0, t);
        String time = t < 0 ? "" : s.substring(t);
        try {
            Period period = date.length() > 1 ? Period.parse(date) : Period.ZERO;
            Duration duration = time.isEmpty() ? Duration.ZERO : Duration.parse("P" + time);
            if (time.equals("T") || (date.length() == 1 && time.isEmpty())) {
                throw new IllegalArgumentException("not an ISO-8601 duration: \"" + text + "\"");
            }
            return negative ? new IsoDuration(period.negated(), duration.negated()) : new IsoDuration(period, duration);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: \"" + text + "\"", e);
        }
    }

    /** Shorthand for a fixed duration with no calendar part. */
    public static IsoDuration of(Duration duration) {
        return new IsoDuration(Period.ZERO, duration);
    }

    public boolean isNegative() {
        return datePart.isNegative() || timePart.isNegative();
    }

    public boolean isZero() {
        return datePart.isZero() && timePart.isZero();
    }

    /** True when the duration has only a date part (days, months, years). */
    public boolean isDateOnly() {
        return timePart.isZero();
    }

    /** Adds the date part in local calendar terms, then the time part as elapsed time. */
    public ZonedDateTime addTo(ZonedDateTime start) {
        return start.plus(datePart).plus(timePart);
    }

    /** Adds the date part, then whole days of the time part (hours below a day are dropped). */
    public LocalDate addTo(LocalDate date) {
        return date.plus(datePart).plusDays(timePart.toDays());
    }

    /**
     * An upper bound of the elapsed length, counting a month as 31 days and a year as 366: good for
     * limits and ordering checks, never for scheduling.
     */
    public Duration approximateLength() {
        long days = datePart.getYears() * 366L + datePart.getMonths() * 31L + datePart.getDays();
        return Duration.ofDays(days).plus(timePart);
    }

    /** The canonical ISO-8601 text, which {@link #parse} reads back to an equal value. */
    @Override
    public String toString() {
        if (isZero()) {
            return "PT0S";
        }
        boolean negative = isNegative();
        Period p = negative ? datePart.negated() : datePart;
        Duration d = negative ? timePart.negated() : timePart;
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        out.append(p.isZero() ? "P" : p.toString());
        if (!d.isZero()) {
            out.append(d.toString().substring(1));
        }
        return out.toString();
    }
}
