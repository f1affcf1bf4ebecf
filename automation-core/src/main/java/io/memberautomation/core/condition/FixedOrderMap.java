package io.memberautomation.core.condition;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of up to {@value #MAX} entries over a shared array of keys, iterated in key order, with the
 * values in fields. Explanations are rendered into these on every condition step and kept in its step log, so
 * the rendering is one object per node instead of a {@code LinkedHashMap}'s table and a node per key. Equal to
 * any map with the same entries ({@link AbstractMap}).
 */
final class FixedOrderMap extends AbstractMap<String, Object> {
    static final int MAX = 6;

    private final String[] keys;
    private final Object v0;
    private final Object v1;
    private final Object v2;
    private final Object v3;
    private final @Nullable Object v4;
    private final @Nullable Object v5;

    /**
     * @param keys   never changed afterwards, so shapes may share one array; 4 to {@value #MAX} of them
     * @param values as many as keys; copied into fields, so the array may be reused
     */
    FixedOrderMap(String[] keys, Object[] values) {
        if (keys.length != values.length || keys.length < 4 || keys.length > MAX) {
            throw new IllegalArgumentException(keys.length + " keys for " + values.length + " values");
        }
        this.keys = keys;
        this.v0 = values[0];
        this.v1 = values[1];
        this.v2 = values[2];
        this.v3 = values[3];
        this.v4 = keys.length > 4 ? values[4] : null;
        this.v5 = keys.length > 5 ? values[5] : null;
    }

    private Object value(int index) {
        Object value = switch (index) {
            case 0 -> v0;
            case 1 -> v1;
            case 2 -> v2;
            case 3 -> v3;
            case 4 -> v4;
            default -> v5;
        };
        return Objects.requireNonNull(value);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        int index = indexOf(key);
        return index < 0 ? null : value(index);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], value(i));
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], value(next));
                        next++;
                        return entry;
                    }
                };
            }
        };
    }

    private int indexOf(@Nullable Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
