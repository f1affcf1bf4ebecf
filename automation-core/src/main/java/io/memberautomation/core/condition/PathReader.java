package io.memberautomation.core.condition;

import io.memberautomation.core.model.FieldPath;
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
        if (path.root() == FieldPath.Root.STEPS) {
            String[] stepKeys = new String[source.size() - 1];
            stepKeys[0] = source.get(0);
            for (int i = 2; i < source.size(); i++) {
                stepKeys[i - 1] = source.get(i);
            }
            this.keys = stepKeys;
        } else {
            this.keys = source.toArray(new String[0]);
        }
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
