package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ActionParamsValidator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The action types a definition may use: the built-in ones and those the host registered. Immutable. */
public final class ActionTypes {

    /** The action type that waits like a delay step, and so may close a loop. */
    public static final String WAIT = "wait";

    private final Map<String, ActionParamsValidator> validators;

    private ActionTypes(Map<String, ActionParamsValidator> validators) {
        this.validators = validators;
    }

    /**
     * The built-in types plus {@code custom}.
     *
     * @throws IllegalArgumentException when a custom type reuses a built-in name
     */
    public static ActionTypes withCustom(Map<String, ActionParamsValidator> custom) {
        Map<String, ActionParamsValidator> all = new LinkedHashMap<>(BuiltinActions.validators());
        custom.forEach((type, validator) -> {
            if (all.putIfAbsent(type, validator) != null) {
                throw new IllegalArgumentException("\"" + type + "\" is a built-in action type");
            }
        });
        return new ActionTypes(Map.copyOf(all));
    }

    public static boolean isBuiltIn(String type) {
        return BuiltinActions.validators().containsKey(type);
    }

    Optional<ActionParamsValidator> validator(String type) {
        return Optional.ofNullable(validators.get(type));
    }

    /** Every known type, sorted, for messages. */
    List<String> known() {
        return List.copyOf(new TreeSet<>(validators.keySet()));
    }
}
