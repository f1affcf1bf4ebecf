package io.memberautomation.jdbc.internal;

import java.time.Duration;

/** Argument checks the SPI's in-memory implementations make too, so both refuse the same calls. */
final class Checks {
    private Checks() {}

    static int atLeastOne(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return limit;
    }

    static Duration positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        return duration;
    }
}
