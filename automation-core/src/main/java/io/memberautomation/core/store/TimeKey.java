package io.memberautomation.core.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A position in a time-ordered index: the time, then the id, so the order is total and deterministic.
 * {@code equals} and {@code hashCode} are written out: the generated ones dispatch through a method handle
 * shared by every record class, which the JIT does not inline on these hot lookups.
 */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
    /** Sorts before every key at the same time, so {@code lowest(t)} starts a range at {@code t}. */
    private static final String LOWEST_ID = "";

    TimeKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TimeKey other && at.equals(other.at) && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return 31 * at.hashCode() + id.hashCode();
    }

    static TimeKey lowest(Instant at) {
        return new TimeKey(at, LOWEST_ID);
    }

    @Override
    public int compareTo(TimeKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.compareTo(other.id);
    }
}
