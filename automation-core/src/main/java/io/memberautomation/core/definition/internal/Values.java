package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.model.ZoneChoice;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of single JSON values. Each returns the value, or reports one problem at {@code at} and
 * returns empty, so callers never see a half-read value.
 */
final class Values {
    private Values() {}

    static final String PATH_ROOTS = "member.*, previous.*, event.*, organization.* or steps.<id>.output.*";
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");

    /** "a string", "an object", ...: the JSON type of a node, for messages. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    /** Reports a value of the wrong JSON type; null gets its own code because the fix is different. */
    static void wrongType(JsonNode node, JsonPath at, Problems problems, String expected) {
        if (node.isNull()) {
            problems.error(at, ProblemCode.NULL_NOT_ALLOWED, "null is not allowed; leave the key out instead");
        } else {
            problems.error(at, ProblemCode.INVALID_TYPE, "expected " + expected + ", got " + describe(node));
        }
    }

    static Optional<String> text(JsonNode node, JsonPath at, Problems problems) {
        if (!node.isTextual()) {
            wrongType(node, at, problems, "a string");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    static Optional<String> nonBlankText(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isPresent() && text.get().isBlank()) {
            problems.error(at, ProblemCode.INVALID_VALUE, "must not be blank");
            return Optional.empty();
        }
        return text;
    }

    static Optional<Integer> integer(JsonNode node, JsonPath at, Problems problems) {
        if (!node.isIntegralNumber()) {
            wrongType(node, at, problems, "an integer");
            return Optional.empty();
        }
        if (!node.canConvertToInt()) {
            problems.error(at, ProblemCode.INVALID_VALUE, "integer out of range: " + node.asText());
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    static Optional<BigDecimal> number(JsonNode node, JsonPath at, Problems problems) {
        if (!node.isNumber()) {
            wrongType(node, at, problems, "a number");
            return Optional.empty();
        }
        return Optional.of(node.decimalValue());
    }

    static Optional<Boolean> bool(JsonNode node, JsonPath at, Problems problems) {
        if (!node.isBoolean()) {
            wrongType(node, at, problems, "true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> value = WireName.parse(type, text.get());
        if (value.isEmpty()) {
            problems.error(at, ProblemCode.INVALID_ENUM, quote(text.get()) + " is not one of "
                    + String.join(", ", WireName.all(type)));
        }
        return value;
    }

    /** An ISO-8601 duration; {@code signed} allows a negative one ({@code -P7D}, "7 days before"). */
    static Optional<IsoDuration> duration(JsonNode node, JsonPath at, Problems problems, boolean signed) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            IsoDuration duration = IsoDuration.parse(text.get());
            if (!signed && duration.isNegative()) {
                problems.error(at, ProblemCode.INVALID_DURATION, "must not be negative: " + quote(text.get()));
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (IllegalArgumentException e) {
            problems.error(at, ProblemCode.INVALID_DURATION, quote(text.get())
                    + " is not an ISO-8601 duration (such as PT15M, P3D, P1DT2H, -P7D)");
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var matcher = HH_MM.matcher(text.get());
        if (!matcher.matches()) {
            problems.error(at, ProblemCode.INVALID_TIME, quote(text.get()) + " is not a local time HH:mm (00:00 to 23:59)");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    static Optional<ZoneId> zone(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.get()));
        } catch (DateTimeException e) {
            problems.error(at, ProblemCode.INVALID_ZONE, quote(text.get()) + " is not a zone id (such as Europe/London or UTC)");
            return Optional.empty();
        }
    }

    static Optional<ZoneChoice> zoneChoice(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoneChoice> choice = ZoneChoice.parse(text.get());
        if (choice.isEmpty()) {
            problems.error(at, ProblemCode.INVALID_ZONE, quote(text.get())
                    + " is not \"member\", \"automation\" or a zone id (such as Europe/London)");
        }
        return choice;
    }

    static Optional<FieldPath> fieldPath(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = text(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldPath> path = FieldPath.tryParse(text.get());
        if (path.isEmpty()) {
            problems.error(at, ProblemCode.INVALID_FIELD_PATH, quote(text.get()) + " is not a field path (expected "
                    + PATH_ROOTS + ")");
        }
        return path;
    }

    /** A {@code member.*} path: the fields an automation may write or count on. */
    static Optional<FieldPath> memberPath(JsonNode node, JsonPath at, Problems problems) {
        Optional<FieldPath> path = fieldPath(node, at, problems);
        if (path.isPresent() && path.get().root() != FieldPath.Root.MEMBER) {
            problems.error(at, ProblemCode.INVALID_FIELD_PATH, quote(path.get().toString())
                    + " must be a member.* field here");
            return Optional.empty();
        }
        return path;
    }

    /** A top-level member field ({@code member.renewal_date}): what date schedules and delays can read. */
    static Optional<FieldPath> memberDatePath(JsonNode node, JsonPath at, Problems problems) {
        Optional<FieldPath> path = memberPath(node, at, problems);
        if (path.isPresent() && path.get().keys().size() != 1) {
            problems.error(at, ProblemCode.INVALID_FIELD_PATH, quote(path.get().toString())
                    + " must name a top-level member field here, such as member.renewal_date");
            return Optional.empty();
        }
        return path;
    }

    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
