package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code update_field}: a {@code member.*} field and a value (a literal, {@code {relative}} or {@code {field}}). */
final class UpdateFieldParams {
    private UpdateFieldParams() {}

    static List<ParamProblem> validate(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("update_field", params, List.of("field", "value"));
        check.requiredText("field").ifPresent(field -> {
            Optional<FieldPath> path = FieldPath.tryParse(field);
            if (path.isEmpty() || path.get().root() != FieldPath.Root.MEMBER) {
                check.add(new ParamProblem("field", ProblemCode.INVALID_FIELD_PATH, Values.quote(field)
                        + " is not a member.* field path"));
            }
        });
        if (!check.has("value")) {
            check.add(ParamProblem.missing("value"));
        }
        check.value("value").ifPresent(value -> checkValue(value, check));
        return check.problems();
    }

    private static void checkValue(Object value, ParamChecker check) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map || list.get(i) instanceof List) {
                    check.add(ParamProblem.invalid("value[" + i + "]", "a list value holds strings, numbers and booleans"));
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            checkReference(map, check);
        }
    }

    private static void checkReference(Map<?, ?> map, ParamChecker check) {
        if (map.size() != 1 || !(map.containsKey("relative") || map.containsKey("field"))) {
            check.invalid("value", "an object value is { \"relative\": duration } or { \"field\": path }");
            return;
        }
        Object inner = map.containsKey("relative") ? map.get("relative") : map.get("field");
        String key = map.containsKey("relative") ? "value.relative" : "value.field";
        if (!(inner instanceof String text)) {
            check.add(ParamProblem.invalid(key, "expected a string, got " + ParamChecker.describe(inner)));
        } else if (map.containsKey("relative")) {
            try {
                IsoDuration.parse(text);
            } catch (IllegalArgumentException e) {
                check.add(new ParamProblem(key, ProblemCode.INVALID_DURATION, Values.quote(text)
                        + " is not an ISO-8601 duration (such as P7D or -P1M)"));
            }
        } else if (FieldPath.tryParse(text).isEmpty()) {
            check.add(new ParamProblem(key, ProblemCode.INVALID_FIELD_PATH, Values.quote(text)
                    + " is not a field path (expected " + Values.PATH_ROOTS + ")"));
        }
    }
}
