package io.memberautomation.core.store;

import java.time.Instant;
import java.util.Objects;

/** A position in a time-ordered index: the time, then the id, so the order is total and deterministic. */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
    /** Sorts before every key at the same time, so {@code lowest(t)} starts a range at {@code t}. */
    private static final String LOWEST_ID = "";

    TimeKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
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
