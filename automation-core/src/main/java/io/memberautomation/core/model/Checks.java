package io.memberautomation.core.model;

import java.util.List;
import java.util.Objects;

/** Construction-time checks shared by the model records. */
final class Checks {
    private Checks() {}

    static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String what) {
        Objects.requireNonNull(values, what);
        return List.copyOf(values);
    }
}
