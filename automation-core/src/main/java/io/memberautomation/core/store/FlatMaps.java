package io.memberautomation.core.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Maps flattened into arrays as key, value, key, value, ... in their iteration order, and back. */
final class FlatMaps {
    private FlatMaps() {}

    /** Writes the map's entries into {@code target} from {@code offset}; returns the offset after the last. */
    static int put(Map<String, Object> map, Object[] target, int offset) {
        Writer writer = new Writer(target, offset);
        // forEach rather than entrySet(): an unmodifiable map wraps every entry it iterates
        map.forEach(writer);
        return writer.next;
    }

    private static final class Writer implements BiConsumer<String, Object> {
        private final Object[] target;
        private int next;

        Writer(Object[] target, int offset) {
            this.target = target;
            this.next = offset;
        }

        @Override
        public void accept(String key, Object value) {
            target[next++] = key;
            target[next++] = value;
        }
    }

    /** The entries written at {@code [from, to)} as an ordered map. */
    static Map<String, Object> map(Object[] source, int from, int to) {
        Map<String, Object> map = new LinkedHashMap<>(to - from);
        for (int i = from; i < to; i += 2) {
            map.put((String) source[i], source[i + 1]);
        }
        return map;
    }
}
