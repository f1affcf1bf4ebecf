package io.memberautomation.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for the JSON-like data maps that cross the SPI (member fields, event payloads, step outputs):
 * values are strings, numbers, booleans, {@code java.time} dates and instants, lists and maps.
 */
public final class Data {
    private Data() {}

    /** An order-preserving, unmodifiable shallow copy with no null keys or values. */
    public static Map<String, Object> copy(Map<String, ?> source) {
        Objects.requireNonNull(source, "source");
        if (source.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(source.size() * 2);
        source.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, () -> "null value for \"" + key + "\"")));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of a string collection, in its order, without nulls. */
    public static List<String> strings(Collection<String> source) {
        return List.copyOf(source);
    }
}
