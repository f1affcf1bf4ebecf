package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ProblemCode;

import java.util.Optional;
import java.util.function.Supplier;

/** Builds model records from values the readers already checked. */
final class Models {
    private Models() {}

    /**
     * Constructs a record unless a problem was reported since {@code errorsBefore} (the part is then
     * already known to be bad, and one problem per mistake is enough). A constructor that still refuses
     * its input is reported as {@code invalid_value} at {@code at}: the model's own rules are the last
     * line, and their exception never escapes validation.
     */
    static <T> Optional<T> build(Problems problems, JsonPath at, int errorsBefore, Supplier<T> constructor) {
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException e) {
            problems.error(at, ProblemCode.INVALID_VALUE, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }
}
