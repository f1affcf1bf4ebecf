package io.memberautomation.core.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The thread-safe, arrival-ordered log behind every recording channel. */
final class Recorder<T> {
    private final boolean deduplicate;
    private final Function<T, String> idempotencyKey;
    private final List<T> recorded = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();

    Recorder(boolean deduplicate, Function<T, String> idempotencyKey) {
        this.deduplicate = deduplicate;
        this.idempotencyKey = idempotencyKey;
    }

    /** Records the item, unless deduplicating and its key was seen before. */
    synchronized void record(T item) {
        boolean fresh = keys.add(idempotencyKey.apply(item));
        if (fresh || !deduplicate) {
            recorded.add(item);
        }
    }

    synchronized List<T> snapshot() {
        return List.copyOf(recorded);
    }

    synchronized Set<String> distinctKeys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(keys));
    }

    synchronized void clear() {
        recorded.clear();
        keys.clear();
    }
}
