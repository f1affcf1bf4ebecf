package io.memberautomation.examples.simulate;

import java.util.Objects;

/**
 * One thing wrong with a scenario: where (a JSON path into the scenario, such as
 * {@code $.timeline[3].update.memberId} or {@code $.automations[0].steps[2].nextSteps[0]}), a stable code
 * ({@code missing_key}, {@code unknown_member}, or the definition format's code for a problem inside an
 * automation) and a message for people.
 *
 * @param path    JSON path of the offending value, {@code $} for the whole scenario
 * @param code    stable snake_case code
 * @param message what is wrong
 */
public record ScenarioProblem(String path, String code, String message) {
    public ScenarioProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a problem path starts with $: \"" + path + "\"");
        }
    }

    /** {@code $.start: missing_key: a scenario needs "start"}: stable, one line. */
    @Override
    public String toString() {
        return path + ": " + code + ": " + message;
    }
}
