package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object being read: refuses keys the format does not allow there, and reads keys as typed
 * values, reporting a missing required key or a wrong value at the key's own path.
 */
final class Fields {

    private final JsonNode node;
    private final JsonPath at;
    private final Problems problems;

    private Fields(JsonNode node, JsonPath at, Problems problems) {
        this.node = node;
        this.at = at;
        this.problems = problems;
    }

    /**
     * Opens {@code node} as an object whose keys must be among {@code allowed}; each other key is one
     * {@code unknown_key} problem. Empty (after reporting) when the node is not an object.
     */
    static Optional<Fields> open(JsonNode node, JsonPath at, Problems problems, String what, List<String> allowed) {
        if (!node.isObject()) {
            Values.wrongType(node, at, problems, "an object (" + what + ")");
            return Optional.empty();
        }
        Fields fields = new Fields(node, at, problems);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.error(at.key(name), ProblemCode.UNKNOWN_KEY, "unknown key " + Values.quote(name) + " in "
                        + what + "; allowed keys: " + String.join(", ", allowed));
            }
        }
        return Optional.of(fields);
    }

    JsonPath at() {
        return at;
    }

    JsonPath at(String key) {
        return at.key(key);
    }

    boolean has(String key) {
        return node.has(key);
    }

    /** Refuses a key that the format knows but does not allow in this object, saying why. */
    void refuse(String key, String why) {
        problems.error(at(key), ProblemCode.UNKNOWN_KEY, why);
    }

    /** The value of an optional key; JSON null is reported and read as absent. */
    Optional<JsonNode> optional(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            problems.error(at(key), ProblemCode.NULL_NOT_ALLOWED, "null is not allowed; leave the key out instead");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The value of a required key; reports {@code missing_key} at the key's path when it is absent. */
    Optional<JsonNode> required(String key) {
        if (!node.has(key)) {
            problems.error(at(key), ProblemCode.MISSING_KEY, "missing required key " + Values.quote(key));
            return Optional.empty();
        }
        return optional(key);
    }

    /** Reads an optional key with a typed reader {@code (node, path, problems) -> value}. */
    <T> Optional<T> optional(String key, Reader<T> reader) {
        return optional(key).flatMap(value -> reader.read(value, at(key), problems));
    }

    <T> Optional<T> required(String key, Reader<T> reader) {
        return required(key).flatMap(value -> reader.read(value, at(key), problems));
    }

    Optional<String> requiredText(String key) {
        return required(key, Values::nonBlankText);
    }

    Optional<String> optionalText(String key) {
        return optional(key, Values::nonBlankText);
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
        return optional(key, (value, path, p) -> Values.enumValue(type, value, path, p));
    }

    <E extends Enum<E>> Optional<E> requiredEnum(String key, Class<E> type) {
        return required(key, (value, path, p) -> Values.enumValue(type, value, path, p));
    }

    Optional<IsoDuration> optionalDuration(String key, boolean signed) {
        return optional(key, (value, path, p) -> Values.duration(value, path, p, signed));
    }

    Optional<IsoDuration> requiredDuration(String key, boolean signed) {
        return required(key, (value, path, p) -> Values.duration(value, path, p, signed));
    }

    Optional<FieldPath> requiredMemberPath(String key) {
        return required(key, Values::memberPath);
    }

    /**
     * An optional array, each element read with {@code element}; elements that fail are reported and
     * left out. Empty when the key is absent or not an array.
     */
    <T> Optional<List<T>> optionalList(String key, Reader<T> element) {
        Optional<JsonNode> value = optional(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray()) {
            Values.wrongType(value.get(), at(key), problems, "an array");
            return Optional.empty();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.get().size(); i++) {
            element.read(value.get().get(i), at(key).index(i), problems).ifPresent(result::add);
        }
        return Optional.of(result);
    }

    /** Reads one JSON value at a path, reporting at most one problem there. */
    @FunctionalInterface
    interface Reader<T> {
        Optional<T> read(JsonNode value, JsonPath at, Problems problems);
    }
}
