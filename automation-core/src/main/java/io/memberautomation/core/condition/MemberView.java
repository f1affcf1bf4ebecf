package io.memberautomation.core.condition;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A member's fields with its {@code id}, as conditions see {@code member.*}, over the member's own field map rather
 * than a copy of it: a condition step reads the one or two fields it names instead of copying every field of a
 * member that is rarely in cache. Only for maps that never change, such as a {@code Member}'s.
 */
final class MemberView extends AbstractMap<String, Object> {
    private static final String ID = "id";

    private final String id;
    private final Map<String, Object> fields;

    /** @param fields never changed afterwards, without an {@code id} key */
    MemberView(String id, Map<String, Object> fields) {
        this.id = id;
        this.fields = fields;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        return ID.equals(key) ? id : fields.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return ID.equals(key) || fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size() + 1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return MemberView.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                Iterator<Map.Entry<String, Object>> rest = fields.entrySet().iterator();
                return new Iterator<>() {
                    private boolean idGiven;

                    @Override
                    public boolean hasNext() {
                        return !idGiven || rest.hasNext();
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (!idGiven) {
                            idGiven = true;
                            return new SimpleImmutableEntry<>(ID, id);
                        }
                        if (!rest.hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> entry = rest.next();
                        return new SimpleImmutableEntry<>(entry.getKey(), entry.getValue());
                    }
                };
            }
        };
    }
}
