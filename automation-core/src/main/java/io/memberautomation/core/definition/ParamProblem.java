package io.memberautomation.core.definition;

import java.util.Objects;

/**
 * A problem an {@link ActionParamsValidator} found in an action's params. The validator knows only the
 * params; the definition reader turns this into a {@link ValidationProblem} with the full JSON path.
 *
 * @param param   path relative to {@code params}: {@code url}, {@code headers.X-Signature}, {@code data.items[0]};
 *                empty for the params object as a whole
 * @param code    usually {@link ProblemCode#MISSING_PARAM} or {@link ProblemCode#INVALID_PARAM}
 * @param message what is wrong
 */
public record ParamProblem(String param, ProblemCode code, String message) {

    public ParamProblem {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a param problem needs a message");
        }
    }

    /** The required param {@code param} is absent. */
    public static ParamProblem missing(String param) {
        return new ParamProblem(param, ProblemCode.MISSING_PARAM, "missing required param \"" + param + "\"");
    }

    /** The param {@code param} has a wrong type or value. */
    public static ParamProblem invalid(String param, String message) {
        return new ParamProblem(param, ProblemCode.INVALID_PARAM, message);
    }
}
