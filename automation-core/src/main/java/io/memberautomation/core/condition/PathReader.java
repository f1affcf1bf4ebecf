package io.memberautomation.core.condition;

import io.memberautomation.core.model.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A field path resolved into a root index and an array of map keys, so that reading it is a few
 * {@link Map#get} calls. For {@code steps.<id>.output.x} the keys are {@code [id, x]}: the steps root maps a
 * step id to its output, and {@code output} itself is not a key.
 */
final class PathReader {
    private final FieldPath path;
    private final int root;
    private final String[] keys;

    PathReader(FieldPath path) {
        this.path = path;
        this.root = path.root().ordinal();
        List<String> source = path.keys();
        List<String> keys = path.root() == FieldPath.Root.STEPS
                ? concat(source.subList(0, 1), source.subList(2, source.size()))
                : source;
        this.keys = new String[keys.size()];
        for (int i = 0; i < this.keys.length; i++) {
            // interned: maps keyed by literals, or by names Jackson interns, then match by identity in Map.get
            this.keys[i] = keys.get(i).intern();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The key when the path is {@code member.<key>}, else null. */
    @Nullable String memberKey() {
        return root == FieldPath.Root.MEMBER.ordinal() && keys.length == 1 ? keys[0] : null;
    }

    FieldPath path() {
        return path;
    }

    /** The value at the path, or null when any step of the way is absent, null, or not a map. */
    @Nullable Object read(EvaluationContext ctx) {
        Object current = ctx.root(root);
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
