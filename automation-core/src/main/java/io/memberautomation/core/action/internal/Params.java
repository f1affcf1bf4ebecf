package io.memberautomation.core.action.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads action params after rendering: a string param that rendered blank counts as absent. */
final class Params {
    private Params() {}

    static Optional<String> text(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
        }
        if (value == null || value instanceof Map || value instanceof List) {
            return Optional.empty();
        }
        return Optional.of(value.toString());
    }

    /** The first of the names that is present, so aliases ({@code tag} / {@code tagId}) read alike. */
    static Optional<String> text(Map<String, Object> params, String name, String alias) {
        return text(params, name).or(() -> text(params, alias));
    }

    static Optional<Map<?, ?>> object(Map<String, Object> params, String name) {
        return params.get(name) instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
    }
}
