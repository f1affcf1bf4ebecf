package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object of a scenario being read: looks up keys, checks their types, and reports what is wrong
 * with its path instead of throwing, so that a reader finds every problem in one pass.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private JsonFields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Opens an object, reporting a non-object and every key outside {@code allowed}.
     *
     * @param what what the object is, for messages ("a segment")
     */
    static Optional<JsonFields> open(JsonNode node, String path, Problems problems, String what, List<String> allowed) {
        if (!node.isObject()) {
            problems.add(path, "invalid_type", "expected " + what + " (an object), got " + describe(node));
            return Optional.empty();
        }
        JsonFields fields = new JsonFields(node, path, problems);
        if (!allowed.isEmpty()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(fields.at(name), "unknown_key", "unknown key \"" + name + "\" in " + what
                            + "; allowed: " + String.join(", ", allowed));
                }
            }
        }
        return Optional.of(fields);
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    String at(String key) {
        return Problems.key(path, key);
    }

    boolean has(String key) {
        return node.has(key);
    }

    Optional<JsonNode> optional(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            problems.add(at(key), "null_not_allowed", "null is not allowed: leave the key out instead");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<JsonNode> required(String key, String what) {
        if (!node.has(key)) {
            problems.add(at(key), "missing_key", what + " needs \"" + key + "\"");
            return Optional.empty();
        }
        return optional(key);
    }

    Optional<String> requiredText(String key, String what) {
        return required(key, what).flatMap(value -> text(value, at(key)));
    }

    Optional<String> optionalText(String key) {
        return optional(key).flatMap(value -> text(value, at(key)));
    }

    Optional<Boolean> optionalBoolean(String key) {
        return optional(key).flatMap(value -> {
            if (!value.isBoolean()) {
                problems.add(at(key), "invalid_type", "expected true or false, got " + describe(value));
                return Optional.empty();
            }
            return Optional.of(value.booleanValue());
        });
    }

    Optional<Instant> requiredInstant(String key, String what) {
        return requiredText(key, what).flatMap(text -> instant(text, at(key)));
    }

    Optional<ZoneId> optionalZone(String key) {
        return optionalText(key).flatMap(text -> zone(text, at(key), problems));
    }

    /** The values of an array; a value that is not an array is reported. */
    Optional<List<JsonNode>> optionalArray(String key) {
        return optional(key).flatMap(value -> array(value, at(key)));
    }

    /** An array of non-blank strings. */
    Optional<List<String>> optionalStrings(String key) {
        return optionalArray(key).map(values -> {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                text(values.get(i), Problems.index(at(key), i)).ifPresent(strings::add);
            }
            return strings;
        });
    }

    Optional<List<JsonNode>> array(JsonNode value, String at) {
        if (!value.isArray()) {
            problems.add(at, "invalid_type", "expected an array, got " + describe(value));
            return Optional.empty();
        }
        List<JsonNode> values = new ArrayList<>();
        value.forEach(values::add);
        return Optional.of(values);
    }

    private Optional<String> text(JsonNode value, String at) {
        if (!value.isTextual()) {
            problems.add(at, "invalid_type", "expected a string, got " + describe(value));
            return Optional.empty();
        }
        if (value.textValue().isBlank()) {
            problems.add(at, "invalid_value", "must not be blank");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private Optional<Instant> instant(String text, String at) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            problems.add(at, "invalid_instant", "\"" + text + "\" is not an ISO-8601 instant such as"
                    + " \"2026-01-05T08:00:00Z\"");
            return Optional.empty();
        }
    }

    static Optional<ZoneId> zone(String text, String at, Problems problems) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            problems.add(at, "invalid_zone", "\"" + text + "\" is not a zone id such as \"Europe/London\"");
            return Optional.empty();
        }
    }

    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
