package io.memberautomation.core.store;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Small time helpers shared by the in-memory stores. */
final class Times {
    private Times() {}

    static Instant earliest(Instant a, @Nullable Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    static Duration positive(Duration lease, String what) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + lease);
        }
        return lease;
    }

    static int atLeastOne(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return limit;
    }
}
