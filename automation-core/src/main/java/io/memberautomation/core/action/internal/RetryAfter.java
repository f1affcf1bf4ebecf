package io.memberautomation.core.action.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP-date (RFC 9110 section 10.2.3). */
final class RetryAfter {
    private RetryAfter() {}

    /** The earliest time to try again, or empty when the header is absent, unreadable or already past. */
    static Optional<Instant> parse(Optional<String> header, Instant now) {
        return header.map(String::strip).flatMap(value -> {
            if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return Optional.of(now.plusSeconds(Long.parseLong(value)));
                } catch (NumberFormatException | DateTimeException e) {
                    return Optional.empty();
                }
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Optional.of(at) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
