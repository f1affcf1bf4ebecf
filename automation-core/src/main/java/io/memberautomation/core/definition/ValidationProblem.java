package io.memberautomation.core.definition;

import java.util.Objects;

/**
 * One problem of a definition: where (a JSON path such as {@code $.steps[2].nextSteps[0]}), what (a stable
 * {@link ProblemCode}), a message for people, and whether it blocks saving ({@link Severity#ERROR}) or is
 * only worth a look ({@link Severity#WARNING}).
 *
 * @param path     JSON path of the offending value, {@code $} for the document
 * @param code     stable code
 * @param message  what is wrong and, where it helps, what is allowed
 * @param severity error or warning
 */
public record ValidationProblem(String path, ProblemCode code, String message, Severity severity) {

    /** Whether a problem makes the definition invalid. */
    public enum Severity {
        /** The definition is refused. */
        ERROR,
        /** The definition is accepted, but probably not what its author meant. */
        WARNING
    }

    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a problem path starts with $: \"" + path + "\"");
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static ValidationProblem error(String path, ProblemCode code, String message) {
        return new ValidationProblem(path, code, message, Severity.ERROR);
    }

    public static ValidationProblem warning(String path, ProblemCode code, String message) {
        return new ValidationProblem(path, code, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code $.steps[2].nextSteps[0]: unknown_step: no step with id "send-reminder"}; a warning starts with
     * {@code warning: }. Stable: tools may print and parse it.
     */
    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + path + ": " + code.wireName() + ": " + message;
    }
}
