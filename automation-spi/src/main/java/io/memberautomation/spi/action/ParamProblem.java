package io.memberautomation.spi.action;

import java.util.Objects;

/**
 * A problem with an action's params, found when the automation is saved.
 *
 * @param param   the param's path below {@code params} ({@code url}, {@code headers.Authorization})
 * @param message what is wrong, for a person
 */
public record ParamProblem(String param, String message) {
    public ParamProblem {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(message, "message");
    }
}
