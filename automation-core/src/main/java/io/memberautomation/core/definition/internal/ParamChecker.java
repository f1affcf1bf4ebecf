package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.IsoDuration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the params of one built-in action, collecting {@link ParamProblem}s. */
final class ParamChecker {

    private final Map<String, Object> params;
    private final List<ParamProblem> problems = new ArrayList<>();

    /** Refuses every param not in {@code allowed}, naming the action type and the allowed params. */
    ParamChecker(String type, Map<String, Object> params, List<String> allowed) {
        this.params = params;
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(new ParamProblem(name(key), ProblemCode.UNKNOWN_KEY, "unknown param " + Values.quote(key)
                        + " for " + type + "; allowed params: " + String.join(", ", allowed)));
            }
        }
    }

    /** The relative path of a top-level param, written as {@link JsonPath} writes keys. */
    static String name(String key) {
        return JsonPath.ROOT.key(key).relative();
    }

    static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }

    boolean has(String key) {
        return params.containsKey(key);
    }

    Optional<Object> value(String key) {
        return Optional.ofNullable(params.get(key));
    }

    Optional<String> requiredText(String key) {
        if (!params.containsKey(key)) {
            problems.add(ParamProblem.missing(name(key)));
            return Optional.empty();
        }
        return optionalText(key);
    }

    Optional<String> optionalText(String key) {
        Object value = params.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            invalid(key, "expected a string, got " + describe(value));
            return Optional.empty();
        }
        if (text.isBlank()) {
            invalid(key, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    void optionalObject(String key) {
        Object value = params.get(key);
        if (value != null && !(value instanceof Map)) {
            invalid(key, "expected an object, got " + describe(value));
        }
    }

    Optional<IsoDuration> optionalDuration(String key) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            IsoDuration duration = IsoDuration.parse(text.get());
            if (duration.isNegative()) {
                add(new ParamProblem(name(key), ProblemCode.INVALID_DURATION, "must not be negative: "
                        + Values.quote(text.get())));
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (IllegalArgumentException e) {
            add(new ParamProblem(name(key), ProblemCode.INVALID_DURATION, Values.quote(text.get())
                    + " is not an ISO-8601 duration (such as PT15M, P3D, P1DT2H)"));
            return Optional.empty();
        }
    }

    void invalid(String key, String message) {
        problems.add(ParamProblem.invalid(name(key), message));
    }

    void add(ParamProblem problem) {
        problems.add(problem);
    }

    List<ParamProblem> problems() {
        return List.copyOf(problems);
    }
}
